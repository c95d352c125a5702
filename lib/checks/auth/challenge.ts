import { defineCheck, pass } from '../define';
import { blockedByHandshake } from '../shared/blocked';
import { authApplies, SPEC } from './support/auth-data';

/** A client learns where to authorize only from the 401's `WWW-Authenticate` (RFC 9728 §5.1). */
export default defineCheck({
  id: 'auth.challenge',
  area: 'auth',
  severity: 'error',
  title: 'The 401 names its protected resource metadata',
  failureTitle: 'The 401 challenge is missing or incomplete',
  fix: 'Answer unauthenticated requests with 401 and WWW-Authenticate: Bearer resource_metadata="https://<host>/.well-known/oauth-protected-resource/<path>", scope="<scopes>".',
  docs: `${SPEC}#protected-resource-metadata-discovery-requirements`,
  codes: [
    'forbidden-without-credentials',
    'no-www-authenticate',
    'not-bearer',
    'no-resource-metadata',
    'invalid-resource-metadata',
    'sdk-misreads-challenge',
  ],
  run(t) {
    const applies = authApplies(t);
    if ('skipped' in applies) return applies.skipped;
    const c = applies.auth.challenge;
    if (!c) return blockedByHandshake(t, 'no 401 or 403 answer was recorded');
    const evidence = c.exchangeId ? [c.exchangeId] : [];
    if (c.status === 403 && !c.withCredentials) {
      return {
        status: 'fail',
        code: 'forbidden-without-credentials',
        message:
          'A request without credentials got 403, not 401: clients start the OAuth flow only on 401.',
        fix: 'Answer requests that carry no token with 401 Unauthorized and a Bearer challenge; keep 403 for tokens that lack a scope (RFC 6750 §3.1).',
        evidence,
      };
    }
    if (c.header === null) {
      return {
        status: 'fail',
        code: 'no-www-authenticate',
        message: `HTTP ${c.status} without a WWW-Authenticate header: a client cannot discover how to authorize.`,
        evidence,
      };
    }
    if (!c.bearer) {
      const schemes = c.challenges.map((ch) => ch.scheme).join(', ') || 'none readable';
      return {
        status: 'fail',
        code: 'not-bearer',
        message: `WWW-Authenticate offers no Bearer challenge (schemes: ${schemes}).`,
        evidence,
      };
    }
    const metadata = c.bearer.resourceMetadata;
    if (metadata === null) {
      return {
        status: 'fail',
        code: 'no-resource-metadata',
        severity: 'warning',
        message: `The Bearer challenge has no resource_metadata (${c.header.slice(0, 160)}); clients must guess the well-known URLs.`,
        evidence,
      };
    }
    if (!URL.canParse(metadata) || !/^https?:$/.test(new URL(metadata).protocol)) {
      return {
        status: 'fail',
        code: 'invalid-resource-metadata',
        message: `resource_metadata="${metadata.slice(0, 200)}" is not an absolute http(s) URL.`,
        evidence,
      };
    }
    if (c.sdk.resourceMetadataUrl !== new URL(metadata).href) {
      return {
        status: 'fail',
        code: 'sdk-misreads-challenge',
        message: `The MCP SDK reads resource_metadata as ${c.sdk.resourceMetadataUrl ?? 'absent'} from this header, not ${metadata}.`,
        fix: 'Send the Bearer challenge first, on its own header line, with resource_metadata as a quoted URL.',
        evidence,
      };
    }
    return pass(
      `HTTP ${c.status} with Bearer resource_metadata="${metadata}"${c.bearer.scope ? ` and scope="${c.bearer.scope}"` : ''}`,
    );
  },
});
