import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bridgeScript } from './preview-bridge';
import { displayGrantMessage, globalsMessage } from './preview-host';

/**
 * The bridge run in a bare window: an EventTarget with `parent`, `document` and `console` enough
 * for the script, so what it does with the host's messages can be watched without a browser.
 */
function frame() {
  const posted: { kind: string; data: Record<string, unknown> }[] = [];
  const parent = {
    postMessage: (message: { kind: string; data: Record<string, unknown> }) => {
      posted.push(message);
    },
  };
  const window = new EventTarget() as EventTarget & Record<string, unknown>;
  const document = Object.assign(new EventTarget(), {
    currentScript: null,
    documentElement: { getBoundingClientRect: () => ({ height: 0 }) },
  });
  Object.assign(window, {
    parent,
    document,
    console: { error: () => {}, warn: () => {} },
    Reflect,
    Promise,
    CustomEvent,
    Object,
    String,
    Array,
    JSON,
    Math,
    Boolean,
  });
  window.window = window;
  const context = vm.createContext(window);
  vm.runInContext(
    bridgeScript({ nonce: 'n', appsSdk: true, globals: { theme: 'light', displayMode: 'inline' } }),
    context,
  );
  /** A message from the host; `from` is who posted it. */
  const receive = (data: unknown, from: unknown = parent) => {
    const event = new Event('message') as Event & { data?: unknown; source?: unknown };
    event.data = data;
    event.source = from;
    window.dispatchEvent(event);
  };
  const openai = () => window.openai as Record<string, unknown>;
  return { window, posted, receive, openai };
}

describe('the preview bridge, as the Apps SDK host', () => {
  it('sets the globals and fires openai:set_globals with detail.globals', () => {
    const { window, receive, openai } = frame();
    const seen: unknown[] = [];
    window.addEventListener('openai:set_globals', (event) => {
      seen.push({ detail: (event as CustomEvent).detail, theme: openai().theme });
    });
    receive(globalsMessage({ theme: 'dark', displayMode: 'pip' }, 900));
    expect(openai()).toMatchObject({ theme: 'dark', displayMode: 'pip', maxHeight: 360 });
    expect(seen).toEqual([
      {
        detail: {
          globals: {
            theme: 'dark',
            displayMode: 'pip',
            maxHeight: 360,
            view: { mode: 'pip', params: null },
          },
        },
        // Already set when the event fires, as a listener that re-reads window.openai expects.
        theme: 'dark',
      },
    ]);
  });

  it('ignores the same message from anyone but the parent', () => {
    const { window, receive, openai } = frame();
    let fired = 0;
    window.addEventListener('openai:set_globals', () => fired++);
    receive(globalsMessage({ theme: 'dark', displayMode: 'fullscreen' }), window);
    receive({ channel: 'other', kind: 'globals', globals: { theme: 'dark' } });
    expect(openai().theme).toBe('light');
    expect(fired).toBe(0);
  });

  it('asks the host for a display mode and resolves with the one granted', async () => {
    const { posted, receive, openai } = frame();
    const request = openai().requestDisplayMode as (arg: unknown) => Promise<unknown>;
    const answer = request({ mode: 'fullscreen' });
    const asked = posted.find((m) => m.kind === 'display');
    expect(asked).toMatchObject({
      channel: 'mcp-doctor-preview',
      nonce: 'n',
      data: { id: 1, mode: 'fullscreen' },
    });
    receive(displayGrantMessage(1, 'fullscreen'));
    await expect(answer).resolves.toEqual({ mode: 'fullscreen' });

    // A malformed request still reaches the host, which answers with the current mode.
    const odd = request(42);
    expect(posted.at(-1)).toMatchObject({ kind: 'display', data: { id: 2, mode: '' } });
    receive(displayGrantMessage(2, 'inline'));
    await expect(odd).resolves.toEqual({ mode: 'inline' });
  });
});
