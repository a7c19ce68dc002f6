import { pageIntentScript, type PageIntent } from '../../shared/model/page-intents.ts';

// Runs a tray choice in the page as if the user had clicked there (shared/model/page-intents.ts).

/** The part of Electron's WebContents this needs (a stand-in in tests). */
export type IntentTarget = {
  isLoading(): boolean;
  executeJavaScript(code: string, userGesture?: boolean): Promise<unknown>;
};

/**
 * True when the page handled the intent. A page still loading has not registered its
 * handlers yet: it is left alone (the screen it opens on offers the same action), as is one
 * whose script fails (a crashed page, a closing window).
 */
export async function runPageIntent(target: IntentTarget, intent: PageIntent): Promise<boolean> {
  if (target.isLoading()) return false;
  try {
    // userGesture: the click in the tray menu is the gesture a Bluetooth scan needs.
    return (await target.executeJavaScript(pageIntentScript(intent), true)) === true;
  } catch {
    return false;
  }
}
