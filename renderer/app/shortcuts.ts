import { useEffect } from 'react';
import { ROUTE_IDS, type RouteId } from './routes.ts';

// Ctrl+1 … Ctrl+6 (⌘ on macOS) open the six areas in navigation order; Ctrl+B (⌘B) asks for a
// break during a conversation, from any screen (useBreakShortcut in the check's provider).

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

export function useRouteShortcuts(onRoute: (id: RouteId) => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
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

export function isBreakShortcut(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
  return event.key === 'b' || event.key === 'B' || event.code === 'KeyB';
}
