import { describe, expect, it } from 'vitest';
import { listedTools, tool, transcript } from '@/lib/checks/testing';
import { buildReport } from '@/lib/diagnose/build-report';
import type { Report } from '@/lib/report/schema';
import { clientsOf, diagnosisOf } from './diagnosis';
import { DiagnosisSchema, MAX_ITEMS_PER_CHECK } from './schemas';

/**
 * Twelve tools with bad names (a warning, one item per tool) and one with an input schema that is
 * not an object schema (an error).
 */
const badNames = buildReport(
  transcript(
    listedTools([
      ...Array.from({ length: 12 }, (_, i) =>
        tool({ name: `bad name ${i}!`, description: 'Looks things up in the catalog by keyword.' }),
      ),
      tool({ name: 'list_orders', inputSchema: { type: 'array' } }),
    ]),
  ),
);
const run = { id: 'AAAAAAAAAAAAAAAAAAAAAA', permalink: 'https://doctor.example.com/runs/AAAA' };

describe('diagnosisOf', () => {
  it('keeps the report’s status and rows as they are, and validates against its output schema', () => {
    const diagnosis = diagnosisOf(badNames, run);
    expect(DiagnosisSchema.parse(diagnosis)).toEqual(diagnosis);
    expect(diagnosis.status).toBe(badNames.status);
    expect(diagnosis.rows).toEqual(badNames.rows);
    expect(diagnosis).toMatchObject({ runId: run.id, permalink: run.permalink, url: badNames.url });
  });

  it('lists every failing check, errors before warnings before notes, with its fix and docs', () => {
    const { failing } = diagnosisOf(badNames, run);
    const failed = badNames.checks.filter((c) => c.status === 'fail' || c.status === 'error');
    expect(failing.map((c) => c.id).sort()).toEqual(failed.map((c) => c.id).sort());
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const ranks = failing.map((c) => rank[c.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const names = failing.find((c) => c.id === 'tools.name');
    expect(names).toMatchObject({
      fix: expect.any(String),
      docs: expect.stringMatching(/^https:/),
    });
  });

  it('bounds the items of a check and says how many were left out', () => {
    const names = diagnosisOf(badNames, run).failing.find((c) => c.id === 'tools.name');
    const all = badNames.checks.find((c) => c.id === 'tools.name')?.items ?? [];
    expect(all.length).toBe(12);
    expect(names?.items).toHaveLength(MAX_ITEMS_PER_CHECK);
    expect(names?.moreItems).toBe(12 - MAX_ITEMS_PER_CHECK);
  });

  it('counts like the terminal summary, and says healthy or not in its verdict line', () => {
    const healthy = buildReport(transcript(listedTools([tool()])));
    const d = diagnosisOf(healthy, { id: run.id, permalink: null });
    expect(d.healthy).toBe(true);
    expect(d.verdict).toMatch(/^Healthy: 0 errors, \d+ warnings?\.$/);
    expect(d.counts.passed).toBe(healthy.checks.filter((c) => c.status === 'pass').length);
    expect(diagnosisOf(badNames, run).verdict).toMatch(/^Not healthy: [1-9]\d* errors?/);
  });
});

describe('clientsOf', () => {
  const verdict = {
    id: 'chatgpt',
    name: 'ChatGPT',
    verdict: 'blocked',
    reasons: Array.from({ length: 8 }, (_, i) => ({
      rule: `chatgpt.rule-${i}`,
      outcome: 'blocked',
      message: `reason ${i}`,
      check: 'connection.public',
      source: {
        url: 'https://developers.openai.com/apps-sdk/reference',
        asOf: '2026-07-01',
        provenance: 'documented',
      },
    })),
  };

  it('passes the per-client verdicts through when the report has them, reasons bounded', () => {
    const report = { ...badNames, clients: [verdict] } as Report;
    const clients = clientsOf(report);
    expect(clients).toHaveLength(1);
    expect(clients?.[0]).toMatchObject({ id: 'chatgpt', verdict: 'blocked' });
    expect(clients?.[0]?.reasons).toHaveLength(5);
    expect(clients?.[0]?.reasons[0]).toEqual({
      outcome: 'blocked',
      message: 'reason 0',
      check: 'connection.public',
    });
    expect(diagnosisOf(report, run).clients).toEqual(clients);
  });

  it('leaves clients out of reports without them, or with something else under the name', () => {
    expect(clientsOf(badNames)).toBeUndefined();
    expect('clients' in diagnosisOf(badNames, run)).toBe(false);
    expect(clientsOf({ ...badNames, clients: 'nope' } as unknown as Report)).toBeUndefined();
  });
});
