'use client';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 py-12 text-center">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
        Something went wrong in MCP Doctor
      </h1>
      <p className="text-slate-600">
        This is a bug in the dashboard, not in the server you checked.
        {error.digest ? (
          <span className="block font-mono text-xs text-slate-500">Reference: {error.digest}</span>
        ) : null}
      </p>
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700"
      >
        Try again
      </button>
    </div>
  );
}
