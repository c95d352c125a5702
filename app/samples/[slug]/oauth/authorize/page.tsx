import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ConsentForm } from '@/components/auth/consent-form';
import { beginAuthorization } from '@/lib/samples/auth/authorization-server';
import { authSampleConfig } from '@/lib/samples/auth/samples';

export const metadata: Metadata = { title: 'Sample sign-in', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

/** A sample authorization server's authorization endpoint: checks the request, then asks for consent. */
export default async function AuthorizePage({
  params,
  searchParams,
}: PageProps<'/samples/[slug]/oauth/authorize'>) {
  const { slug } = await params;
  const config = authSampleConfig(slug);
  if (!config) notFound();
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    if (typeof value === 'string') query.set(key, value);
  }
  const started = await beginAuthorization(query, config.authorizationServer);
  if (started.kind === 'redirect') redirect(started.location);
  if (started.kind === 'error') {
    return (
      <div className="mx-auto max-w-lg rounded-xl border border-red-200 bg-white p-6" role="alert">
        <h1 className="text-lg font-semibold text-red-800">
          This authorization request cannot be served
        </h1>
        <p className="mt-2 font-mono text-sm text-slate-800">{started.error}</p>
        <p className="mt-1 text-sm text-slate-700">{started.description}</p>
      </div>
    );
  }
  return (
    <ConsentForm
      slug={slug}
      requestId={started.requestId}
      request={started.request}
      via={started.via}
    />
  );
}
