'use client';

import { useState } from 'react';
import type { Exchange } from '@/lib/report/schema';
import { toCurl } from '@/lib/log/curl';

/** Copies the request as curl; redacted secrets stay `[redacted]` for the reader to fill in. */
export function CopyCurlButton({ exchange }: { exchange: Exchange }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(toCurl(exchange));
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={copy}
        className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50"
      >
        Copy as curl
      </button>
      <span role="status" className="text-xs text-slate-600">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : ''}
      </span>
    </span>
  );
}
