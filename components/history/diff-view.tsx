import Link from 'next/link';
import { runDiffIsEmpty } from '@/lib/diagnose/diff';
import { areaOf } from '@/lib/report/areas';
import type { CheckChange, RunDiff, ToolDiff } from '@/lib/report/diff-schema';
import { CodeBlock } from '@/components/ui/code-block';
import { StatusBadge } from '@/components/ui/status-badge';
import { checkTone, rowTone } from '@/components/ui/status';
import { formatWhen } from './when';

function Verdict({ verdict }: { verdict: CheckChange['before'] }) {
  if (!verdict) return <span className="text-xs text-slate-500">not run</span>;
  return <StatusBadge tone={checkTone(verdict)} size="sm" />;
}

function ToolChanges({ tools }: { tools: ToolDiff }) {
  const none = tools.added.length + tools.removed.length + tools.changed.length === 0;
  if (none) {
    return (
      <p className="text-sm text-slate-600">
        Same {tools.unchanged} tool{tools.unchanged === 1 ? '' : 's'}, unchanged.
      </p>
    );
  }
  return (
    <ul className="space-y-1.5 text-sm" aria-label="Tool changes">
      {tools.added.map((name) => (
        <li key={`+${name}`} className="flex items-baseline gap-2">
          <span className="w-20 shrink-0 font-medium text-emerald-700">added</span>
          <code className="break-words font-mono text-slate-900">{name}</code>
        </li>
      ))}
      {tools.removed.map((name) => (
        <li key={`-${name}`} className="flex items-baseline gap-2">
          <span className="w-20 shrink-0 font-medium text-red-700">removed</span>
          <code className="break-words font-mono text-slate-900">{name}</code>
        </li>
      ))}
      {tools.changed.map(({ name, fields }) => (
        <li key={`~${name}`} className="flex items-baseline gap-2">
          <span className="w-20 shrink-0 font-medium text-amber-800">changed</span>
          <div className="min-w-0 flex-1">
            <code className="break-words font-mono text-slate-900">{name}</code>
            <span className="text-slate-600">: {fields.map((f) => f.field).join(', ')}</span>
            <div className="mt-1 space-y-1">
              {fields.map((f) => (
                <details key={f.field} className="rounded border border-slate-200 bg-white">
                  <summary className="cursor-pointer px-2 py-1 text-xs text-slate-700">
                    {f.field}: before and after
                  </summary>
                  <div className="grid gap-2 p-2 md:grid-cols-2">
                    <div>
                      <p className="mb-1 text-xs font-medium text-slate-500">Before</p>
                      <CodeBlock label={`${name} ${f.field} before`}>
                        {f.before ?? '(absent)'}
                      </CodeBlock>
                    </div>
                    <div>
                      <p className="mb-1 text-xs font-medium text-slate-500">After</p>
                      <CodeBlock label={`${name} ${f.field} after`}>
                        {f.after ?? '(absent)'}
                      </CodeBlock>
                    </div>
                  </div>
                </details>
              ))}
            </div>
          </div>
        </li>
      ))}
      {tools.unchanged > 0 ? (
        <li className="text-slate-500">
          {tools.unchanged} other tool{tools.unchanged === 1 ? '' : 's'} unchanged
        </li>
      ) : null}
    </ul>
  );
}

/** What changed from one run of an endpoint to the next: rows, tools, then check verdicts. */
export function DiffView({ diff }: { diff: RunDiff }) {
  const empty = runDiffIsEmpty(diff);
  return (
    <div className="space-y-4" data-testid="run-diff">
      <p className="text-sm text-slate-600">
        <Link href={`/runs/${diff.to.runId}`} className="font-medium text-sky-700 hover:underline">
          Run of {formatWhen(diff.to.startedAt)}
        </Link>{' '}
        compared with the{' '}
        <Link href={`/runs/${diff.from.runId}`} className="text-sky-700 hover:underline">
          run of {formatWhen(diff.from.startedAt)}
        </Link>
        .
      </p>
      {empty ? (
        <p className="text-sm text-slate-700">No change: the same tools and the same verdicts.</p>
      ) : null}
      {diff.rows.length > 0 ? (
        <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm" aria-label="Rows that changed">
          {diff.rows.map((row) => (
            <li
              key={row.id}
              className="flex items-center gap-2"
              data-testid={`row-change-${row.id}`}
            >
              <span className="font-medium text-slate-900">{areaOf(row.id).name}</span>
              <StatusBadge tone={rowTone(row.before)} size="sm" />
              <span aria-label="became" className="text-slate-500">
                →
              </span>
              <StatusBadge tone={rowTone(row.after)} size="sm" />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-900">Tools</h3>
        {diff.tools ? (
          <ToolChanges tools={diff.tools} />
        ) : (
          <p className="text-sm text-slate-600">
            Not compared: one of the runs did not list its tools completely.
          </p>
        )}
      </div>
      {diff.checks.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">Checks that changed</h3>
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
            {diff.checks.map((change) => (
              <li
                key={change.id}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm"
                data-testid={`check-change-${change.id}`}
              >
                <span className="min-w-0 flex-1">
                  <span className="text-slate-900">{change.title}</span>{' '}
                  <code className="font-mono text-xs text-slate-500">{change.id}</code>
                </span>
                <span className="flex items-center gap-2">
                  <Verdict verdict={change.before} />
                  <span aria-label="became" className="text-slate-500">
                    →
                  </span>
                  <Verdict verdict={change.after} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
