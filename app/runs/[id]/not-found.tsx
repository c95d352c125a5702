import Link from 'next/link';

export default function RunNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-4 py-12 text-center">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Run not found</h1>
      <p className="text-slate-600">
        The id is wrong, or the run is older than the retention period and was removed.
      </p>
      <Link
        href="/"
        className="inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700"
      >
        Start a new check
      </Link>
    </div>
  );
}
