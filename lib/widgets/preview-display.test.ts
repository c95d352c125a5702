import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  dashboardTheme,
  FULLSCREEN_CHROME,
  INLINE_MAX_HEIGHT,
  PIP_MAX_HEIGHT,
  displayGlobals,
  grantDisplayMode,
  maxHeightFor,
  modeForViewport,
  offeredModes,
  PIP_ON_PHONE,
  srcWithView,
  viewFromQuery,
} from './preview-display';

describe('maxHeightFor', () => {
  it('gives inline its fixed cap, fullscreen the viewport under the bar, pip a small panel', () => {
    expect(maxHeightFor('inline', 1000)).toBe(INLINE_MAX_HEIGHT);
    expect(maxHeightFor('fullscreen', 1000)).toBe(1000 - FULLSCREEN_CHROME);
    expect(maxHeightFor('pip', 1000)).toBe(PIP_MAX_HEIGHT);
    // A short phone in landscape: pip takes at most half of it, never less than the minimum.
    expect(maxHeightFor('pip', 500)).toBe(250);
    expect(maxHeightFor('fullscreen', 100)).toBe(120);
    expect(maxHeightFor('fullscreen', Number.NaN)).toBe(800 - FULLSCREEN_CHROME);
  });
});

describe('displayGlobals', () => {
  it('sets theme, displayMode, maxHeight and view.mode together', () => {
    expect(displayGlobals({ theme: 'dark', displayMode: 'pip' }, 900)).toEqual({
      theme: 'dark',
      displayMode: 'pip',
      maxHeight: PIP_MAX_HEIGHT,
      view: { mode: 'pip', params: null },
    });
  });
});

describe('viewFromQuery and srcWithView', () => {
  it('round-trips a view through the preview address', () => {
    const src = srcWithView('/widget-preview/abc', { theme: 'dark', displayMode: 'fullscreen' });
    expect(src).toBe('/widget-preview/abc?theme=dark&display=fullscreen');
    expect(viewFromQuery(new URL(src, 'http://x').searchParams)).toEqual({
      theme: 'dark',
      displayMode: 'fullscreen',
    });
  });

  it('replaces a view already in the address and keeps other parameters', () => {
    expect(srcWithView('/p/abc?theme=light&x=1', { theme: 'dark', displayMode: 'inline' })).toBe(
      '/p/abc?theme=dark&x=1&display=inline',
    );
  });

  it('falls back to the defaults for missing or unknown values', () => {
    expect(viewFromQuery(new URLSearchParams(''))).toEqual(DEFAULT_VIEW);
    expect(viewFromQuery(new URLSearchParams('theme=%3Cscript%3E&display=maximized'))).toEqual(
      DEFAULT_VIEW,
    );
    expect(viewFromQuery(new URLSearchParams('theme=dark'))).toEqual({
      theme: 'dark',
      displayMode: 'inline',
    });
  });
});

describe('grantDisplayMode', () => {
  it('grants a mode the host offers when the widget declared none', () => {
    expect(grantDisplayMode('fullscreen', 'inline', null)).toEqual({ mode: 'fullscreen' });
    expect(grantDisplayMode('pip', 'fullscreen', null)).toEqual({ mode: 'pip' });
  });

  it('keeps the current mode for anything that is not a display mode', () => {
    expect(grantDisplayMode('maximized', 'pip', null)).toEqual({
      mode: 'pip',
      refused: 'not a display mode',
    });
    expect(grantDisplayMode(undefined, 'inline', null).mode).toBe('inline');
  });

  it('never switches an MCP Apps View to a mode it did not declare', () => {
    const grant = grantDisplayMode('pip', 'inline', ['inline', 'fullscreen']);
    expect(grant.mode).toBe('inline');
    expect(grant.refused).toContain('availableDisplayModes');
    expect(grantDisplayMode('fullscreen', 'inline', ['inline', 'fullscreen'])).toEqual({
      mode: 'fullscreen',
    });
  });
});

describe('pip on a phone', () => {
  it('is shown fullscreen, as ChatGPT does on mobile', () => {
    expect(modeForViewport('pip', true, null)).toBe('fullscreen');
    expect(modeForViewport('pip', false, null)).toBe('pip');
    expect(modeForViewport('inline', true, null)).toBe('inline');
    expect(grantDisplayMode('pip', 'inline', null, true)).toEqual({
      mode: 'fullscreen',
      refused: PIP_ON_PHONE,
    });
    expect(grantDisplayMode('pip', 'inline', null, false)).toEqual({ mode: 'pip' });
  });

  it('stays where it was when the widget did not declare fullscreen', () => {
    expect(modeForViewport('pip', true, ['inline', 'pip'], 'inline')).toBe('inline');
    expect(grantDisplayMode('pip', 'inline', ['inline', 'pip'], true)).toEqual({
      mode: 'inline',
      refused: PIP_ON_PHONE,
    });
  });
});

describe('offeredModes', () => {
  it('offers every mode, or inline and the declared ones', () => {
    expect(offeredModes(null)).toEqual(['inline', 'fullscreen', 'pip']);
    expect(offeredModes(['fullscreen'])).toEqual(['inline', 'fullscreen']);
    expect(offeredModes([])).toEqual(['inline']);
  });
});

describe('dashboardTheme', () => {
  it('takes the pinned theme over the system one, and the system one otherwise', () => {
    expect(dashboardTheme('dark', false)).toBe('dark');
    expect(dashboardTheme('light', true)).toBe('light');
    expect(dashboardTheme(undefined, true)).toBe('dark');
    expect(dashboardTheme('sepia', false)).toBe('light');
  });
});
