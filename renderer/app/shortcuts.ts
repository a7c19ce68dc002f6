import { useEffect } from 'react';
import { ROUTE_IDS, ROUTE_LABELS, type RouteId } from './routes.ts';

// Ctrl+1 … Ctrl+6 (⌘ on macOS) open the six areas in navigation order; Ctrl+Shift+S starts a
// check and Ctrl+Shift+B opens the breathing guide, from any screen; Ctrl+B (⌘B) asks for a
// break during a conversation (useBreakShortcut in the check's provider). Settings lists them
// all (SHORTCUT_LIST), so what is listed is what works.

export const IS_MAC = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform || navigator.userAgent);

/** What the user presses, in words for a tooltip: "Ctrl+5" or "⌘5". */
export function shortcutLabel(index: number): string {
  return IS_MAC ? `⌘${index + 1}` : `Ctrl+${index + 1}`;
}

/** The same shortcut in `aria-keyshortcuts` syntax. */
export function ariaShortcut(index: number): string {
  return IS_MAC ? `Meta+${index + 1}` : `Control+${index + 1}`;
}

export function routeForShortcut(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): RouteId | null {
  // Either modifier works everywhere: people switching between machines press the other one.
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : /^Digit[1-9]$/.test(event.code) ? Number(event.code.slice(5)) : 0;
  return ROUTE_IDS[digit - 1] ?? null;
}

type KeyCombination = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** Ctrl (or ⌘) + Shift + the letter, nothing else held. */
function isShiftLetter(event: KeyCombination, letter: string): boolean {
  if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return false;
  return event.key.toUpperCase() === letter || event.code === `Key${letter}`;
}

/** Ctrl+Shift+S: the Check screen, starting a check there when it can (check-screen.tsx reads `?start`). */
export const START_CHECK_SHORTCUT = { label: IS_MAC ? '⇧⌘S' : 'Ctrl+Shift+S', aria: IS_MAC ? 'Meta+Shift+S' : 'Control+Shift+S' } as const;
/** Ctrl+Shift+B: the breathing guide. */
export const BREATHE_SHORTCUT = { label: IS_MAC ? '⇧⌘B' : 'Ctrl+Shift+B', aria: IS_MAC ? 'Meta+Shift+B' : 'Control+Shift+B' } as const;

/** The hash a shortcut opens, or null when the keys are not one of the action shortcuts. */
export function hashForActionShortcut(event: KeyCombination): string | null {
  if (isShiftLetter(event, 'S')) return '#/check?start';
  if (isShiftLetter(event, 'B')) return '#/breathe';
  return null;
}

export function useRouteShortcuts(onRoute: (id: RouteId) => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const hash = hashForActionShortcut(event);
      if (hash !== null) {
        event.preventDefault();
        window.location.hash = hash;
        return;
      }
      const id = routeForShortcut(event);
      if (!id) return;
      event.preventDefault();
      onRoute(id);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onRoute]);
}

/** "I need a break": Ctrl+B or ⌘B, as a tooltip and in `aria-keyshortcuts` syntax. */
export const BREAK_SHORTCUT = { label: IS_MAC ? '⌘B' : 'Ctrl+B', aria: IS_MAC ? 'Meta+B' : 'Control+B' } as const;

export function isBreakShortcut(event: KeyCombination): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
  return event.key === 'b' || event.key === 'B' || event.code === 'KeyB';
}

/** Every shortcut, for Settings to list: what it does and the keys, as the user's system writes them. */
export const SHORTCUT_LIST: readonly { readonly action: string; readonly keys: string }[] = [
  { action: 'Start a check', keys: START_CHECK_SHORTCUT.label },
  { action: 'Breathe with the guide', keys: BREATHE_SHORTCUT.label },
  { action: 'I need a break (during a conversation)', keys: BREAK_SHORTCUT.label },
  ...ROUTE_IDS.map((id, index) => ({ action: `Open ${ROUTE_LABELS[id]}`, keys: shortcutLabel(index) })),
];
