import { describe, expect, it } from 'vitest';
import { listedTools, noSession, response, tool, transcript } from '@/lib/checks/testing';
import { buildReport } from './build-report';
import { diffChecks, diffRows, diffRuns, runDiffIsEmpty, snapshotOf } from './diff';

const search = tool({ name: 'search' });
const fetchTool = tool({ name: 'fetch' });

describe('diffChecks', () => {
  const c = (id: string, status: 'pass' | 'fail' | 'skipped', severity = 'error' as const) => ({
    id,
    title: id,
    status,
    severity,
  });

  it('reports status changes, severity changes of failures, and checks new or gone', () => {
    expect(
      diffChecks(
        [
          c('a', 'pass'),
          c('b', 'fail'),
          { ...c('c', 'fail'), severity: 'warning' },
          c('gone', 'pass'),
        ],
        [c('a', 'fail'), c('b', 'fail'), c('c', 'fail'), c('new', 'skipped')],
      ),
    ).toEqual([
      {
        id: 'a',
        title: 'a',
        before: { status: 'pass', severity: 'error' },
        after: { status: 'fail', severity: 'error' },
      },
      {
        id: 'c',
        title: 'c',
        before: { status: 'fail', severity: 'warning' },
        after: { status: 'fail', severity: 'error' },
      },
      { id: 'new', title: 'new', before: null, after: { status: 'skipped', severity: 'error' } },
      { id: 'gone', title: 'gone', before: { status: 'pass', severity: 'error' }, after: null },
    ]);
  });

  it('ignores checks that could not run before and pass now, not the reverse', () => {
    expect(diffChecks([c('a', 'skipped')], [c('a', 'pass')])).toEqual([]);
    expect(diffChecks([c('a', 'pass')], [c('a', 'skipped')])).toHaveLength(1);
    expect(diffChecks([c('a', 'skipped')], [c('a', 'fail')])).toHaveLength(1);
  });

  it('ignores the severity of checks that did not fail', () => {
    expect(diffChecks([c('a', 'pass')], [{ ...c('a', 'pass'), severity: 'info' }])).toEqual([]);
  });
});

describe('diffRuns', () => {
  it('compares two real reports: the tools and the checks whose verdict changed', () => {
    const before = snapshotOf('r1', buildReport(transcript(listedTools([search, fetchTool]))));
    const after = snapshotOf(
      'r2',
      buildReport(
        transcript({
          ...listedTools([search]),
          previousTools: { runId: 'r1', startedAt: before.startedAt, tools: [search, fetchTool] },
        }),
      ),
    );
    const diff = diffRuns(before, after);
    expect(diff.from.runId).toBe('r1');
    expect(diff.to.runId).toBe('r2');
    expect(diff.tools).toMatchObject({ added: [], removed: ['fetch'], changed: [] });
    expect(diff.checks).toEqual([
      {
        id: 'tools.drift',
        title: 'The tool list changed since the previous run',
        before: { status: 'skipped', severity: 'info' },
        after: { status: 'fail', severity: 'info' },
      },
    ]);
    expect(runDiffIsEmpty(diff)).toBe(false);
    expect(runDiffIsEmpty(diffRuns(before, { ...before, runId: 'r3' }))).toBe(true);
  });

  it('has no tool diff when a run did not list its tools', () => {
    const listed = snapshotOf('r1', buildReport(transcript()));
    const broken = snapshotOf('r2', buildReport(noSession(response(404, 'no'))));
    expect(broken.tools).toBeNull();
    const diff = diffRuns(listed, broken);
    expect(diff.tools).toBeNull();
    expect(diff.checks.some((c) => c.id === 'connection.status')).toBe(true);
  });

  it('names the rows that changed: broken → fixed is a change although the checks it unblocked only went skipped → pass', () => {
    const listed = snapshotOf('r1', buildReport(transcript()));
    const broken = snapshotOf('r2', buildReport(noSession(response(404, 'no'))));
    const fixed = diffRuns(broken, { ...listed, runId: 'r3' });
    expect(fixed.rows).toContainEqual({ id: 'connection', before: 'fail', after: 'pass' });
    expect(fixed.rows).toContainEqual({ id: 'tools', before: 'unverified', after: 'pass' });
    expect(runDiffIsEmpty(fixed)).toBe(false);
    expect(diffRuns(listed, broken).rows).toContainEqual({
      id: 'connection',
      before: 'pass',
      after: 'fail',
    });
  });

  it('compares rows by id, in the later run’s order, and ignores a row the earlier run lacks', () => {
    expect(
      diffRows(
        [
          { id: 'connection', status: 'pass' },
          { id: 'tools', status: 'skipped' },
        ],
        [
          { id: 'auth', status: 'fail' },
          { id: 'tools', status: 'pass' },
          { id: 'connection', status: 'pass' },
        ],
      ),
    ).toEqual([{ id: 'tools', before: 'skipped', after: 'pass' }]);
  });
});
