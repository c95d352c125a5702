import { describe, expect, it, vi } from 'vitest';
import { listedTools, tool, transcript } from '@/lib/checks/testing';
import { buildReport } from '@/lib/diagnose/build-report';
import { NoteInputSchema } from './input';
import { exportDocument, exportFileName, parseImport, readBoundedText } from './transfer';

const report = buildReport(
  transcript({
    ...listedTools([tool({ name: 'search' })]),
    previousTools: { runId: 'r0', startedAt: '2025-12-30T00:00:00.000Z', tools: [] },
  }),
);
const stored = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  url: report.url,
  createdAt: '2026-01-01T00:00:00.000Z',
  startedAt: report.startedAt,
  state: 'done' as const,
  steps: report.steps,
  report,
  origin: 'probe' as const,
  importedFrom: null,
};
const verdicts = (r: typeof report) => ({
  status: r.status,
  rows: r.rows.map((row) => [row.id, row.status]),
  checks: r.checks.map((c) => [c.id, c.status, c.code]),
});

describe('export and import', () => {
  it('round-trips a run: the import, re-checked, has the same rows and check verdicts', () => {
    const file = JSON.parse(JSON.stringify(exportDocument(stored)));
    const parsed = parseImport(file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.importedFrom).toBe(stored.id);
    // The drift finding travels with the file: the previous tools were exported with it.
    expect(verdicts(buildReport(parsed.transcript))).toEqual(verdicts(report));
    expect(verdicts(report).checks).toContainEqual(['tools.drift', 'fail', 'tools-changed']);
  });

  it('accepts a run as GET /api/runs/<id> answers it, and a bare report', () => {
    expect(parseImport(JSON.parse(JSON.stringify(stored)))).toMatchObject({
      ok: true,
      importedFrom: stored.id,
    });
    expect(parseImport(JSON.parse(JSON.stringify(report)))).toMatchObject({
      ok: true,
      importedFrom: null,
    });
  });

  it('refuses what is not a run, saying where', () => {
    const parsed = parseImport({ format: 'mcp-doctor-run', version: 1, report: { version: 2 } });
    expect(parsed).toMatchObject({ ok: false });
    // A sentence that names the first field wrong, not a schema dump.
    expect(!parsed.ok && parsed.message).toMatch(
      /^This is not a run exported by MCP Doctor \(“Download JSON” on a run page\)\. The field `version` is not valid \(and \d+ more problems\)\.$/,
    );
    expect(parseImport([1, 2])).toMatchObject({ ok: false });
  });

  it('redacts credentials added to a file by hand before anything is saved', () => {
    const doctored = JSON.parse(JSON.stringify(exportDocument(stored)));
    doctored.report.exchanges[0].request.headers.push([
      'Authorization',
      'Bearer hand-added-secret',
    ]);
    doctored.report.exchanges[0].request.url = 'https://example.com/mcp?access_token=leaked123';
    const parsed = parseImport(doctored);
    expect(JSON.stringify(parsed)).not.toContain('hand-added-secret');
    expect(JSON.stringify(parsed)).not.toContain('leaked123');
  });

  it('names the file after the host, the day and the run', () => {
    expect(exportFileName(stored)).toBe('mcp-doctor-example.com-2026-01-01-AAAAAAAA.json');
  });

  it('reads a body up to its bound and refuses a larger one without reading it all', async () => {
    const request = (body: string) =>
      new Request('http://localhost/api/import', { method: 'POST', body });
    expect(await readBoundedText(request('{"a":1}'), 10)).toEqual({ ok: true, text: '{"a":1}' });
    const refused = await readBoundedText(request('x'.repeat(11)), 10);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect([refused.error.code, refused.error.status]).toEqual(['body-too-large', 413]);
  });

  it('answers a body that stops arriving as body-aborted, logged in one line', async () => {
    const logged: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 0) controller.enqueue(new TextEncoder().encode('{"format":'));
        else controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
      },
    });
    const read = await readBoundedText(
      new Request('http://localhost/api/import', {
        method: 'POST',
        body,
        duplex: 'half',
      } as RequestInit),
      1000,
    );
    error.mockRestore();
    expect(read.ok).toBe(false);
    if (!read.ok) expect([read.error.code, read.error.status]).toEqual(['body-aborted', 400]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^POST \/api\/import: the client went away after 10 bytes/);
    expect(logged[0]).not.toContain('\n');
  });
});

describe('NoteInputSchema', () => {
  it.each([
    [
      { body: '  Looks fixed  ', author: '' },
      { body: 'Looks fixed', author: null },
    ],
    [
      { body: 'see', runId: 'AAAAAAAAAAAAAAAAAAAAAA', checkId: 'tools.drift' },
      { checkId: 'tools.drift' },
    ],
  ])('accepts %j', (input, expected) => {
    expect(NoteInputSchema.parse(input)).toMatchObject(expected);
  });

  it.each([
    [{ body: '   ' }, /empty/],
    [{ body: 'é'.repeat(5200) }, /longer than 10 KB/],
    [{ body: 'x', author: 'a'.repeat(81) }, /author is longer than 80/],
    [{ body: 'x', checkId: 'tools.drift' }, /need the runId/],
    [
      { body: 'x', runId: 'AAAAAAAAAAAAAAAAAAAAAA', checkId: 'tools.drift', exchangeId: 'x1' },
      /not both/,
    ],
    [{ body: 'x', runId: 'AAAAAAAAAAAAAAAAAAAAAA', checkId: '<img>' }, /not a check id/],
    [{ body: 'x', html: true }, /html/],
  ])('refuses %j', (input, message) => {
    const parsed = NoteInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message + (i.path.join('.') ?? '')).join(' ')).toMatch(
      message,
    );
  });
});
