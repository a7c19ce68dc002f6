import { describe, expect, it } from 'vitest';
import { runPageIntent, type IntentTarget } from '../../../main/electron/page-intents.ts';

// The tray's choice carried into the page: main must pass the click on as a user gesture
// (without it Chromium refuses the Bluetooth scan a forgotten strap needs), and must not
// count on a page that cannot take it.

function page(answer: () => Promise<unknown>, loading = false): IntentTarget & { runs: Array<{ code: string; userGesture: boolean | undefined }> } {
  const runs: Array<{ code: string; userGesture: boolean | undefined }> = [];
  return {
    runs,
    isLoading: () => loading,
    executeJavaScript: (code, userGesture) => {
      runs.push({ code, userGesture });
      return answer();
    },
  };
}

describe('runPageIntent', () => {
  it('runs the intent in the page as a user gesture, and says whether the page handled it', async () => {
    const handled = page(async () => true);
    expect(await runPageIntent(handled, 'reconnect-strap')).toBe(true);
    expect(handled.runs).toEqual([{ code: 'window.attunePageIntents?.run("reconnect-strap") === true', userGesture: true }]);
    expect(await runPageIntent(page(async () => false), 'reconnect-strap')).toBe(false);
  });

  it('leaves a page that is still loading alone, and a failing script ends in false, not a rejection', async () => {
    const loading = page(async () => true, true);
    expect(await runPageIntent(loading, 'reconnect-strap')).toBe(false);
    expect(loading.runs).toEqual([]);
    expect(await runPageIntent(page(() => Promise.reject(new Error('Script failed to execute'))), 'reconnect-strap')).toBe(false);
  });
});
