import { z } from 'zod';
import { EvidenceLinks } from '@/components/report/evidence-links';
import { CodeBlock } from '@/components/ui/code-block';
import type { OutputCheck, ToolCall } from '@/lib/report/schema-calls';
import { collapseRepeatedPrefix } from '@/lib/text/repeated-prefix';

/** What is shown of one content block or value: long results scroll, but are not shown whole. */
const SHOWN_CHARS = 20_000;
const shown = (text: string) =>
  text.length > SHOWN_CHARS
    ? `${text.slice(0, SHOWN_CHARS)}\n… ${text.length - SHOWN_CHARS} more characters (see the raw log)`
    : text;
const json = (value: unknown) => shown(JSON.stringify(value, null, 2) ?? 'undefined');

// Loose on purpose: a malformed result is still shown, as JSON.
const ResultSchema = z
  .object({
    content: z.array(z.unknown()).optional().catch(undefined),
    structuredContent: z.unknown().optional(),
    isError: z.unknown().optional(),
  })
  .catch({});
const TextBlockSchema = z.object({ type: z.literal('text'), text: z.string() });
// Only image/* becomes an <img>, and only base64 data: nothing that could close the URL.
const ImageBlockSchema = z.object({
  type: z.literal('image'),
  mimeType: z.string().regex(/^image\/[a-z0-9.+-]{1,50}$/i),
  data: z
    .string()
    .max(2_000_000)
    .regex(/^[A-Za-z0-9+/=\s]*$/),
});

const VERDICT = {
  valid: { label: 'Output valid', tone: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30' },
  invalid: {
    label: 'Output does not match outputSchema',
    tone: 'bg-red-50 text-red-800 ring-red-600/30',
  },
  'missing-structured-content': {
    label: 'structuredContent missing',
    tone: 'bg-red-50 text-red-800 ring-red-600/30',
  },
  'no-output-schema': {
    label: 'No outputSchema',
    tone: 'bg-slate-100 text-slate-700 ring-slate-500/30',
  },
  'not-checked': {
    label: 'Output not checked',
    tone: 'bg-amber-50 text-amber-800 ring-amber-600/30',
  },
} as const;

/** One call's result: status, verdict, content blocks, structuredContent, and its exchanges. */
export function CallResult({ call }: { call: ToolCall }) {
  const result = ResultSchema.parse(call.result);
  const isError = result.isError === true;
  return (
    <section
      aria-label={`Result of ${call.id}`}
      data-testid={`call-result-${call.tool}`}
      data-call={call.id}
      className="min-w-0 space-y-2 rounded-lg border border-slate-200 p-3 text-sm"
    >
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
        <span className="font-mono font-semibold text-slate-800">{call.id}</span>
        <span>{Math.round(call.durationMs)} ms</span>
        {call.confirmed ? <span>· confirmed by you</span> : null}
        <span className="text-slate-500">·</span>
        <EvidenceLinks ids={call.exchangeIds} compact />
      </p>
      {call.error ? (
        <p
          data-testid="call-error"
          className="break-words rounded-md bg-red-50 px-2 py-1.5 text-red-800"
        >
          <strong>The call failed:</strong> {collapseRepeatedPrefix(call.error.message)}
        </p>
      ) : isError ? (
        <p data-testid="call-error" className="rounded-md bg-red-50 px-2 py-1.5 text-red-800">
          <strong>The tool answered isError: true</strong>: it ran, and reports an error (below).
        </p>
      ) : null}
      {call.outputCheck ? <Verdict check={call.outputCheck} /> : null}
      {result.content?.length ? (
        <div className="space-y-1.5">
          <p className="text-xs font-medium text-slate-700">
            content ({result.content.length} block{result.content.length === 1 ? '' : 's'})
          </p>
          {result.content.slice(0, 50).map((block, index) => (
            <ContentBlock key={index} block={block} index={index} />
          ))}
        </div>
      ) : call.result !== null && call.result !== undefined ? (
        <p className="text-xs text-slate-600">No content blocks.</p>
      ) : null}
      {result.structuredContent !== undefined ? (
        <div className="space-y-1">
          <p className="text-xs font-medium text-slate-700">structuredContent</p>
          <CodeBlock label={`structuredContent of ${call.id}`}>
            {json(result.structuredContent)}
          </CodeBlock>
        </div>
      ) : null}
    </section>
  );
}

function Verdict({ check }: { check: OutputCheck }) {
  const { label, tone } = VERDICT[check.verdict];
  return (
    <div data-testid="output-verdict" data-verdict={check.verdict} className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>
          {label}
        </span>
        <span className="min-w-0 break-words text-xs text-slate-700">{check.message}</span>
      </p>
      {check.errors.length ? (
        <ul className="list-inside list-disc space-y-0.5 text-xs text-slate-800">
          {check.errors.map((e, i) => (
            <li key={i} className="break-words">
              <code className="font-mono">{e.instancePath || '(root)'}</code> {e.message}
            </li>
          ))}
          {check.moreErrors ? <li>and {check.moreErrors} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

function ContentBlock({ block, index }: { block: unknown; index: number }) {
  const text = TextBlockSchema.safeParse(block);
  if (text.success)
    return (
      <pre
        tabIndex={0}
        aria-label={`content block ${index + 1}, text`}
        className="max-h-64 overflow-auto whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-slate-50 p-2 font-mono text-xs text-slate-800"
      >
        {shown(text.data.text)}
      </pre>
    );
  const image = ImageBlockSchema.safeParse(block);
  if (image.success)
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a data: URL from the tool's result
      <img
        src={`data:${image.data.mimeType};base64,${image.data.data.replace(/\s/g, '')}`}
        alt={`content block ${index + 1} (${image.data.mimeType})`}
        className="max-h-64 max-w-full rounded-md border border-slate-200"
      />
    );
  return <CodeBlock label={`content block ${index + 1}`}>{json(block)}</CodeBlock>;
}
