import type { MouseEvent } from 'react';
import { settingsHash, SETTINGS_SECTION_IDS, type SettingsSectionId } from '../../app/routes.ts';
import { openSettingsSection } from './settings-path.ts';

// The side list of Settings' sections. Each is a real link (`#/settings/data`), so it can be
// opened with Enter, copied, or reached from another screen the same way.

export const SECTION_TITLES: Record<SettingsSectionId, string> = {
  'heart-rate': 'Heart rate',
  reminders: 'Reminders',
  breathing: 'Breathing',
  appearance: 'Appearance',
  shortcuts: 'Keyboard shortcuts',
  data: 'Your data',
  about: 'About Attune',
};

/** The id of a section's heading, which the section is labelled by and focus moves to. */
export function sectionHeadingId(section: SettingsSectionId): string {
  return `settings-${section}`;
}

export function SettingsNav({ current }: { current: SettingsSectionId }) {
  return (
    <nav aria-label="Settings sections" className="settings-nav">
      <ul>
        {SETTINGS_SECTION_IDS.map((id) => (
          <li key={id}>
            <a
              href={settingsHash(id)}
              className="settings-nav-link"
              aria-current={id === current ? 'page' : undefined}
              onClick={(event: MouseEvent<HTMLAnchorElement>) => {
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                event.preventDefault();
                openSettingsSection(id);
                // The open section's own link takes the user to its heading, as the others do.
                if (id === current) document.getElementById(sectionHeadingId(id))?.focus();
              }}
            >
              {SECTION_TITLES[id]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
