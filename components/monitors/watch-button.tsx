'use client';

import { useState } from 'react';
import { MonitorForm } from './monitor-form';

/**
 * On a run page: watch this endpoint from now on, with the same credentials given again (and the
 * URL, when it had a credential in it: only its redacted form was kept).
 */
export function WatchButton({
  url,
  needs,
}: {
  url: string | null;
  needs: { token: boolean; headerNames: string[] };
}) {
  const [open, setOpen] = useState(false);
  return (
    <div className="w-full space-y-3">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
      >
        Watch this endpoint
      </button>
      {open ? (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
          <MonitorForm {...(url ? { url } : {})} needs={needs} />
        </div>
      ) : null}
    </div>
  );
}
