import Link from 'next/link';

export default function SessionNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-4 py-12 text-center">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Session not found</h1>
      <p className="text-slate-600">
        The link is wrong, or the session was idle past the retention period and was removed.
      </p>
      <Link
        href="/sessions"
        className="inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700"
      >
        Start a debugging session
      </Link>
    </div>
  );
}
