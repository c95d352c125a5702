import { describe, expect, it } from 'vitest';
import { listedTools, tool, transcript, withRequest } from '@/lib/checks/testing';
import { CLIENT_IDS } from '@/lib/clients';
import { ReportSchema, type Transcript } from '@/lib/report/schema';
import { buildReport } from './build-report';
import { healthyFor } from '@/lib/clients/verdict';
import { upgradeReport } from './upgrade';

/** The healthy base run, with one tool whose name is 70 characters (over Claude's directory's 64). */
const longName = transcript(
  listedTools([tool({ name: 'a'.repeat(70), annotations: { title: 'A', readOnlyHint: true } })]),
);

/** The healthy base run, served on port 8443 (Claude's backend dials 443 only). */
const port8443: Transcript = {
  ...transcript(),
  target: { ...transcript().target, url: 'https://example.com:8443/mcp' },
};

const verdictOf = (t: Transcript, id: string) =>
  buildReport(t).clients.find((c) => c.id === id)?.verdict;

describe('client verdicts in the report', () => {
  it('lists one verdict per profile, in the profiles’ order, each reason with its source', () => {
    const report = buildReport(transcript());
    expect(report.clients.map((c) => c.id)).toEqual(CLIENT_IDS);
    for (const client of report.clients) {
      expect(client.reasons.length).toBeGreaterThan(0);
      for (const reason of client.reasons) expect(reason.source.url).toMatch(/^https:\/\//);
    }
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('lets the clients disagree on one server', () => {
    expect(verdictOf(port8443, 'chatgpt')).toBe('works');
    expect(verdictOf(port8443, 'claude')).toBe('blocked');
    expect(verdictOf(longName, 'claude')).toBe('degraded');
    expect(verdictOf(longName, 'generic')).toBe('works');
  });

  it('leaves healthy to ChatGPT’s rows when no client was chosen', () => {
    expect(buildReport(port8443).healthy).toBe(true);
    expect(buildReport(withRequest(port8443, {})).healthy).toBe(true);
  });

  it.each([
    ['chatgpt', port8443, false, true],
    ['claude', port8443, false, false],
    ['claude', longName, false, true],
    ['claude', longName, true, false],
    ['generic', longName, true, true],
    // No CORS answer recorded: the browser's verdict is unknown, which never passes a CI job.
    ['browser', transcript(), false, false],
  ] as const)('with client=%s judges healthy by that client', (client, t, strict, healthy) => {
    const report = buildReport(withRequest(t, { client: [client], strict }));
    expect(report.healthy).toBe(healthy);
    // The table stays ChatGPT's, whatever the client.
    expect(report.rows).toEqual(buildReport(t).rows);
  });

  it('with several clients, is healthy only when every one of them passes', () => {
    const judged = (client: ('chatgpt' | 'claude' | 'generic')[]) =>
      buildReport(withRequest(port8443, { client })).healthy;
    expect(judged(['chatgpt', 'generic'])).toBe(true);
    expect(judged(['chatgpt', 'claude'])).toBe(false);
  });

  it.each([
    ['works', false, true],
    ['works', true, true],
    ['degraded', false, true],
    ['degraded', true, false],
    ['blocked', false, false],
    ['unknown', false, false],
  ] as const)('healthyFor(%s, strict=%s) is %s', (verdict, strict, healthy) => {
    expect(healthyFor(verdict, strict)).toBe(healthy);
  });
});

describe('upgradeReport', () => {
  it('gives a report saved before client verdicts existed its verdicts, judged as it is', () => {
    const { clients, ...saved } = JSON.parse(JSON.stringify(buildReport(port8443)));
    const upgraded = upgradeReport(saved);
    expect(upgraded.clients).toEqual(clients);
    expect(upgraded.healthy).toBe(true);
  });

  it('reads a report that has them as it was saved', () => {
    const report = JSON.parse(JSON.stringify(buildReport(port8443)));
    report.clients[0].verdict = 'unknown';
    expect(upgradeReport(report).clients[0]?.verdict).toBe('unknown');
  });
});
