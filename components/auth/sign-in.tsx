'use client';

import Link from 'next/link';
import { useState } from 'react';
import useSWR from 'swr';
import { z } from 'zod';
import { FlowViewSchema, type FlowView } from '@/lib/oauth-flow/schema';
import { FlowExchanges, FlowSteps } from './flow-steps';

const ErrorSchema = z.object({ error: z.object({ message: z.string() }) });

async function readFlow(url: string): Promise<FlowView> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return FlowViewSchema.parse(await response.json());
}

async function start(
  url: string,
  checkRedirectUri: boolean,
): Promise<{ ok: true; flow: FlowView } | { ok: false; message: string }> {
  try {
    const response = await fetch('/api/oauth/start', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url, checkRedirectUri }),
    });
    const body: unknown = await response.json().catch(() => null);
    const flow = FlowViewSchema.safeParse(body);
    if (response.ok && flow.success) return { ok: true, flow: flow.data };
    const error = ErrorSchema.safeParse(body);
    return {
      ok: false,
      message: error.success
        ? error.data.error.message
        : `Unexpected answer (HTTP ${response.status}).`,
    };
  } catch {
    return { ok: false, message: 'Could not reach MCP Doctor; is the app still running?' };
  }
}

/**
 * Signs in as ChatGPT would: the dashboard registers itself, the user approves in a new tab, the
 * token stays on the server, and the diagnosis re-runs with it. This tab follows along by polling.
 */
export function SignIn({ url }: { url: string }) {
  const [flowId, setFlowId] = useState<string | null>(null);
  const [initial, setInitial] = useState<FlowView | null>(null);
  const [checkRedirectUri, setCheckRedirectUri] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { data } = useSWR(flowId ? `/api/oauth/flows/${flowId}` : null, readFlow, {
    fallbackData: initial ?? undefined,
    refreshInterval: (latest) => (latest && latest.state !== 'awaiting-authorization' ? 0 : 1500),
  });
  const flow = data ?? initial;

  const begin = async () => {
    setBusy(true);
    setProblem(null);
    const started = await start(url, checkRedirectUri);
    setBusy(false);
    if (!started.ok) return setProblem(started.message);
    setInitial(started.flow);
    setFlowId(started.flow.id);
  };

  return (
    <div
      className="space-y-3 rounded-xl border border-sky-200 bg-sky-50/50 p-4"
      data-testid="oauth-sign-in"
    >
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={begin}
          disabled={busy || flow?.state === 'awaiting-authorization'}
          className="rounded-md bg-slate-900 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-slate-700 disabled:opacity-50"
        >
          {busy
            ? 'Preparing the sign-in…'
            : flow
              ? 'Start the sign-in again'
              : 'Sign in as ChatGPT would'}
        </button>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={checkRedirectUri}
            onChange={(e) => setCheckRedirectUri(e.target.checked)}
            className="h-4 w-4 rounded border-slate-300"
          />
          Also check that registration accepts ChatGPT’s redirect URI (registers a test client on
          your server)
        </label>
      </div>
      <p className="text-xs text-slate-600">
        MCP Doctor discovers your authorization server, registers itself as a client, and sends you
        to approve in a new tab with PKCE S256, state and resource. The token it receives stays on
        the MCP Doctor server and is never shown.
      </p>
      {problem ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {problem}
        </p>
      ) : null}
      {flow ? (
        <div className="space-y-3">
          <p role="status" className="text-sm font-medium text-slate-800">
            {flow.state === 'awaiting-authorization'
              ? 'Waiting for you to approve in the other tab…'
              : flow.state === 'done'
                ? 'Signed in.'
                : 'The sign-in stopped; the failed step says why.'}
          </p>
          {flow.authorizationUrl ? (
            <a
              href={flow.authorizationUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex items-center gap-1 rounded-md bg-sky-700 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-sky-600"
            >
              Open the sign-in page ↗
            </a>
          ) : null}
          {flow.rerunId ? (
            <Link
              href={`/runs/${flow.rerunId}`}
              className="inline-flex items-center gap-1 rounded-md bg-emerald-700 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-emerald-600"
            >
              Open the signed-in run →
            </Link>
          ) : null}
          <FlowSteps flow={flow} />
          <FlowExchanges flow={flow} />
        </div>
      ) : null}
    </div>
  );
}
