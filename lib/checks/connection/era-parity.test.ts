import { describe, expect, it } from 'vitest';
import type { Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { DISCOVER_RESULT, modernRun, tool, transcript } from '../testing';
import check from './era-parity';

/** A dual-era run whose 2026-07-28 leg listed these tools. */
function dual(modernTools: unknown[] | null, discover: unknown = DISCOVER_RESULT): Transcript {
  const t = modernRun({ legacy: true, discover });
  const mcp = t.mcp as NonNullable<Transcript['mcp']>;
  const modern = mcp.modern as NonNullable<typeof mcp.modern>;
  return {
    ...t,
    mcp: { ...mcp, modern: { ...modern, tools: modernTools, toolsExchangeIds: ['xt'] } },
  };
}

describe('connection.era-parity', () => {
  it('passes when both eras list the same tools and capabilities', () => {
    expect(runCheck(check, dual([tool()]))).toMatchObject({
      status: 'pass',
      message: 'Both eras serve the same 1 tools and capabilities',
    });
  });

  it('names a tool one era lacks, and one that differs', () => {
    const result = runCheck(
      check,
      dual([{ ...tool(), description: 'Another description.' }, tool({ name: 'only_modern' })]),
    );
    expect(result).toMatchObject({ status: 'fail', code: 'legs-differ', evidence: ['xt'] });
    expect(result.items.map((i) => [i.subject, i.detail])).toEqual([
      ['only_modern', 'listed by the 2026-07-28 leg only'],
      ['search_docs', 'differs between the eras: description'],
    ]);
  });

  it('names capabilities that differ between the eras', () => {
    const result = runCheck(
      check,
      dual([tool()], { ...DISCOVER_RESULT, capabilities: { tools: {}, resources: {} } }),
    );
    expect(result.items).toEqual([
      { subject: 'capabilities', detail: '2025: tools; 2026-07-28: resources, tools' },
    ]);
  });

  it('does not apply to a server of one era', () => {
    expect(runCheck(check, transcript()).skip?.cause).toBe('not-applicable');
    expect(runCheck(check, modernRun({ legacy: false })).skip?.cause).toBe('not-applicable');
  });
});
