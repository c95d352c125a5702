import { cache } from 'react';
import { z } from 'zod';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RunHistoryPanel } from '@/components/history/run-history-panel';
import { ReportView } from '@/components/report/report-view';
import { RunStopped } from '@/components/run/run-stopped';
import { ToolsPager } from '@/components/run/tools-pager';
import { RunProgress } from '@/components/run/run-progress';
import { snapshotOf } from '@/lib/diagnose/diff';
import { runs } from '@/lib/runs/app-registry';
import { pageView } from '@/lib/runs/page-view';
import { RunIdSchema } from '@/lib/runs/schema';
import { getStore } from '@/lib/store';

// The metadata and the page read the same run: once per request (a big report is parsed once).
const findRun = cache(async (id: string) =>
  RunIdSchema.safeParse(id).success ? await runs.load(id) : undefined,
);

export async function generateMetadata({ params }: PageProps<'/runs/[id]'>): Promise<Metadata> {
  const run = await findRun((await params).id);
  return { title: run ? run.url : 'Run not found' };
}

const ToolsPageSchema = z.coerce.number().int().min(1).catch(1);

export default async function RunPage({ params, searchParams }: PageProps<'/runs/[id]'>) {
  const { id } = await params;
  const run = await findRun(id);
  if (!run) notFound();
  if (run.state === 'done' && run.report) {
    // A window of a long report: the page stays small whatever the server listed.
    const view = pageView(run.report, ToolsPageSchema.parse((await searchParams).tools));
    const store = await getStore();
    const [previous, sessions] = await Promise.all([
      store.previousSnapshot(run.url, { id: run.id, startedAt: run.startedAt }, { listed: false }),
      store.sessionsOfRun(run.id),
    ]);
    return (
      <ReportView
        report={view.report}
        runId={run.id}
        toolsShown={{
          tools: view.tools,
          nav: <ToolsPager runId={run.id} window={view.window} />,
        }}
        history={
          <RunHistoryPanel
            run={run}
            previous={previous}
            current={snapshotOf(run.id, run.report)}
            sessions={sessions}
          />
        }
      />
    );
  }
  if (run.state === 'failed' || run.state === 'interrupted') return <RunStopped run={run} />;
  return <RunProgress initial={{ id: run.id, state: run.state, steps: run.steps }} url={run.url} />;
}
