import { describe, expect, it } from 'vitest';
import { PIP_MAX_HEIGHT, INLINE_MAX_HEIGHT } from './preview-display';
import {
  HOST_CHANNEL,
  declaredModes,
  displayGrantMessage,
  globalsMessage,
  hostContextChanged,
  initializeResult,
} from './preview-host';

const light = { theme: 'light', displayMode: 'inline' } as const;

describe('initializeResult', () => {
  it('carries theme, displayMode, availableDisplayModes and the container in hostContext', () => {
    const result = initializeResult({ theme: 'dark', displayMode: 'inline' }, { name: 't' });
    expect(result.protocolVersion).toBe('2026-01-26');
    expect(result.hostContext).toMatchObject({
      toolInfo: { tool: { name: 't' } },
      theme: 'dark',
      displayMode: 'inline',
      availableDisplayModes: ['inline', 'fullscreen', 'pip'],
      containerDimensions: { maxHeight: INLINE_MAX_HEIGHT },
      platform: 'web',
    });
  });
});

describe('hostContextChanged', () => {
  it('sends only the changed fields', () => {
    expect(hostContextChanged(light, { ...light, theme: 'dark' })).toEqual({
      jsonrpc: '2.0',
      method: 'ui/notifications/host-context-changed',
      params: { theme: 'dark' },
    });
    expect(hostContextChanged(light, { ...light, displayMode: 'pip' }, 1000)?.params).toEqual({
      displayMode: 'pip',
      containerDimensions: { maxHeight: PIP_MAX_HEIGHT },
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(hostContextChanged(light, { ...light })).toBeNull();
  });
});

describe('Apps SDK messages', () => {
  it('sets the display globals on window.openai', () => {
    expect(globalsMessage({ theme: 'dark', displayMode: 'fullscreen' }, 700)).toEqual({
      channel: HOST_CHANNEL,
      kind: 'globals',
      globals: {
        theme: 'dark',
        displayMode: 'fullscreen',
        maxHeight: 644,
        view: { mode: 'fullscreen', params: null },
      },
    });
  });

  it('answers a requestDisplayMode call by its id', () => {
    expect(displayGrantMessage(3, 'pip')).toEqual({
      channel: HOST_CHANNEL,
      kind: 'display-mode',
      id: 3,
      mode: 'pip',
    });
  });
});

describe('declaredModes', () => {
  it('reads appCapabilities.availableDisplayModes, keeping only real modes', () => {
    expect(
      declaredModes({
        appCapabilities: { availableDisplayModes: ['fullscreen', 'inline', 'x', 3] },
      }),
    ).toEqual(['inline', 'fullscreen']);
  });

  it('is null when the View declared nothing, or sent something malformed', () => {
    expect(declaredModes({ appCapabilities: {} })).toBeNull();
    expect(declaredModes(undefined)).toBeNull();
    expect(declaredModes({ appCapabilities: { availableDisplayModes: 'pip' } })).toBeNull();
  });
});
