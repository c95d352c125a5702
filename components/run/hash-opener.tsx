'use client';

import { useEffect } from 'react';

/**
 * Opens the folded `<details>` a `#exchange-…` or `#check-…` link points at, and the ones around
 * it. Chromium does this by itself for the target; other browsers leave it closed.
 */
export function HashOpener() {
  useEffect(() => {
    const open = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      let element = id ? document.getElementById(id) : null;
      if (!element) return;
      const target = element;
      for (; element; element = element.parentElement) {
        if (element instanceof HTMLDetailsElement) element.open = true;
      }
      target.scrollIntoView({ block: 'start' });
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);
  return null;
}
