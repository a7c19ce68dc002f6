// The records store's words to the user: why a call on a record failed, what happened to a
// damaged file, why the records could not be opened. The store's own errors carry only a kind
// and a technical detail; main/ipc/store-errors.ts picks the sentence here for the window, and
// the store's notices and key problems take theirs from here too. A sentence with a figure or
// a name in it is a small function, so the caller only supplies the value. Plain words, no
// blame, and always what is safe.

/** What a call was looking for, as the sentence names it. */
export type StoredThing = 'session' | 'journal entry' | 'agreement';

export const RECORD_ERROR_WORDS = {
  noSuchRecord: (what: StoredThing) => `There is no ${what} with that id.`,
  entryChangedElsewhere: 'This entry was changed elsewhere since it was opened. Reload it and try again.',
  sessionNotRecording: 'This session is no longer recording.',
  sessionStillRecording: 'This session is still recording. Finish it first, then it can be deleted.',
  sessionNoLongerInTrash: 'This session is no longer in the trash: deleted sessions are kept for 30 days, then removed for good.',
  recordDamaged: 'This record was damaged. It has been moved aside to the quarantine folder; everything else is fine.',
  recordFromNewerVersion: 'This record was saved by a newer version of Attune.',
  agreementNeedsText: 'A new agreement needs its text.',
  settingsNotValid: 'These settings are not valid.',
  storeClosed: 'The records store is closed.',
  storeNotOpen: 'The records store is not open.',
  storeNotReopened: 'The records store could not be opened after deleting.',
  recordNotValid: 'This could not be saved: part of it is outside what Attune can keep (a date, a count or a length). Nothing was changed.',
} as const;

export const STORAGE_ERROR_WORDS = {
  diskFull: 'The disk is full, so this was not saved. Everything saved before is safe; free some space and try again.',
  /** `fsCode` is the system's own name for the failure, e.g. EACCES: it helps support. */
  couldNotWrite: (fsCode: string) => `Attune could not write to its data folder (${fsCode}). Everything saved before is safe.`,
  couldNotOpenFolder: (detail: string) => `Attune could not open its records folder. ${detail}`,
  unexpected: 'An unexpected error stopped it.',
} as const;

export const TRANSFER_ERROR_WORDS = {
  exportIncomplete: 'This folder is not a complete Attune export (its manifest.json is missing or unreadable).',
  notAnExport: 'This folder is not an Attune export.',
  exportFromNewerVersion: 'This export was made by a newer version of Attune.',
  notAFile: 'That is not a file.',
  fileTooLarge: 'That file is too large to be a heart-beat recording.',
  notARecording: (why: string) => `This file could not be read as a recording: ${why}.`,
} as const;

/** What the store tells the user once, in the notices, after it has dealt with something. */
export const STORE_NOTICE_WORDS = {
  indexRebuilt: 'The list of your records was damaged and has been rebuilt from the records themselves. Nothing was lost.',
  /** `what` names the file: 'heart-beat file', 'journal record', … */
  fileQuarantined: (what: string) =>
    `A damaged ${what} could not be read. It was moved to the quarantine folder, untouched; everything else loaded normally.`,
  sessionsRecovered: (count: number) =>
    `${count} session(s) were still recording when Attune stopped. They were saved up to the last few seconds and marked as interrupted.`,
  newerRecordsKept: (count: number) =>
    `${count} record(s) were saved by a newer version of Attune. They are kept untouched and will show again in that version.`,
  /** `what` names the list: 'sessions', 'journal entries', … */
  itemsHidden: (count: number, what: string) =>
    `${count} of your ${what} could not be shown, because something in ${count === 1 ? 'it' : 'them'} is out of range. ${count === 1 ? 'It is' : 'They are'} kept on disk as ${count === 1 ? 'it is' : 'they are'}; everything else is listed normally.`,
} as const;

/** Why the records could not be unlocked. Each says that nothing was changed. */
export const KEY_PROBLEM_WORDS = {
  missing:
    'The key that unlocks your Attune records is missing, so they cannot be read. Nothing was changed; restore key.json to the data folder, or delete everything to start again.',
  damaged: 'The key file of your Attune records is damaged, so they cannot be read. Nothing was changed.',
  damagedOrNewer: 'The key file of your Attune records is damaged or from a newer Attune, so they cannot be read. Nothing was changed.',
  keyStoreLocked:
    "Your Attune records are locked with this computer's key store, which is not available right now. Nothing was changed; try again after logging in to your desktop session.",
  keyStoreRefused:
    "This computer's key store could not unlock your Attune records (they may come from another user account or computer). Nothing was changed.",
  keyDoesNotFit: 'The key file does not unlock your Attune records (it may be damaged or belong to other data). Nothing was changed.',
  recordsFromOtherKey:
    'Your records were sealed with a different key than the one in key.json, so they cannot be read. Nothing was changed; restore the key.json that belongs to this data.',
} as const;

