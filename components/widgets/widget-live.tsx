'use client';

import { useState } from 'react';
import { widgetToolSafety } from '@/lib/calls/tool-safety';
import type { WidgetCall, WidgetStandard } from '@/lib/report/schema-widgets';
import { CallForm } from './call-form';
import { WidgetPreview } from './widget-preview';

interface Shown {
  src: string;
  nonce: string;
  call: WidgetCall | null;
}

/**
 * The preview of one widget, and the form that calls its tool and renders the result (after a
 * confirmation when the tool is not annotated read-only).
 */
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
  const safety = widgetToolSafety(toolDescriptor, readOnly);
  return (
    <div className="space-y-3">
      <CallForm
        runId={runId}
        tool={tool}
        toolDescriptor={toolDescriptor}
        safety={safety}
        credentials={credentials}
        lastCall={shown.call}
        onCalled={(call, preview) => setShown({ ...preview, call })}
      />
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
