import type { Root, RootContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { listedTools, noSession, response, tool, transcript } from '@/lib/checks/testing';
import { CLIENT_PROFILES } from '@/lib/clients';
import { factsFromReport } from '@/lib/clients/from-report';
import { verdict } from '@/lib/clients/verdict';
import { buildReport } from '@/lib/diagnose/build-report';
import { renderReport } from './formats';
import { markdownSummary, markdownText } from './markdown-summary';

const TITLES = ['Connection fails', 'Tools not showing', 'Widget not rendering', 'Auth errors'];

/** What GitHub would render: the Markdown parsed as GFM (tables, autolinks). */
const parse = (markdown: string): Root =>
  unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;

function nodes(root: Root | RootContent): RootContent[] {
  const children = 'children' in root ? (root.children as RootContent[]) : [];
  return [...children, ...children.flatMap(nodes)];
}

const text = (node: RootContent): string =>
  'value' in node ? node.value : nodes(node).map(text).join('');

function tables(markdown: string): Table[] {
  return nodes(parse(markdown)).filter((n): n is Table => n.type === 'table');
}

/** Each table row's cells as the text a reader sees. */
const cells = (table: Table) => table.children.map((row) => row.children.map(text));

describe('markdownSummary', () => {
  it('gives a healthy run its verdict and the four rows, and no problem section', () => {
    const markdown = markdownSummary(buildReport(transcript()));
    expect(markdown.split('\n')[0]).toBe('## MCP Doctor: ✅ healthy');
    const [rows] = tables(markdown);
    expect(cells(rows!).map((r) => r[0])).toEqual(['Row', ...TITLES]);
    expect(cells(rows!)[1]?.[1]).toBe('✅ pass');
    expect(markdown).not.toContain('Failing checks');
    expect(markdown).toContain('example 1\\.0\\.0 · protocol 2025\\-06\\-18 · 1 tool · 120 ms');
  });

  it('lists each failing check with its message, fix and docs link', () => {
    const report = buildReport(noSession(response(200, '<html></html>', 'text/html')));
    const markdown = markdownSummary(report);
    expect(markdown.split('\n')[0]).toBe('## MCP Doctor: ❌ not healthy');
    const failing = report.checks.filter((c) => c.status === 'fail' && c.severity === 'error');
    expect(failing.length).toBeGreaterThan(0);
    expect(markdown).toContain(`### Failing checks (`);
    const rendered = text(parse(markdown) as unknown as RootContent);
    const links = nodes(parse(markdown))
      .filter((n) => n.type === 'link')
      .map((n) => (n as { url: string }).url);
    for (const check of failing) {
      expect(rendered).toContain(`${check.id} ${check.title}: ${check.message}`);
      expect(rendered).toContain(`Fix: ${check.fix}`);
      expect(links).toContain(check.docs);
    }
    expect(cells(tables(markdown)[0]!)[1]?.[1]).toBe('❌ fail');
  });

  it('keeps hostile text as text: no link, image, HTML or extra table cell from the server', () => {
    const hostile =
      '![x](https://evil.example/p.png)[click](https://evil.example)<img src=x>|**b**';
    const report = buildReport(transcript(listedTools([tool({ name: hostile })])));
    const markdown = markdownSummary(report);
    const all = nodes(parse(markdown));
    expect(all.filter((n) => n.type === 'image')).toEqual([]);
    const urls = all.filter((n) => n.type === 'link').map((n) => (n as { url: string }).url);
    expect(urls.every((url) => !url.includes('evil.example'))).toBe(true);
    // Our own line breaks in cells are the only HTML.
    for (const html of all.filter((n) => n.type === 'html')) expect(text(html)).toBe('<br>');
    for (const row of cells(tables(markdown)[0]!)) expect(row).toHaveLength(3);
    // The name is still there for the reader, character for character.
    expect(text(parse(markdown) as unknown as RootContent)).toContain(hostile);
  });

  it('renders the client verdicts with the reasons of every client that does not simply work', () => {
    const base = buildReport(noSession(response(401, '', 'text/plain')));
    const facts = factsFromReport(base);
    const clients = CLIENT_PROFILES.map((profile) => verdict(facts, profile));
    expect(clients.some((c) => c.verdict !== 'works')).toBe(true);
    const report = { ...base, clients };
    const markdown = markdownSummary(report);
    expect(markdown).toContain('### Clients');
    const rows = cells(tables(markdown).at(-1)!);
    expect(rows[0]).toEqual(['Client', 'Verdict', 'Why']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(clients.map((c) => c.name));
    clients.forEach((client, i) => {
      const row = rows[i + 1]!;
      expect(row[1]).toMatch(new RegExp(`${client.verdict}$`));
      for (const reason of client.reasons.filter((r) => r.outcome !== 'ok')) {
        expect(row[2]).toContain(reason.message);
      }
    });
  });

  it('is the markdown entry of the formats table', () => {
    const report = buildReport(transcript());
    expect(renderReport(report, 'markdown', { creator: { name: 't', version: '1' } })).toEqual({
      body: markdownSummary(report),
      contentType: 'text/markdown; charset=utf-8',
    });
  });
});

describe('markdownText', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['<script>', '\\<script\\>'],
    ['line\nbreak\r\ttab', 'line break tab'],
    ['\u202eevil\u0007', 'evil'],
    ['plain words 42', 'plain words 42'],
    ['see https://evil.example/a_b now', 'see `https://evil.example/a_b` now'],
    ['www.evil.example|x', '`www.evil.example`\\|x'],
    ['mail ops@evil.example.', 'mail `ops@evil.example`\\.'],
  ])('%j → %j', (input, output) => {
    expect(markdownText(input)).toBe(output);
  });
});
