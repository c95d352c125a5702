import type { PendingAuthorization } from '@/lib/samples/auth/state';

/**
 * The sample authorization server's consent page. The client's name comes from its registration or
 * metadata document, so it is untrusted text (React escapes it); the redirect host is shown plainly,
 * as the MCP spec asks of servers that accept client ID metadata documents.
 */
export function ConsentForm({
  slug,
  requestId,
  request,
  via,
}: {
  slug: string;
  requestId: string;
  request: PendingAuthorization;
  via: 'registration' | 'metadata-document';
}) {
  const redirect = new URL(request.redirectUri);
  return (
    <div
      className="mx-auto max-w-lg rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
      data-testid="consent"
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        Sample authorization server · {slug}
      </p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">
        Allow <span className="break-all">{request.clientName}</span> to use the notes server?
      </h1>
      <dl className="mt-4 grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">It will return to</dt>
        <dd className="break-all font-mono text-xs text-slate-900">{redirect.host}</dd>
        <dt className="text-slate-500">Access</dt>
        <dd className="font-mono text-xs text-slate-900">
          {request.scopes.join(' ') || '(default)'}
        </dd>
        <dt className="text-slate-500">For the resource</dt>
        <dd className="break-all font-mono text-xs text-slate-900">
          {request.resource ?? '(not named)'}
        </dd>
        <dt className="text-slate-500">Client known by</dt>
        <dd className="text-slate-900">
          {via === 'metadata-document' ? 'its client ID metadata document' : 'dynamic registration'}
        </dd>
      </dl>
      <form
        method="post"
        action={`/samples/${encodeURIComponent(slug)}/oauth/decision`}
        className="mt-6 flex gap-3"
      >
        <input type="hidden" name="request" value={requestId} />
        <button
          type="submit"
          name="decision"
          value="approve"
          className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-semibold text-white hover:bg-emerald-600"
        >
          Approve
        </button>
        <button
          type="submit"
          name="decision"
          value="deny"
          className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-50"
        >
          Deny
        </button>
      </form>
      <p className="mt-4 text-xs text-slate-500">
        This page belongs to MCP Doctor’s built-in OAuth sample; no account is needed.
      </p>
    </div>
  );
}
