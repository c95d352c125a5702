/** Shown while the run page renders, so a click on Check answers at once. */
export default function RunLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <p
        role="status"
        className="flex items-center gap-3 text-xl font-semibold tracking-tight text-slate-900"
      >
        <span aria-hidden="true" className="h-3 w-3 animate-pulse rounded-full bg-sky-500" />
        Opening the run…
      </p>
      <div className="space-y-3" aria-hidden="true">
        <div className="h-4 w-2/3 animate-pulse rounded bg-slate-200" />
        <div className="h-40 animate-pulse rounded-xl bg-slate-200/70" />
      </div>
    </div>
  );
}
