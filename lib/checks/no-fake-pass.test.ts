import { describe, expect, it } from 'vitest';
import type { Transcript } from '@/lib/report/schema';
import { authTranscript } from './auth/support/fixtures';
import { runCheck } from './define';
import { CHECKS, isCheckId, type CheckId } from './index';
import { failedAt, listedTools, modernRun, noSession, response, tool, transcript } from './testing';
import { read, widgetRun } from './widgets/shared/testing';

/**
 * Every check, fed the runs where its input is absent, must not pass: it is skipped (naming the
 * check that owns the cause) or it fails. `absent` says which checks lost their input in each run;
 * the others may pass, since what they judge was recorded.
 */
interface Scenario {
  name: string;
  t: Transcript;
  absent: (id: CheckId) => boolean;
}

const inArea =
  (...areas: string[]) =>
  (id: CheckId) =>
    areas.includes(id.split('.')[0] ?? '');
const except =
  (absent: (id: CheckId) => boolean, ...present: CheckId[]) =>
  (id: CheckId) =>
    absent(id) && !present.includes(id);

const failedListing = transcript({
  ...listedTools([tool({ name: 'search' })]),
  steps: transcript().steps.map((s) =>
    s.id === 'tools'
      ? { ...s, status: 'failed', error: { code: 'timeout', message: 'tools/list timed out' } }
      : s,
  ),
  listing: {
    pages: [
      {
        cursor: null,
        nextCursor: null,
        count: 0,
        exchangeId: 'x3',
        durationMs: 10_000,
        error: { code: 'timeout', message: 'tools/list: no answer in 10000 ms' },
      },
    ],
    stoppedEarly: null,
    relist: null,
  },
  tools: [],
  widgets: null,
});

/** The later pages failed: the first page's tools arrived, the rest are unknown. */
const partialListing = transcript({
  ...listedTools([tool({ name: 'search' })], { relist: null }),
  listing: {
    pages: [
      { cursor: null, nextCursor: 'c1', count: 1, exchangeId: 'x3', durationMs: 5, error: null },
      {
        cursor: 'c1',
        nextCursor: null,
        count: 0,
        exchangeId: 'x4',
        durationMs: 5,
        error: { code: 'bad-response', message: 'page 2 is not JSON' },
      },
    ],
    stoppedEarly: null,
    relist: null,
  },
  widgets: null,
});

const templateUnread = widgetRun({
  templates: [read({ content: null, error: { code: 'failed', message: 'resource not found' } })],
});

const authNotReached: Transcript = { ...transcript(), auth: null };

const SCENARIOS: Scenario[] = [
  {
    name: 'the host does not resolve',
    t: failedAt(
      'dns',
      { code: 'dns-not-found', message: 'resolving nope.example: ENOTFOUND' },
      {
        dns: {
          hostname: 'nope.example',
          addresses: [],
          error: { code: 'dns-not-found', message: 'x' },
        },
        tcp: null,
        tls: null,
        mcp: null,
        listing: null,
        tools: [],
        widgets: null,
        auth: null,
        exchanges: [],
      },
    ),
    absent: except(() => true, 'connection.url', 'connection.https'),
  },
  {
    name: 'nothing accepts a connection',
    t: failedAt(
      'tcp',
      { code: 'connection-refused', message: 'ECONNREFUSED' },
      {
        tcp: {
          address: '93.184.216.34',
          port: 443,
          connectMs: null,
          error: { code: 'connection-refused', message: 'x' },
        },
        tls: null,
        mcp: null,
        listing: null,
        tools: [],
        widgets: null,
        auth: null,
        exchanges: [],
      },
    ),
    absent: except(
      () => true,
      'connection.url',
      'connection.https',
      'connection.dns',
      'connection.public',
    ),
  },
  {
    name: 'initialize answers 404 (wrong path)',
    t: noSession(response(404, 'Not Found', 'text/plain')),
    absent: except(
      () => true,
      'connection.url',
      'connection.https',
      'connection.dns',
      'connection.public',
      'connection.tcp',
      'connection.tls',
      'connection.tunnel',
      'connection.redirect',
      'connection.latency',
    ),
  },
  {
    name: 'the server asks for authorization and no token was given',
    t: authTranscript(),
    absent: inArea('tools', 'widgets'),
  },
  {
    name: 'tools/list failed',
    t: failedListing,
    absent: except(inArea('tools', 'widgets'), 'tools.capability'),
  },
  {
    name: 'tools/list failed after the first page',
    t: partialListing,
    absent: except(inArea('tools', 'widgets'), 'tools.capability'),
  },
  {
    name: 'the only widget template could not be read',
    t: templateUnread,
    absent: (id) =>
      [
        'widgets.mime-type',
        'widgets.html',
        'widgets.csp',
        'widgets.domain',
        'widgets.external-assets',
        'widgets.assets-reachable',
      ].includes(id),
  },
  {
    name: 'the auth step never ran',
    t: authNotReached,
    absent: inArea('auth'),
  },
  {
    name: 'a dual-era server whose 2026-07-28 leg was not probed further than server/discover',
    t: modernRun({ legacy: true }),
    absent: (id) =>
      [
        'connection.header-validation',
        'connection.version-refusal',
        'connection.unknown-method',
        'connection.era-parity',
      ].includes(id),
  },
];

describe('no check passes on missing input', () => {
  describe.each(SCENARIOS)('$name', ({ t, absent }) => {
    const results = CHECKS.map((check) => ({ check, result: runCheck(check, t) }));

    it.each(
      results
        .filter(({ check }) => absent(check.id))
        .map(({ check, result }) => [check.id, result] as const),
    )('%s does not pass', (_, result) => {
      expect(result.status).not.toBe('pass');
    });

    it('never crashes, and every blocked check names another registered check as the cause', () => {
      for (const { check, result } of results) {
        expect(result.status, `${check.id}: ${result.message}`).not.toBe('error');
        if (result.skip?.cause !== 'blocked') continue;
        expect(isCheckId(result.skip.owner ?? ''), `${check.id} names ${result.skip.owner}`).toBe(
          true,
        );
        expect(result.skip.owner).not.toBe(check.id);
      }
    });
  });

  it('covers every check in at least one scenario, but those that judge only the URL as given', () => {
    // Every run has the URL it was given: these two can always judge it.
    const urlOnly: CheckId[] = ['connection.https', 'connection.url'];
    const covered = new Set(
      CHECKS.filter((c) => SCENARIOS.some((s) => s.absent(c.id))).map((c) => c.id),
    );
    expect(CHECKS.map((c) => c.id).filter((id) => !covered.has(id))).toEqual(urlOnly);
  });
});
