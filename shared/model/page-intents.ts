// Actions a person starts outside the page, in the tray menu, that the page must carry out
// with what only a click inside it grants: Chromium runs a Bluetooth scan (requestDevice)
// only while the page handles a user gesture. Main passes the tray click on as one
// (webContents.executeJavaScript with userGesture), calling the page's registry by this name.

export const PAGE_INTENTS = ['reconnect-strap'] as const;
export type PageIntent = (typeof PAGE_INTENTS)[number];

/** The page's registry of intent handlers, on `window` (the page's own world, where main's script runs). */
export const PAGE_INTENT_GLOBAL = 'attunePageIntents';

export type PageIntentRegistry = {
  /** Runs the intent's handler; false when no part of the page handles it now. */
  run(intent: string): boolean;
};

/** The script main runs in the page for an intent: true when the page handled it. */
export function pageIntentScript(intent: PageIntent): string {
  return `window.${PAGE_INTENT_GLOBAL}?.run(${JSON.stringify(intent)}) === true`;
}
