import { CodeBlock } from '@/components/ui/code-block';

/** A JSON value behind a disclosure: schemas are long, and most readers want the names first. */
export function JsonDetails({
  summary,
  value,
  open = false,
}: {
  summary: string;
  value: unknown;
  open?: boolean;
}) {
  return (
    <details open={open} className="group rounded-md border border-slate-200 bg-slate-50/60">
      <summary className="cursor-pointer select-none px-3 py-1.5 text-xs font-medium text-slate-700 hover:text-slate-900">
        {summary}
      </summary>
      <div className="px-2 pb-2">
        <CodeBlock label={summary}>{JSON.stringify(value, null, 2) ?? 'undefined'}</CodeBlock>
      </div>
    </details>
  );
}
