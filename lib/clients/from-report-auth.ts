import type { ReportWithoutClients as Report } from '@/lib/report/schema';
import { knownFact, unknownFact, type AuthEndpoint, type ClientFacts } from './facts';
import { acceptedDocument, CHECK, checkPassed, idsOf, urlParts } from './report-reading';

const strings = (v: unknown): string[] | null =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : null;

/** RFC 8414 §2: without `token_endpoint_auth_methods_supported` the default is client_secret_basic. */
const DEFAULT_TOKEN_AUTH = ['client_secret_basic'];

/** The URLs a hosted client's backend calls during sign-in (the browser only visits /authorize). */
function endpoints(report: Report): AuthEndpoint[] {
  const prm = acceptedDocument(report, 'protected-resource');
  const asm = acceptedDocument(report, 'authorization-server');
  const urls: [AuthEndpoint['role'], unknown][] = [
    ['protected-resource-metadata', prm?.doc.url],
    ['authorization-server-metadata', asm?.doc.url],
    ['token', asm?.fields.token_endpoint],
    ['registration', asm?.fields.registration_endpoint],
  ];
  return urls.flatMap(([role, url]) => {
    const parts = typeof url === 'string' ? urlParts(url) : null;
    return parts && typeof url === 'string' ? [{ role, url, ...parts }] : [];
  });
}

/** Authorization facts: the checks decide discovery and PKCE; the accepted documents give the rest. */
export function authFacts(report: Report): ClientFacts['auth'] {
  const auth = report.auth;
  const none: ClientFacts['auth'] = {
    required: unknownFact(),
    protectedResource: unknownFact(),
    authorizationServer: unknownFact(),
    endpoints: unknownFact(),
    pkceS256: unknownFact(),
    registration: unknownFact(),
    tokenEndpointAuthMethods: unknownFact(),
    scopes: unknownFact(),
    chatgptRedirect: unknownFact(),
  };
  if (!auth) return none;
  const challengeIds = idsOf(auth.challenge?.exchangeId);
  const required = knownFact(auth.required, { check: CHECK.challenge, exchanges: challengeIds });
  if (!auth.required) return { ...none, required };

  const prm = acceptedDocument(report, 'protected-resource');
  const asm = acceptedDocument(report, 'authorization-server');
  const asmIds = idsOf(asm?.doc.exchangeId);
  const decided = (check: string, exchanges: string[]) => {
    const value = checkPassed(report, check);
    return value === null
      ? unknownFact<boolean>({ check })
      : knownFact(value, { check, exchanges });
  };
  const methods = strings(asm?.fields.token_endpoint_auth_methods_supported);
  const redirect = auth.redirectUri;
  return {
    required,
    protectedResource: decided(CHECK.protectedResource, idsOf(prm?.doc.exchangeId)),
    authorizationServer: decided(CHECK.serverMetadata, asmIds),
    endpoints:
      asm || prm
        ? knownFact(endpoints(report), { exchanges: idsOf(prm?.doc.exchangeId, ...asmIds) })
        : none.endpoints,
    pkceS256: decided(CHECK.pkce, asmIds),
    registration: asm
      ? knownFact(
          {
            dcr: typeof asm.fields.registration_endpoint === 'string',
            cimd: asm.fields.client_id_metadata_document_supported === true,
          },
          { check: CHECK.registration, exchanges: asmIds },
        )
      : none.registration,
    tokenEndpointAuthMethods: asm
      ? knownFact(
          { methods: methods ?? DEFAULT_TOKEN_AUTH, declared: methods !== null },
          { exchanges: asmIds },
        )
      : none.tokenEndpointAuthMethods,
    scopes: knownFact(
      {
        challenge: Boolean(auth.challenge?.bearer?.scope),
        protectedResource: strings(prm?.fields.scopes_supported)?.length ?? null,
        authorizationServer: strings(asm?.fields.scopes_supported)?.length ?? null,
      },
      { exchanges: idsOf(auth.challenge?.exchangeId, prm?.doc.exchangeId, asm?.doc.exchangeId) },
    ),
    chatgptRedirect:
      redirect && (redirect.outcome === 'accepted' || redirect.outcome === 'rejected')
        ? knownFact(redirect.outcome, {
            check: CHECK.redirectUri,
            exchanges: idsOf(redirect.exchangeId),
          })
        : none.chatgptRedirect,
  };
}
