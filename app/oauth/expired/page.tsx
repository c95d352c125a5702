import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Sign-in expired', referrer: 'no-referrer' };

/** The callback arrived with a state no sign-in is waiting for (expired, replayed, or forged). */
export default function ExpiredPage() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">
        This sign-in is unknown or has expired
      </h1>
      <p className="text-sm text-slate-700">
        The authorization server sent the browser back with a state that no sign-in started in the
        last 15 minutes is waiting for. Start again from the run page’s Authorization section.
      </p>
      <Link href="/" className="text-sm text-sky-700 hover:underline">
        Check a server
      </Link>
    </div>
  );
}
