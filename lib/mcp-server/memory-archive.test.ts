import { describe, expect, it } from 'vitest';
import { listedTools, tool, transcript } from '@/lib/checks/testing';
import { buildReport } from '@/lib/diagnose/build-report';
import type { Report } from '@/lib/report/schema';
import { MemoryArchive } from './memory-archive';

const URL_A = 'https://a.example.com/mcp';

function finish(
  archive: MemoryArchive,
  id: string,
  url: string,
  startedAt: string,
  report: Report,
) {
  archive.create({ id, url, createdAt: startedAt });
  archive.update(id, { state: 'done', report: { ...report, url, startedAt } });
}

describe('MemoryArchive', () => {
  const report = buildReport(transcript(listedTools([tool({ name: 'search' })])));

  it('lists an endpoint’s runs newest first, with each row’s status, and nobody else’s', async () => {
    const archive = new MemoryArchive();
    finish(archive, 'r1', URL_A, '2026-12-01T10:00:00.000Z', report);
    finish(archive, 'r2', 'https://b.example.com/mcp', '2026-12-01T10:01:00.000Z', report);
    finish(archive, 'r3', `${URL_A}#fragment`, '2026-12-01T10:02:00.000Z', report);
    const runs = await archive.history(URL_A, 10);
    expect(runs.map((r) => r.id)).toEqual(['r3', 'r1']);
    expect(runs[0]).toMatchObject({ state: 'done', status: report.status, permalink: null });
    expect(runs[0]?.rows.map((r) => r.id)).toEqual(['connection', 'tools', 'widgets', 'auth']);
    expect(await archive.history(URL_A, 1)).toHaveLength(1);
  });

  it('hands tools.drift the tools of the endpoint’s last earlier run', async () => {
    const archive = new MemoryArchive();
    finish(archive, 'old', URL_A, '2026-12-01T10:00:00.000Z', report);
    archive.create({ id: 'new', url: URL_A, createdAt: '2026-12-01T11:00:00.000Z' });
    const previous = await archive.previousTools(URL_A, {
      id: 'new',
      startedAt: '2026-12-01T11:00:00.000Z',
    });
    expect(previous).toMatchObject({ runId: 'old', tools: report.tools });
    expect(
      await archive.previousTools(URL_A, { id: 'x', startedAt: '2026-12-01T09:00:00.000Z' }),
    ).toBeNull();
  });

  it('keeps at most its capacity, dropping the oldest', async () => {
    const archive = new MemoryArchive(2);
    for (const id of ['r1', 'r2', 'r3']) archive.create({ id, url: URL_A, createdAt: id });
    expect(await archive.load('r1')).toBeUndefined();
    expect((await archive.history(URL_A, 10)).map((r) => r.id)).toEqual(['r3', 'r2']);
  });
});
