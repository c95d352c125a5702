import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReportView } from '@/components/report/report-view';
import { RunFailed } from '@/components/run/run-failed';
import { RunProgress } from '@/components/run/run-progress';
import { runs } from '@/lib/runs/registry';
import { RunIdSchema } from '@/lib/runs/schema';

const findRun = (id: string) => (RunIdSchema.safeParse(id).success ? runs.get(id) : undefined);

export async function generateMetadata({ params }: PageProps<'/runs/[id]'>): Promise<Metadata> {
  const run = findRun((await params).id);
  return { title: run ? run.url : 'Run not found' };
}

export default async function RunPage({ params }: PageProps<'/runs/[id]'>) {
  const { id } = await params;
  const run = findRun(id);
  if (!run) notFound();
  if (run.state === 'done' && run.report) return <ReportView report={run.report} runId={run.id} />;
  if (run.state === 'failed') return <RunFailed run={run} />;
  return <RunProgress initial={{ id: run.id, state: run.state, steps: run.steps }} url={run.url} />;
}
