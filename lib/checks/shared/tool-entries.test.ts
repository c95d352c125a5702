import { describe, expect, it } from 'vitest';
import { listedTools, noSession, tool, transcript } from '../testing';
import {
  canonicalJson,
  describeValue,
  toolEntries,
  toolFindingsOutcome,
  toolsToCheck,
  type ToolFinding,
} from './tool-entries';

describe('toolEntries', () => {
  it('maps each tool to the page and exchange that carried it', () => {
    const tools = ['a', 'b', 'c', 'd', 'e'].map((name) => tool({ name }));
    const entries = toolEntries(transcript(listedTools(tools, { pageSizes: [2, 0, 3] })));
    expect(entries.map((e) => [e.label, e.page, e.exchangeId])).toEqual([
      ['a', 1, 'x3'],
      ['b', 1, 'x3'],
      ['c', 3, 'x5'],
      ['d', 3, 'x5'],
      ['e', 3, 'x5'],
    ]);
  });

  it('names a tool without a usable name by its position, and bounds long names', () => {
    const long = 'n'.repeat(200);
    const entries = toolEntries(
      transcript(
        listedTools([tool({ name: 42 }), 'text', tool({ name: '' }), tool({ name: long })]),
      ),
    );
    expect(entries.map((e) => e.label)).toEqual([
      'tool #1',
      'tool #2',
      'tool #3',
      `${'n'.repeat(79)}…`,
    ]);
    expect(entries.map((e) => e.name)).toEqual([null, null, '', long]);
    expect(entries[1]?.fields).toBeNull();
  });

  it('validates each tool on its own with the SDK ToolSchema', () => {
    const entries = toolEntries(
      transcript(
        listedTools([
          tool(),
          tool({ title: 5, inputSchema: { type: 'object', required: 'q' } }),
          'text',
        ]),
      ),
    );
    expect(entries[0]?.issues).toEqual([]);
    expect(entries[1]?.issues).toEqual([
      { path: 'title', field: 'title', message: 'expected string, received number' },
      {
        path: 'inputSchema.required',
        field: 'inputSchema',
        message: 'expected array, received string',
      },
    ]);
    expect(entries[2]?.issues).toEqual([
      { path: '', field: null, message: 'expected object, received string' },
    ]);
  });

  it('is computed once per transcript', () => {
    const t = transcript();
    expect(toolEntries(t)).toBe(toolEntries(t));
  });
});

describe('toolsToCheck', () => {
  it.each([
    ['no session', noSession(null), { cause: 'blocked', owner: 'connection.initialize' }],
    [
      'a failed first page',
      transcript({
        tools: [],
        listing: {
          pages: [
            {
              cursor: null,
              nextCursor: null,
              count: 0,
              exchangeId: 'x3',
              durationMs: 5,
              error: { code: 'timeout', message: 'timed out' },
            },
          ],
          stoppedEarly: null,
          relist: null,
        },
      }),
      { cause: 'blocked', owner: 'tools.list' },
    ],
    ['an empty list', transcript(listedTools([])), { cause: 'not-applicable' }],
  ])('has nothing to check after %s', (_, t, skip) => {
    const result = toolsToCheck(t);
    expect('outcome' in result && result.outcome).toMatchObject({ status: 'skipped', ...skip });
  });

  it('returns the entries when tools arrived', () => {
    const result = toolsToCheck(transcript());
    expect('entries' in result && result.entries.map((e) => e.label)).toEqual(['search_docs']);
  });
});

describe('toolFindingsOutcome', () => {
  const entries = toolEntries(
    transcript(
      listedTools(
        ['a', 'b', 'c'].map((name) => tool({ name })),
        { pageSizes: [1, 2] },
      ),
    ),
  );
  const finding = (i: number, code: string, severity: ToolFinding['severity']): ToolFinding => ({
    entry: entries[i]!,
    code,
    severity,
    detail: `${code} detail`,
  });

  it('takes the worst severity and the most important code of that severity', () => {
    const outcome = toolFindingsOutcome(
      [finding(0, 'minor', 'info'), finding(2, 'second', 'error'), finding(1, 'first', 'error')],
      3,
      { codes: ['first', 'second', 'minor'], verb: { one: 'is bad', many: 'are bad' } },
    );
    expect(outcome).toEqual({
      status: 'fail',
      code: 'first',
      severity: 'error',
      message: '3 of 3 tools are bad: a, c, b',
      evidence: ['x3', 'x4'],
      items: [
        { subject: 'a', detail: 'minor detail', evidence: ['x3'] },
        { subject: 'c', detail: 'second detail', evidence: ['x4'] },
        { subject: 'b', detail: 'first detail', evidence: ['x4'] },
      ],
    });
  });

  it('counts tools, not findings, and uses the singular for one tool', () => {
    const outcome = toolFindingsOutcome(
      [finding(1, 'x', 'warning'), finding(1, 'y', 'warning')],
      3,
      {
        codes: ['y', 'x'],
        verb: { one: 'is bad', many: 'are bad' },
        fix: (code) => `fix ${code}`,
      },
    );
    expect(outcome).toMatchObject({ code: 'y', message: '1 of 3 tools is bad: b' });
    // Two kinds, two fixes: each finding carries its own, the outcome keeps the check's general one.
    expect(outcome).not.toHaveProperty('fix');
    expect(outcome.status === 'fail' && outcome.items?.map((i) => i.fix)).toEqual([
      'fix x',
      'fix y',
    ]);
  });

  it('gives the outcome the precise fix when every finding shares it', () => {
    const outcome = toolFindingsOutcome([finding(0, 'x', 'error'), finding(1, 'x', 'error')], 3, {
      codes: ['x'],
      verb: { one: 'is bad', many: 'are bad' },
      fix: (code) => `fix ${code}`,
    });
    expect(outcome).toMatchObject({ fix: 'fix x' });
  });
});

describe('helpers', () => {
  it('compares JSON regardless of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: 2 } })).toBe(
      canonicalJson({ a: { c: 2, d: [1, { x: 2, y: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });

  it.each([
    [undefined, 'absent'],
    [null, 'null'],
    [[1], 'an array'],
    [{}, 'an object'],
    [42, 'a number (42)'],
    ['x'.repeat(50), `a string ("${'x'.repeat(39)}…")`],
  ])('describes %j as %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});
