import { describe, expect, it } from 'vitest';
import { parseMonitorCreate, parseMonitorPatch } from './input';

const URL = 'https://example.com/mcp';

describe('parseMonitorCreate', () => {
  it('reads a monitor and the check options POST /api/runs takes', () => {
    const parsed = parseMonitorCreate({
      url: URL,
      everyMinutes: 5,
      client: 'chatgpt',
      token: 'Bearer tok_1',
      headers: { 'X-Team': 'blue' },
      skip: 'auth',
      expectTools: ['search'],
      webhooks: [
        { url: 'https://hooks.slack.com/services/T0/B0/XYZ' },
        { url: 'https://alerts.example.com/mcp' },
        { url: 'https://hooks.slack.com/services/T0/B0/ABC', format: 'json' },
      ],
    });
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        everyMinutes: 5,
        client: 'chatgpt',
        public: false,
        target: { token: 'tok_1', headers: { 'X-Team': 'blue' } },
        settings: { skip: ['auth'], expectTools: ['search'], timeoutMs: 45_000 },
        webhooks: [{ format: 'slack' }, { format: 'json' }, { format: 'json' }],
      },
    });
  });

  it.each([
    [{ url: URL }, /everyMinutes/],
    [{ url: URL, everyMinutes: 0 }, /at least 1/],
    [{ url: URL, everyMinutes: 1441 }, /at most 1440/],
    [{ url: URL, everyMinutes: 1.5 }, /whole number/],
    [{ url: URL, everyMinutes: 5, client: 'netscape' }, /client must be one of chatgpt/],
    [{ url: URL, everyMinutes: 5, format: 'junit' }, /webhooks\[\]\.format/],
    [{ url: URL, everyMinutes: 5, checkRedirectUri: true }, /registers a client/],
    [{ url: URL, everyMinutes: 5, webhooks: [{ url: 'ftp://x' }] }, /unsupported scheme/],
    [{ url: URL, everyMinutes: 5, webhooks: Array(6).fill({ url: URL }) }, /at most 5 webhooks/],
    [{ url: URL, everyMinutes: 5, verbose: true }, /verbose/],
    [[], /JSON object/],
  ])('refuses %j', (input, message) => {
    const parsed = parseMonitorCreate(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});

describe('parseMonitorPatch', () => {
  const current = { timeoutMs: 45_000, strict: false, expectTools: ['a'], skip: [], minTools: 2 };

  it('validates the check options together with the ones already set', () => {
    expect(parseMonitorPatch({ skip: ['tools'] }, current)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/expectTools and minTools check the tools area/),
    });
    expect(
      parseMonitorPatch({ skip: ['tools'], expectTools: [], minTools: null }, current),
    ).toMatchObject({
      ok: true,
      value: { settings: { skip: ['tools', 'widgets'], expectTools: [] } },
    });
  });

  it('replaces or removes credentials, and refuses another URL', () => {
    expect(parseMonitorPatch({ token: 'Bearer t2', headers: null }, current)).toEqual({
      ok: true,
      value: { token: 't2', headers: null },
    });
    expect(parseMonitorPatch({ url: URL }, current)).toMatchObject({
      ok: false,
      message: /another monitor/,
    });
  });
});
