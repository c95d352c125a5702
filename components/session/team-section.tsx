import Link from 'next/link';
import { ImportForm } from '@/components/history/import-form';
import { StartSessionForm } from './start-session-form';

/** On the home page: a session to debug one endpoint together, and the way in for an export. */
export function TeamSection() {
  return (
    <div className="grid gap-6 md:grid-cols-3">
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm md:col-span-2">
        <p className="mb-4 text-sm text-slate-600">
          A session is one page per endpoint: share its link, and everyone sees each rerun appear
          live with what changed since the run before, and can leave notes on a check or an
          exchange.{' '}
          <Link href="/sessions" className="text-sky-700 underline">
            Recent sessions
          </Link>
        </p>
        <StartSessionForm />
      </div>
      <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <p className="text-sm text-slate-600">
          Every run is saved (secrets removed) and has a permalink.{' '}
          <Link href="/history" className="text-sky-700 underline">
            History
          </Link>
        </p>
        <ImportForm />
      </div>
    </div>
  );
}
