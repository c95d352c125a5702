import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FlowExchanges, FlowSteps } from '@/components/auth/flow-steps';
import { HashOpener } from '@/components/run/hash-opener';
import { flowView } from '@/lib/oauth-flow/flow';
import { FlowIdSchema } from '@/lib/oauth-flow/schema';

export const metadata: Metadata = { title: 'Sign-in', referrer: 'no-referrer' };

/** Where the sign-in tab lands after the callback: the outcome, and the way to the signed-in run. */
export default async function FlowPage({ params }: PageProps<'/oauth/flows/[id]'>) {
  const { id } = await params;
  const flow = FlowIdSchema.safeParse(id).success ? flowView(id) : undefined;
  if (!flow) notFound();
  return (
    <div className="space-y-6">
      <HashOpener />
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">
          {flow.state === 'done'
            ? 'Signed in'
            : flow.state === 'failed'
              ? 'The sign-in failed'
              : 'Signing in…'}
        </h1>
        <p className="break-all font-mono text-sm text-slate-600">{flow.url}</p>
        <p role="status" className="text-sm text-slate-700">
          {flow.state === 'done'
            ? 'The token stayed on the MCP Doctor server; the diagnosis is running again with it. You can close this tab.'
            : flow.state === 'failed'
              ? 'The failed step below says where and why.'
              : 'Waiting for the authorization server.'}
        </p>
        {flow.rerunId ? (
          <Link
            href={`/runs/${flow.rerunId}`}
            className="inline-flex rounded-md bg-emerald-700 px-3 py-2 text-sm font-semibold text-white hover:bg-emerald-600"
          >
            Open the signed-in run →
          </Link>
        ) : null}
      </header>
      <FlowSteps flow={flow} />
      <FlowExchanges flow={flow} />
    </div>
  );
}
