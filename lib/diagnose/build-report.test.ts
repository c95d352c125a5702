import { describe, expect, it } from 'vitest';
import {
  listedTools,
  noSession,
  response,
  tool,
  transcript,
  withRequest,
} from '@/lib/checks/testing';
import { ReportSchema } from '@/lib/report/schema';
import { buildReport } from './build-report';

const invalidTools = transcript(listedTools([tool({ name: 'bad name!', description: 'short' })]));

describe('buildReport', () => {
  it('leaves skipped areas out: their checks skipped on request, their rows too', () => {
    expect(buildReport(invalidTools).rows.find((r) => r.id === 'tools')?.status).toBe('warn');
    const report = buildReport(withRequest(invalidTools, { skip: ['tools', 'widgets', 'auth'] }));
    const left = report.checks.filter((c) => c.area !== 'connection');
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((c) => c.status === 'skipped' && c.skip?.cause === 'on-request')).toBe(true);
    for (const id of ['tools', 'widgets', 'auth'] as const) {
      expect(report.rows.find((r) => r.id === id)).toEqual({
        id,
        title: buildReport(invalidTools).rows.find((r) => r.id === id)?.title,
        status: 'skipped',
        summary: 'skipped on request',
        fix: null,
      });
    }
    expect(report.healthy).toBe(true);
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('judges the run’s expectations like any other check, first among the failures', () => {
    const report = buildReport(withRequest(invalidTools, { expectTools: ['search'] }));
    expect(report.checks[0]).toMatchObject({ id: 'tools.expected', status: 'fail' });
    expect(report.rows.find((r) => r.id === 'tools')?.status).toBe('fail');
    expect(report.healthy).toBe(false);
  });

  it('fails strict runs on warnings, and only strict runs', () => {
    expect(buildReport(invalidTools)).toMatchObject({ status: 'warn', healthy: true });
    expect(buildReport(withRequest(invalidTools, { strict: true }))).toMatchObject({
      status: 'warn',
      healthy: false,
    });
  });

  it('is never healthy when a row could not be verified', () => {
    const report = buildReport(noSession(response(401, '{"error":"unauthorized"}')));
    expect(report.rows.find((r) => r.id === 'tools')).toMatchObject({
      status: 'unverified',
      fix: expect.stringMatching(/Sign in .* or pass a bearer token/),
    });
    expect(report.status).not.toBe('pass');
    expect(report.healthy).toBe(false);
  });

  it('is pure: the same transcript gives the same report, and the input is unchanged', () => {
    const before = structuredClone(invalidTools);
    expect(buildReport(invalidTools)).toEqual(buildReport(invalidTools));
    expect(invalidTools).toEqual(before);
  });
});
