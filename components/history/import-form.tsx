'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition, type ChangeEvent } from 'react';
import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '@/lib/sessions/transfer-limits';
import { send } from '@/components/session/post-json';

/** Imports a run exported from this or another MCP Doctor, re-checked, and opens it. */
export function ImportForm() {
  const router = useRouter();
  const ids = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const upload = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setError(`${file.name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      return;
    }
    startTransition(async () => {
      setError(null);
      const imported = await send('/api/import', file, z.object({ id: z.string() }));
      if (imported.ok) router.push(`/runs/${imported.value.id}`);
      else setError(`${file.name}: ${imported.message}`);
    });
  };

  return (
    <div className="space-y-2">
      <label
        htmlFor={`${ids}-file`}
        className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
      >
        {pending ? 'Importing…' : 'Import a run'}
        <input
          id={`${ids}-file`}
          type="file"
          accept="application/json,.json"
          onChange={upload}
          disabled={pending}
          className="sr-only"
          data-testid="import-file"
        />
      </label>
      <p className="text-xs text-slate-500">
        A file from “Download JSON” on a run page; the current checks judge it again.
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
