'use client';

import { useEffect, useSyncExternalStore } from 'react';

const KEY = 'mcp-doctor-theme';
const THEMES = ['system', 'light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const NAMES: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

// The choice lives in localStorage; every toggle on the page re-reads it when it changes.
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};
const read = (): Theme => {
  const stored = localStorage.getItem(KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
};
const choose = (theme: Theme) => {
  if (theme === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, theme);
  for (const listener of listeners) listener();
};

/**
 * System → light → dark: the page follows `prefers-color-scheme` until a theme is pinned here
 * (`data-theme` on <html>, read by the `color-scheme` rules in app/globals.css).
 */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, read, () => 'system' as const);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length] ?? 'system';
  return (
    <button
      type="button"
      onClick={() => choose(next)}
      aria-label={`Theme: ${NAMES[theme]}. Switch to ${NAMES[next]}`}
      data-testid="theme-toggle"
      data-theme-choice={theme}
      className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
    >
      Theme: {NAMES[theme]}
    </button>
  );
}
