import Link from 'next/link';
import type { ToolsWindow } from '@/lib/runs/page-view';

const link =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-sky-700 hover:bg-slate-50';

/** Where the tools shown sit in the whole list, with the way to the pages before and after. */
export function ToolsPager({ runId, window }: { runId: string; window: ToolsWindow }) {
  if (window.pages <= 1) return null;
  const href = (page: number) => `/runs/${runId}?tools=${page}#tools`;
  const n = (value: number) => value.toLocaleString('en-US');
  return (
    <nav
      aria-label="Tool pages"
      className="my-3 flex flex-wrap items-center gap-3 text-sm text-slate-700"
    >
      <span>
        Tools {n(window.from + 1)}–{n(window.to)} of {n(window.total)} (page {window.page} of{' '}
        {window.pages}); every tool is in the report JSON.
      </span>
      {window.page > 1 ? (
        <Link className={link} href={href(window.page - 1)} rel="prev">
          ‹ Previous
        </Link>
      ) : null}
      {window.page < window.pages ? (
        <Link className={link} href={href(window.page + 1)} rel="next">
          Next ›
        </Link>
      ) : null}
    </nav>
  );
}
