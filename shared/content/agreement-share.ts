import type { Agreement } from '../model/agreement.ts';

// Sharing an agreement with your partner: as plain text to paste into a message or a note,
// or on one printed page. Only what the two of you agreed and when; nothing about bodies,
// sessions or the journal goes with it.

export const AGREEMENT_SHARE_WORDS = {
  copy: 'Copy as text',
  print: 'Print…',
  /** Said once the text is on the clipboard. */
  copied: 'Copied. You can paste it into a message or a note for your partner.',
  /** Said when the system would not take the text. */
  copyFailed: 'Copying did not work this time. You can select the words above and copy them yourself.',
  previewTitle: 'Your agreement, ready to print',
  previewIntro: 'This is the page that prints. Your system’s print window can also save it as a PDF. It stays on this computer unless you choose to share it.',
  pageTitle: 'What we agreed to try next time',
  footer: 'From Attune, kept on my own computer. Something we agreed after finding our way back to each other, to look at together now and then.',
} as const;

/** When it was made, and when to come back to it if that was set: one line, for the text and the page. */
export function agreementDates(agreement: Pick<Agreement, 'createdAtMs' | 'remindAtMs'>, formatDate: (ms: number) => string): string {
  const made = `Made on ${formatDate(agreement.createdAtMs)}`;
  return agreement.remindAtMs === null ? `${made}.` : `${made}; we will come back to it on ${formatDate(agreement.remindAtMs)}.`;
}

/** The agreement as plain text: a heading line, the words in quotes, the dates. */
export function agreementAsText(agreement: Pick<Agreement, 'text' | 'createdAtMs' | 'remindAtMs'>, formatDate: (ms: number) => string): string {
  return [`${AGREEMENT_SHARE_WORDS.pageTitle}:`, `“${agreement.text.trim()}”`, agreementDates(agreement, formatDate)].join('\n\n');
}
