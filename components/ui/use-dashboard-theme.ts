'use client';

import { useSyncExternalStore } from 'react';
import { dashboardTheme, type Theme } from '@/lib/widgets/preview-display';

const QUERY = '(prefers-color-scheme: dark)';

/** The dashboard's theme right now: the header toggle's pin (`data-theme`), else the system's. */
export const readDashboardTheme = (): Theme =>
  dashboardTheme(document.documentElement.dataset.theme, window.matchMedia(QUERY).matches);

const subscribe = (listener: () => void) => {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', listener);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', listener);
  };
};

/** The dashboard's theme, following the toggle and the system; light while server-rendering. */
export function useDashboardTheme(): Theme {
  return useSyncExternalStore(subscribe, readDashboardTheme, () => 'light' as const);
}
