import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ImportForm } from '@/components/history/import-form';
import { RunList } from '@/components/history/run-list';
import { Section } from '@/components/ui/section';
import { getStore } from '@/lib/store';
import { parseCursor } from '@/lib/store/cursor';

export const metadata: Metadata = { title: 'History' };

const PAGE = 25;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** `/history`: the newest runs of every endpoint; `/history?url=…`: one endpoint's, page by page. */
export default async function HistoryPage({ searchParams }: PageProps<'/history'>) {
  await connection();
  const query = await searchParams;
  const url = one(query.url)?.slice(0, 2048);
  const cursor = one(query.cursor);
  const store = await getStore();
  const page = url
    ? await store.history(url, {
        limit: PAGE,
        ...(cursor && parseCursor(cursor).success ? { cursor } : {}),
      })
    : { runs: await store.recentRuns(PAGE), next: null };
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            {url ? 'History of an endpoint' : 'Recent runs'}
          </h1>
          {url ? (
            <p className="break-all font-mono text-sm text-slate-700">{url}</p>
          ) : (
            <p className="text-slate-600">Every run is saved, secrets already removed.</p>
          )}
        </div>
        <ImportForm />
      </div>
      <Section id="runs" title={url ? 'Runs, newest first' : 'Newest runs'}>
        <RunList runs={page.runs} showUrl={!url} />
        <div className="mt-3 flex gap-4 text-sm">
          {url && cursor ? (
            <Link
              href={`/history?url=${encodeURIComponent(url)}`}
              className="text-sky-700 hover:underline"
            >
              Newest
            </Link>
          ) : null}
          {url && page.next ? (
            <Link
              href={`/history?url=${encodeURIComponent(url)}&cursor=${page.next}`}
              className="text-sky-700 hover:underline"
            >
              Older runs
            </Link>
          ) : null}
        </div>
      </Section>
    </div>
  );
}
