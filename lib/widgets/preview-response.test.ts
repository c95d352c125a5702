import { describe, expect, it } from 'vitest';
import { appsSdkGlobals } from './preview-response';

describe('appsSdkGlobals', () => {
  it('starts light and inline by default', () => {
    expect(appsSdkGlobals(null)).toMatchObject({
      theme: 'light',
      displayMode: 'inline',
      maxHeight: 800,
      view: { mode: 'inline', params: null },
      toolOutput: null,
    });
  });

  it('starts in the theme and display mode the page asked for', () => {
    expect(appsSdkGlobals(null, { theme: 'dark', displayMode: 'pip' })).toMatchObject({
      theme: 'dark',
      displayMode: 'pip',
      view: { mode: 'pip', params: null },
      locale: 'en-US',
    });
  });
});
