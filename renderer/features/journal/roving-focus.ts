import { useState, type FocusEvent, type KeyboardEvent } from 'react';

// A group of options that is one stop for Tab (a roving tabindex): Tab enters the group at
// the option last used (or the first chosen one), arrow keys move between its options, Home
// and End go to the ends, and Tab leaves. Space, and Enter, act on the option in focus; the
// caller says what that is (`onActivate`), because a checkbox's Enter does nothing natively
// and a button's would reach the form. Without this the entry form was 58 Tab presses long.

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp']);

export type RovingGroup = {
  /** Spread on the element that holds the options. */
  containerProps: { onKeyDown: (event: KeyboardEvent<HTMLElement>) => void; onFocus: (event: FocusEvent<HTMLElement>) => void };
  /** Spread on each option, in the order the arrow keys go. */
  itemProps: (index: number) => { tabIndex: number; 'data-roving-index': number };
};

/**
 * @param count how many options the group has
 * @param startIndex where Tab first enters (the first chosen option, say); 0 when none is
 * @param onActivate what Enter does on the option at `index` (Space is left to the element)
 */
export function useRovingFocus(count: number, startIndex: number, onActivate?: (index: number) => void): RovingGroup {
  const [active, setActive] = useState<number | null>(null);
  const current = Math.min(Math.max(active ?? startIndex, 0), Math.max(count - 1, 0));

  const move = (event: KeyboardEvent<HTMLElement>, to: number) => {
    event.preventDefault();
    const target = event.currentTarget.querySelector<HTMLElement>(`[data-roving-index="${to}"]`);
    setActive(to);
    target?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const from = indexOf(event.target);
    if (from === null || count === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    if (NEXT.has(event.key)) move(event, (from + 1) % count);
    else if (PREVIOUS.has(event.key)) move(event, (from - 1 + count) % count);
    else if (event.key === 'Home') move(event, 0);
    else if (event.key === 'End') move(event, count - 1);
    else if (event.key === 'Enter' && onActivate) {
      event.preventDefault(); // never the form's submit
      onActivate(from);
    }
  };

  // A click or a screen reader's own movement also sets where Tab comes back to.
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const at = indexOf(event.target);
    if (at !== null && at !== active) setActive(at);
  };

  return {
    containerProps: { onKeyDown, onFocus },
    itemProps: (index) => ({ tabIndex: index === current ? 0 : -1, 'data-roving-index': index }),
  };
}

function indexOf(target: EventTarget): number | null {
  if (!(target instanceof HTMLElement)) return null;
  const raw = target.dataset['rovingIndex'];
  return raw === undefined ? null : Number(raw);
}
