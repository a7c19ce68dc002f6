import { useSyncExternalStore } from 'react';
import { createHashStore } from '../../app/hash-route.ts';
import { parseSettingsSection, settingsHash, SETTINGS_SECTION_IDS, type SettingsSectionId } from '../../app/routes.ts';

// Which section of Settings is open, kept in the hash (`#/settings/reminders`) so a reload
// keeps it and other screens can link to it. No section, or one Attune does not know (an old
// link), opens the first.

export type SettingsPlace = {
  section: SettingsSectionId;
  /** True when the address named this section, false when Settings fell back to the first. */
  named: boolean;
};

const hashStore = createHashStore();

export function useSettingsPlace(): SettingsPlace {
  const hash = useSyncExternalStore(hashStore.subscribe, () => window.location.hash, () => '#/settings');
  const named = parseSettingsSection(hash);
  return { section: named ?? SETTINGS_SECTION_IDS[0], named: named !== null };
}

export function openSettingsSection(section: SettingsSectionId): void {
  const hash = settingsHash(section);
  if (window.location.hash !== hash) window.location.hash = hash;
  hashStore.notify();
}
