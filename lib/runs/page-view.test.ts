import { describe, expect, it } from 'vitest';
import { exchange, listedTools, response, tool, transcript } from '@/lib/checks/testing';
import { buildReport } from '@/lib/diagnose/build-report';
import type { Report } from '@/lib/report/schema';
import {
  BODY_CHARS_SHOWN,
  ITEMS_PER_CHECK,
  TOOLS_PER_PAGE,
  pageView,
  toolsWindow,
} from './page-view';

describe('toolsWindow', () => {
  it.each([
    [5000, 1, { page: 1, pages: 50, from: 0, to: 100 }],
    [5000, 50, { page: 50, pages: 50, from: 4900, to: 5000 }],
    [5000, 51, { page: 50, pages: 50, from: 4900, to: 5000 }],
    [5000, 0, { page: 1, pages: 50, from: 0, to: 100 }],
    [250, 3, { page: 3, pages: 3, from: 200, to: 250 }],
    [0, 4, { page: 1, pages: 1, from: 0, to: 0 }],
  ])('%i tools, page %i → %j', (total, asked, expected) => {
    expect(toolsWindow(total, asked)).toEqual({ ...expected, total });
  });
});

describe('pageView', () => {
  const many = (n: number): Report =>
    buildReport(
      transcript({
        ...listedTools(Array.from({ length: n }, (_, i) => tool({ name: `t${i}` }))),
      }),
    );

  it('shows one page of the tools and keeps the rest of the report whole', () => {
    const report = many(1234);
    const view = pageView(report, 2);
    expect(view.tools).toHaveLength(TOOLS_PER_PAGE);
    expect((view.tools[0] as { name: string }).name).toBe(`t${TOOLS_PER_PAGE}`);
    expect(view.window).toMatchObject({ page: 2, pages: 13, total: 1234 });
    // The counts a page states come from the whole list.
    expect(view.report.tools).toHaveLength(1234);
    expect(view.report.rows).toEqual(report.rows);
  });

  it('cuts a check’s offenders and a long body, saying how much was left out', () => {
    const report = many(3);
    const items = Array.from({ length: 700 }, (_, i) => ({ subject: `t${i}`, detail: 'bad' }));
    const text = 'x'.repeat(BODY_CHARS_SHOWN * 3);
    const big: Report = {
      ...report,
      checks: report.checks.map((c, i) => (i === 0 ? { ...c, items } : c)),
      exchanges: [exchange({ response: response(200, text) })],
    };
    const view = pageView(big, 1);
    const shown = view.report.checks[0]?.items ?? [];
    expect(shown).toHaveLength(ITEMS_PER_CHECK + 1);
    expect(shown.at(-1)?.detail).toMatch(/^and 650 more items/);
    const body = view.report.exchanges[0]?.response?.body;
    expect(body?.text).toHaveLength(BODY_CHARS_SHOWN);
    expect(body).toMatchObject({ truncated: true, bytes: text.length });
    // The report itself is untouched: the export still has everything.
    expect(big.checks[0]?.items).toHaveLength(700);
  });
});
