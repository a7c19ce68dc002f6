import { useEffect } from 'react';
import type { Settings } from '../../shared/model/settings.ts';
import { useSettings } from './settings-context.tsx';

// Appearance lives on <html> as data attributes that the style sheets read:
//   data-theme="system|light|dark"   (system follows prefers-color-scheme)
//   data-motion="system|reduce"      (reduce, or the OS preference, stops transitions)
//   data-text-size="standard|large"
// The last values are remembered in localStorage so the next start paints the right
// theme before settings arrive from main (no flash of light in a dark room).

export type Appearance = Settings['appearance'];

const CACHE_KEY = 'attune.appearance';

export function applyAppearance(appearance: Appearance, root: HTMLElement = document.documentElement): void {
  root.dataset['theme'] = appearance.theme;
  root.dataset['motion'] = appearance.motion;
  root.dataset['textSize'] = appearance.textSize;
}

export function clearAppearance(root: HTMLElement = document.documentElement): void {
  delete root.dataset['theme'];
  delete root.dataset['motion'];
  delete root.dataset['textSize'];
}

/** Applies the appearance remembered from last time, if any. Call before the first render. */
export function applyRememberedAppearance(): void {
  try {
    const raw = window.localStorage.getItem(CACHE_KEY);
    if (!raw) return;
    const parsed = JSON.parse(raw) as Partial<Appearance>;
    applyAppearance({
      theme: parsed.theme === 'light' || parsed.theme === 'dark' ? parsed.theme : 'system',
      motion: parsed.motion === 'reduce' ? 'reduce' : 'system',
      textSize: parsed.textSize === 'large' ? 'large' : 'standard',
    });
  } catch {
    // A missing or odd cache only costs a moment of the system theme.
  }
}

function remember(appearance: Appearance): void {
  try {
    window.localStorage.setItem(CACHE_KEY, JSON.stringify(appearance));
  } catch {
    // Storage can be unavailable; the settings file stays the source of truth.
  }
}

/** Keeps <html> in step with the appearance settings. */
export function useAppearance(): void {
  const { state } = useSettings();
  const appearance = state.status === 'ready' ? state.settings.appearance : null;
  const theme = appearance?.theme;
  const motion = appearance?.motion;
  const textSize = appearance?.textSize;
  useEffect(() => {
    if (!theme || !motion || !textSize) return;
    const next = { theme, motion, textSize };
    applyAppearance(next);
    remember(next);
  }, [theme, motion, textSize]);
}