/**
 * When the data folder cannot be written (a full disk, a read-only disk or folder): Attune
 * still opens and shows everything, and says so in a banner that stays until it can save again.
 */
export const READ_ONLY_WORDS = {
  writeRefused:
    'Attune cannot save to its data folder right now, so this was not saved. Everything saved before is safe; free some space or check the folder, then try again.',
  bannerTitle: 'Attune can only read your data right now',
  diskFull: 'The disk is full, so nothing new can be saved. Everything saved before is safe, and you can look through it as usual.',
  notWritable:
    "Attune's data folder cannot be written to: the disk may be read-only, or the folder's permissions may have changed. Everything saved before is safe, and you can look through it as usual.",
  whatToDoFull: 'Free some space on the disk, then press Try again (or restart Attune).',
  whatToDoNotWritable: 'Check the disk and the permissions of the data folder, then press Try again (or restart Attune).',
  /** Followed by a link to Settings' Your data (`exportLink`) and a full stop. */
  exportStillWorks: 'Export still works:',
  exportLink: 'open Your data in Settings',
  settingsNotSaved: 'Changes to settings are not saved until then.',
  tryAgain: 'Try again',
  trying: 'Trying…',
  stillReadOnly: 'Attune still cannot save. Nothing was lost.',
  settingsFolderMovedAside: 'it was a folder, not a file',
  settingsNotMoved: (path: string) => `The old file could not be moved aside, so it was left as it is at ${path}.`,
} as const;

/** "about 40 seconds", "about 3 minutes": a loss is an estimate, and said as one. */
function aboutDuration(seconds: number): string {
  if (seconds < 90) {
    const whole = Math.max(1, Math.round(seconds));
    return `about ${whole} ${whole === 1 ? 'second' : 'seconds'}`;
  }
  return `about ${Math.round(seconds / 60)} minutes`;
}

function beatsWord(count: number): string {
  return `${count} ${count === 1 ? 'beat' : 'beats'}`;
}

/** Part of a session's beats file found damaged on disk (the rest kept, the file copied to quarantine). */
export const BEATS_DAMAGE_WORDS = {
  partialNotice: (loss: { beats: number; seconds: number }) =>
    `Part of a session's heart data was damaged on disk: ${aboutDuration(loss.seconds)} (${beatsWord(loss.beats)}) could not be read. Everything else in it was kept, and a copy of the damaged file is in the quarantine folder.`,
  repairedNotice:
    "A session's heart-beat file was damaged on disk, but every beat in it could still be read. It was written afresh, and a copy of the damaged file is in the quarantine folder.",
  /** On the session's page, after "N beats recorded." */
  sessionNote: (loss: { beats: number; seconds: number }) =>
    `Part of this session's heart data was damaged: ${aboutDuration(loss.seconds)} (${beatsWord(loss.beats)}) could not be read, so the charts have a gap. The rest is shown as recorded.`,
} as const;

/** Settings → Your data: what is in the quarantine folder, and taking a copy of it. */
export const QUARANTINE_WORDS = {
  heading: 'Files set aside',
  none: 'No damaged files have been found.',
  intro: (count: number) =>
    `${count === 1 ? '1 file' : `${count} files`} could not be read as they were and ${count === 1 ? 'was' : 'were'} set aside in the quarantine folder, untouched. Everything else opened normally.`,
  kind: {
    session: 'Session record',
    journal: 'Journal entry',
    agreement: 'Agreement',
    beats: 'Heart beats of a session',
    index: 'List of records (rebuilt)',
    record: 'A record',
    other: 'Other file',
  },
  copied: 'a copy; the readable part is still in place',
  noReason: 'No reason was noted.',
  unknownTime: 'Time not known',
  exportButton: 'Export quarantined files…',
  exportExplain:
    'The files stay encrypted, exactly as they were found: they are for a support request or a later recovery tool, and cannot be opened on their own.',
  exported: (count: number, folder: string) => `Copied ${count === 1 ? '1 file' : `${count} files`} to ${folder}.`,
  exportProblems: (count: number) => `${count === 1 ? '1 file' : `${count} files`} could not be copied:`,
  exportFailed: (why: string) => `Nothing was copied. ${why}`,
} as const;
