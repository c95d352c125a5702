import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { formatWhen } from '@/components/history/when';
import { StartSessionForm } from '@/components/session/start-session-form';
import { Section } from '@/components/ui/section';
import { getStore } from '@/lib/store';

export const metadata: Metadata = { title: 'Debugging sessions' };

export default async function SessionsPage() {
  await connection();
  const sessions = await (await getStore()).recentSessions(50);
  return (
    <div className="space-y-10">
      <div className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Debugging sessions</h1>
        <p className="text-slate-600">
          One page per endpoint for the team: every rerun appears live for everyone with the link,
          with what changed since the run before, and notes on the session, a check or an exchange.
        </p>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <StartSessionForm />
      </div>
      <Section id="recent-sessions" title="Recent sessions">
        {sessions.length === 0 ? (
          <p className="text-sm text-slate-600">No session yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
            {sessions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-3">
                <Link
                  href={`/sessions/${s.id}`}
                  className="font-medium text-sky-700 hover:underline"
                >
                  {s.name}
                </Link>
                <span className="min-w-0 break-all font-mono text-xs text-slate-600">{s.url}</span>
                <span className="text-xs text-slate-500">active {formatWhen(s.updatedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
