import { describe, expect, it } from 'vitest';
import { failedAt, tool, transcript } from '@/lib/checks/testing';
import { buildReport } from '@/lib/diagnose/build-report';
import type { Transcript } from '@/lib/report/schema';
import { changesOf } from './changes';
import { observe } from './observe';

/** A finished run made of a transcript, judged by the real checks. */
const runOf = (t: Transcript) => ({ state: 'done' as const, report: buildReport(t) });

const DNS_ERROR = { code: 'dns-not-found', message: 'resolving example.com: ENOTFOUND' } as const;
/** A run whose name did not resolve: nothing after DNS happened. */
const unresolved = () =>
  failedAt('dns', DNS_ERROR, {
    dns: { hostname: 'example.com', addresses: [], error: DNS_ERROR },
    tcp: null,
    tls: null,
    mcp: null,
    listing: null,
    tools: [],
    widgets: null,
    auth: null,
    exchanges: [],
  });

const withLeafValidTo = (validTo: string): Partial<Transcript> => {
  const base = transcript();
  const tls = base.tls!;
  return { tls: { ...tls, chain: [{ ...tls.chain[0]!, validTo }] } };
};

describe('observe', () => {
  it('reads a healthy run: verdict, latency of initialize plus the first tools page, tools', () => {
    const seen = observe(runOf(transcript()));
    expect(seen).toMatchObject({
      outcome: 'healthy',
      latencyMs: 10 + 30,
      toolCount: 1,
      certExpiring: false,
      tools: null,
    });
    expect(seen.detail.rows).toEqual([]);
  });

  it('reads a failing run, with the rows and checks that failed and their fixes', () => {
    const seen = observe(runOf(unresolved()));
    expect(seen.outcome).toBe('failing');
    expect(seen.latencyMs).toBeNull();
    expect(seen.detail.rows[0]).toMatchObject({ id: 'connection', status: 'fail' });
    expect(seen.detail.problems.map((p) => p.id)).toContain('connection.dns');
    expect(seen.detail.problems.every((p) => p.fix.length > 0)).toBe(true);
  });

  it('takes the tool changes from tools.drift, named', () => {
    const seen = observe(
      runOf(
        transcript({
          previousTools: {
            runId: 'r0',
            startedAt: '2025-12-31T00:00:00.000Z',
            tools: [tool({ name: 'gone' }), tool({ description: 'Older words' })],
          },
        }),
      ),
    );
    expect(seen.tools).toEqual({ added: [], removed: ['gone'], changed: [tool().name] });
  });

  it('sees a certificate expiring within 14 days through connection.tls, and not one with 20', () => {
    const soon = observe(runOf(transcript(withLeafValidTo('2026-01-10T00:00:00.000Z'))));
    expect(soon).toMatchObject({
      certExpiring: true,
      certMessage: expect.stringMatching(/9 days/),
    });
    const later = observe(runOf(transcript(withLeafValidTo('2026-01-21T00:00:00.000Z'))));
    expect(later.certExpiring).toBe(false);
  });

  it('calls a run without a report an error, which says nothing about the endpoint', () => {
    expect(observe({ state: 'interrupted', report: undefined }).outcome).toBe('error');
    expect(observe({ state: 'failed', report: undefined }).outcome).toBe('error');
  });
});

describe('changesOf', () => {
  const healthy = observe(runOf(transcript()));
  const failing = observe(runOf(unresolved()));
  const kinds = (result: ReturnType<typeof changesOf>) => result.changes.map((c) => c.kind);

  it.each([
    ['unknown', 'healthy', []],
    ['unknown', 'failing', ['failing']],
    ['healthy', 'healthy', []],
    ['healthy', 'failing', ['failing']],
    ['failing', 'failing', []],
    ['failing', 'healthy', ['recovered']],
  ] as const)('from %s, a check that is %s: alerts %j', (state, seen, alerts) => {
    const result = changesOf('Acme', state, null, seen === 'healthy' ? healthy : failing);
    expect(result.state).toBe(seen);
    expect(kinds(result)).toEqual(alerts);
  });

  it('says why in the summary: the first row that failed', () => {
    const [change] = changesOf('Acme', 'healthy', null, failing).changes;
    expect(change?.summary).toMatch(/^Acme is failing: /);
    expect(change?.summary).toContain(failing.detail.rows[0]?.summary);
  });

  it('alerts a certificate once, when it starts expiring soon', () => {
    const expiring = observe(runOf(transcript(withLeafValidTo('2026-01-10T00:00:00.000Z'))));
    expect(kinds(changesOf('Acme', 'healthy', { certExpiring: false }, expiring))).toEqual([
      'certificate-expiring',
    ]);
    expect(kinds(changesOf('Acme', 'healthy', { certExpiring: true }, expiring))).toEqual([]);
  });

  it('alerts a tool change with the names', () => {
    const seen = { ...healthy, tools: { added: ['new_tool'], removed: [], changed: [] } };
    const result = changesOf('Acme', 'healthy', null, seen);
    expect(result.changes).toEqual([
      { kind: 'tools-changed', summary: 'Acme changed its tools: 1 added (new_tool)' },
    ]);
  });

  it('changes nothing for a check MCP Doctor could not make', () => {
    expect(
      changesOf('Acme', 'failing', null, observe({ state: 'failed', report: undefined })),
    ).toEqual({
      state: 'failing',
      changes: [],
    });
  });
});
