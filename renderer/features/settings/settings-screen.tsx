import { useCallback, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import type { WindowSettingsPatch } from '../../../shared/model/settings.ts';
import type { SettingsSectionId } from '../../app/routes.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { Screen } from '../../components/screen.tsx';
import type { ScreenProps } from '../screen-props.ts';
import { AboutSection } from './about-section.tsx';
import { DataSection } from './data-section.tsx';
import { AppearanceSection, BreathingSection, HeartRateSection, type SettingsFormProps } from './preference-sections.tsx';
import { RemindersSection } from './reminders-section.tsx';
import { SECTION_TITLES, sectionHeadingId, SettingsNav } from './settings-nav.tsx';
import { useSettingsPlace } from './settings-path.ts';
import { ShortcutsSection } from './shortcuts-section.tsx';

// Settings, one section at a time beside a list of them, the open one named in the address.
// Every change saves at once through `settings.update`. A quiet line says "saved"; if main
// refuses, the control goes back and the reason stays beside it.

type Status = { text: string; tone: 'quiet' | 'problem' } | null;

/**
 * What each section shows: `form` sections are made of settings and wait for main's settings
 * to arrive; `own` sections ask main for what they show themselves.
 */
const SECTIONS: Record<SettingsSectionId, { form: ComponentType<SettingsFormProps> } | { own: ComponentType }> = {
  'heart-rate': { form: HeartRateSection },
  reminders: { form: RemindersSection },
  breathing: { form: BreathingSection },
  appearance: { form: AppearanceSection },
  shortcuts: { own: ShortcutsSection },
  data: { own: DataSection },
  about: { own: AboutSection },
};

export function SettingsScreen({ focusOnMount }: ScreenProps) {
  const { state, update } = useSettings();
  const { section, named } = useSettingsPlace();
  const [status, setStatus] = useState<Status>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Arriving on a named section (a link from another screen) puts focus on that section's
  // heading rather than the page's; once the user changes section, focus follows each change.
  const [focusTitle] = useState(focusOnMount && !named);
  const [openedOn] = useState(section);
  const [hasMoved, setHasMoved] = useState(false);
  if (!hasMoved && section !== openedOn) setHasMoved(true);
  const focusSection = hasMoved || (focusOnMount && named);
  // The saved line speaks of the section it was said in: a new section starts without it.
  const [statusSection, setStatusSection] = useState(section);
  if (statusSection !== section) {
    setStatusSection(section);
    setStatus(null);
  }

  const save = useCallback(
    async (field: string, label: string, patch: WindowSettingsPatch): Promise<boolean> => {
      setStatus({ text: `Saving ${label}…`, tone: 'quiet' });
      const result = await update(patch);
      if (result.ok) {
        setErrors(({ [field]: _gone, ...rest }) => rest);
        setStatus({ text: `${label}: saved`, tone: 'quiet' });
        return true;
      }
      setErrors((current) => ({ ...current, [field]: `Not saved, so it is back to what it was. ${result.message}` }));
      setStatus({ text: `${label}: not saved. ${result.message}`, tone: 'problem' });
      return false;
    },
    [update],
  );

  const shown = SECTIONS[section];
  let body: ReactNode;
  if ('own' in shown) body = <shown.own />;
  else if (state.status === 'loading') body = <p>Loading your settings…</p>;
  else if (state.status === 'failed')
    body = (
      <p className="field-error" role="alert">
        Your settings could not be loaded. {state.message}
      </p>
    );
  else body = <shown.form settings={state.settings} errors={errors} save={save} setErrors={setErrors} />;

  return (
    <Screen title="Settings" focusOnMount={focusTitle}>
      <p className={`save-status${status?.tone === 'problem' ? ' save-status-problem' : ''}`} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
      <div className="settings-layout">
        <SettingsNav current={section} />
        <SectionFrame key={section} section={section} focusOnMount={focusSection}>
          {body}
        </SectionFrame>
      </div>
    </Screen>
  );
}

/** One section with its heading, which takes focus when the user has just moved here. */
function SectionFrame({ section, focusOnMount, children }: { section: SettingsSectionId; focusOnMount: boolean; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = sectionHeadingId(section);
  // Keyed by section, so this runs as each section opens.
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  return (
    <section className="settings-section" aria-labelledby={headingId} data-section={section}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {SECTION_TITLES[section]}
      </h2>
      {children}
    </section>
  );
}
