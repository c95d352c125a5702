import type { Challenge } from '@/lib/report/schema-auth';
import { EvidenceLinks } from '@/components/report/evidence-links';
import type { ExchangeLabels } from '@/components/report/exchange-labels';

/** The 401/403 and its `WWW-Authenticate`, raw and parsed, with what the SDK reads from it. */
export function ChallengeView({
  challenge,
  labels,
}: {
  challenge: Challenge;
  labels: ExchangeLabels;
}) {
  const bearer = challenge.bearer;
  const rows: [string, string | null][] = [
    ['scheme', challenge.challenges.map((c) => c.scheme).join(', ') || null],
    ['resource_metadata', bearer?.resourceMetadata ?? null],
    ['scope', bearer?.scope ?? null],
    ['error', bearer?.error ?? null],
    ['error_description', bearer?.errorDescription ?? null],
  ];
  const sdkDiffers =
    bearer?.resourceMetadata && challenge.sdk.resourceMetadataUrl !== bearer.resourceMetadata;
  return (
    <div className="space-y-3" data-testid="auth-challenge">
      <p className="text-sm text-slate-700">
        <span className="font-mono font-semibold">HTTP {challenge.status}</span> to{' '}
        {challenge.withCredentials
          ? 'the request carrying your token or headers'
          : 'a request without credentials'}
        .{' '}
        <EvidenceLinks
          ids={challenge.exchangeId ? [challenge.exchangeId] : []}
          labels={labels}
          compact
        />
      </p>
      {challenge.header === null ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          No WWW-Authenticate header: a client cannot learn how to authorize.
        </p>
      ) : (
        <pre
          aria-label="WWW-Authenticate"
          className="whitespace-pre-wrap break-all rounded-md border border-code-border bg-code p-3 font-mono text-xs leading-relaxed text-code-text"
        >
          <code>{`WWW-Authenticate: ${challenge.header}`}</code>
        </pre>
      )}
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
        {rows.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="font-mono text-xs text-slate-500 sm:pt-0.5">{name}</dt>
            <dd
              className={`break-all ${value === null ? 'text-slate-500' : 'font-mono text-xs text-slate-900 sm:pt-0.5'}`}
            >
              {value ?? 'absent'}
            </dd>
          </div>
        ))}
        {sdkDiffers ? (
          <div className="contents">
            <dt className="font-mono text-xs text-amber-800 sm:pt-0.5">the MCP SDK reads</dt>
            <dd className="break-all font-mono text-xs text-amber-900 sm:pt-0.5">
              {challenge.sdk.resourceMetadataUrl ?? 'no resource_metadata'}
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
