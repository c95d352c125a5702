import {
  describeAnnotations,
  type ToolHint,
  type ToolHintValue,
} from '@/lib/checks/shared/tool-annotations';

const HINT_LABELS: Record<ToolHint, string> = {
  readOnlyHint: 'Read-only',
  destructiveHint: 'Destructive',
  idempotentHint: 'Idempotent',
  openWorldHint: 'Open world',
};

function valueLabel(value: ToolHintValue): string {
  if (value === 'absent') return 'not set';
  if (value === 'invalid') return 'invalid';
  return value ? 'yes' : 'no';
}

/** The four behaviour hints as the tool sent them, each with what ChatGPT does with it. */
export function ToolAnnotationsView({ tool }: { tool: unknown }) {
  return (
    <dl className="divide-y divide-slate-100 rounded-md border border-slate-200 text-xs">
      {describeAnnotations(tool).map(({ hint, value, effect }) => (
        <div
          key={hint}
          className="flex gap-3 px-2.5 py-1.5"
          data-hint={hint}
          data-value={String(value)}
        >
          <dt className="w-28 shrink-0 text-slate-500">
            {HINT_LABELS[hint]}
            <span className="sr-only">:</span>
          </dt>
          <dd className="min-w-0 break-words text-slate-700">
            <span
              className={`mr-1.5 font-mono font-semibold ${value === 'invalid' ? 'text-red-700' : value === 'absent' ? 'text-slate-500' : 'text-slate-900'}`}
            >
              {valueLabel(value)}
            </span>
            {effect}
          </dd>
        </div>
      ))}
    </dl>
  );
}
