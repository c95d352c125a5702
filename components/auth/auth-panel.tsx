import type { ReactNode } from 'react';
import type { Report } from '@/lib/report/schema';
import type { AuthProbe } from '@/lib/report/schema-auth';
import { EvidenceLinks } from '@/components/report/evidence-links';
import { exchangeLabels, type ExchangeLabels } from '@/components/report/exchange-labels';
import { Section } from '@/components/ui/section';
import { StatusBadge } from '@/components/ui/status-badge';
import { ChallengeView } from './challenge-view';
import { CheckVerdicts } from './check-verdicts';
import { DiscoveryTimeline } from './discovery-timeline';
import { MetadataDocument } from './metadata-document';
import { RedirectUriRecheck } from './redirect-uri-recheck';
import { SignIn } from './sign-in';

/** The OAuth challenge, the discovery timeline, the documents found, and signing in as ChatGPT would. */
export function AuthPanel({ report }: { report: Report }) {
  const auth = report.auth;
  const step = report.steps.find((s) => s.id === 'auth');
  const labels = exchangeLabels(report.exchanges);
  return (
    <Section
      id="auth"
      title="Authorization"
      aside={
        auth?.required
          ? `${auth.discovery.filter((a) => a.outcome !== 'not-tried').length} metadata URLs requested`
          : null
      }
    >
      {!auth || !auth.required ? (
        <div className="space-y-3" data-testid="auth-panel">
          <p className="text-sm text-slate-700">
            {auth
              ? `No authentication required: the server answered initialize ${auth.token ? 'even without your token or headers' : 'without credentials'}, so there is nothing for ChatGPT to sign in to.`
              : sentence(step?.summary ?? 'Authorization was not probed.')}
          </p>
          {auth?.token ? <TokenVerdictView auth={auth} labels={labels} /> : null}
        </div>
      ) : (
        <div className="space-y-8" data-testid="auth-panel">
          <Part title="1. The challenge">
            <CheckVerdicts checks={report.checks} ids={['auth.challenge']} />
            {auth.challenge ? <ChallengeView challenge={auth.challenge} labels={labels} /> : null}
          </Part>
          <Part title="2. Discovery: every URL tried, in a client’s order">
            <CheckVerdicts
              checks={report.checks}
              ids={[
                'auth.protected-resource',
                'auth.authorization-servers',
                'auth.server-metadata',
              ]}
            />
            <DiscoveryTimeline attempts={auth.discovery} labels={labels} />
            {auth.authorizationServer?.source === 'legacy-origin' ? (
              <p className="mt-2 text-xs text-slate-600">
                No protected resource metadata named an authorization server, so the MCP server’s
                origin was tried, as clients of the 2025-03-26 spec do.
              </p>
            ) : null}
          </Part>
          <Part title="3. Documents found">
            <CheckVerdicts
              checks={report.checks}
              ids={[
                'auth.resource-match',
                'auth.issuer',
                'auth.pkce',
                'auth.registration',
                'auth.endpoints',
                'auth.scopes',
                'auth.iss-parameter',
              ]}
            />
            {auth.documents.length === 0 ? (
              <p className="text-sm text-slate-600">No metadata document was found.</p>
            ) : (
              <div className="space-y-4">
                {auth.documents.map((doc) => (
                  <MetadataDocument
                    key={`${doc.kind}-${doc.url}`}
                    doc={doc}
                    checks={report.checks}
                    labels={labels}
                  />
                ))}
              </div>
            )}
          </Part>
          {auth.token ? (
            <Part title="Your token">
              <CheckVerdicts checks={report.checks} ids={['auth.token']} />
              <TokenVerdictView auth={auth} labels={labels} />
            </Part>
          ) : null}
          <Part id="sign-in" title="4. Sign in as ChatGPT would">
            <SignIn url={report.url} />
            {auth.redirectUri ? null : <RedirectUriRecheck url={report.url} />}
          </Part>
        </div>
      )}
    </Section>
  );
}

/** A step summary ("skipped: …") as a sentence. */
const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

function Part({ id, title, children }: { id?: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="scroll-mt-20">
      <h3 className="mb-3 text-base font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}

function TokenVerdictView({ auth, labels }: { auth: AuthProbe; labels: ExchangeLabels }) {
  const token = auth.token;
  if (!token) return null;
  const said = [
    token.error && `error="${token.error}"`,
    token.errorDescription && `error_description="${token.errorDescription}"`,
    token.scope && `scope="${token.scope}"`,
  ].filter(Boolean);
  return (
    <p
      className="flex flex-wrap items-center gap-2 text-sm text-slate-700"
      data-testid="auth-token"
    >
      <StatusBadge
        tone={token.accepted ? 'pass' : 'fail'}
        label={token.accepted ? 'Accepted' : 'Rejected'}
        size="sm"
      />
      {token.accepted
        ? `The server accepted the token you gave (HTTP ${token.status ?? 200}).`
        : `HTTP ${token.status ?? '?'} with your token${said.length ? `: ${said.join(', ')}` : ', without saying why'}.`}
      <EvidenceLinks ids={token.exchangeId ? [token.exchangeId] : []} labels={labels} compact />
    </p>
  );
}
