'use client';

import { useState } from 'react';
import { z } from 'zod';
import type { WidgetCall, WidgetStandard } from '@/lib/report/schema-widgets';
import { CallForm } from './call-form';
import { WidgetPreview } from './widget-preview';

interface Shown {
  src: string;
  nonce: string;
  call: WidgetCall | null;
}

// MCP 2025-11-25 ToolAnnotations: destructiveHint defaults to true when a tool is not read-only.
const DestructiveSchema = z
  .object({ annotations: z.object({ destructiveHint: z.boolean().optional() }).optional() })
  .catch({});
const isDestructive = (descriptor: unknown) =>
  DestructiveSchema.parse(descriptor).annotations?.destructiveHint !== false;

/** The preview of one widget, and for a read-only tool the form that calls it and renders the result. */
export function WidgetLive({
  runId,
  tool,
  toolDescriptor,
  standards,
  readOnly,
  initial,
  credentials,
  policy,
}: {
  runId: string;
  tool: string;
  toolDescriptor: unknown;
  standards: WidgetStandard[];
  readOnly: boolean;
  initial: Shown;
  credentials: { token: boolean; headers: string[] };
  policy: string;
}) {
  const [shown, setShown] = useState<Shown>(initial);
  return (
    <div className="space-y-3">
      {readOnly ? (
        <CallForm
          runId={runId}
          tool={tool}
          toolDescriptor={toolDescriptor}
          credentials={credentials}
          lastCall={shown.call}
          onCalled={(call, preview) => setShown({ ...preview, call })}
        />
      ) : (
        <p className="text-xs text-slate-600" data-testid={`not-called-${tool}`}>
          Not called from here: <span className="font-mono">{tool}</span> is not annotated{' '}
          <span className="font-mono">readOnlyHint: true</span>, so it may change data on your
          server
          {isDestructive(toolDescriptor) ? (
            <>
              {' '}
              and counts as <strong>destructive</strong> (no{' '}
              <span className="font-mono">destructiveHint: false</span>)
            </>
          ) : null}
          . MCP Doctor only calls read-only tools.
        </p>
      )}
      <WidgetPreview
        key={shown.src}
        tool={tool}
        src={shown.src}
        nonce={shown.nonce}
        standards={standards}
        toolDescriptor={toolDescriptor}
        toolInput={shown.call?.arguments ?? {}}
        toolResult={shown.call && shown.call.result !== null ? shown.call.result : null}
        policy={policy}
        caption={
          shown.call
            ? `Rendered with the result of ${shown.call.id}`
            : 'Rendered before any tool call (no tool output)'
        }
      />
    </div>
  );
}
