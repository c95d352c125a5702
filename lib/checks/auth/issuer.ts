import { defineCheck, pass } from '../define';
import { authApplies, documentOf, fieldsOf, withoutDocument } from './support/auth-data';

/** RFC 8414 §3.3: the metadata's issuer must be identical to the one it was requested for. The SDK does not check it. */
export default defineCheck({
  id: 'auth.issuer',
  area: 'auth',
  severity: 'error',
  title: 'The authorization server’s issuer matches',
  failureTitle: 'The authorization server claims another issuer',
  fix: 'Make "issuer" in the authorization server metadata exactly the URL listed in authorization_servers (same scheme, host, path; no trailing slash unless both have it).',
  docs: 'https://www.rfc-editor.org/rfc/rfc8414#section-3.3',
  codes: ['trailing-slash', 'mismatch'],
  run(t) {
    const applies = authApplies(t);
    if ('skipped' in applies) return applies.skipped;
    const { auth } = applies;
    const doc = documentOf(auth, 'authorization-server');
    const fields = fieldsOf(doc);
    if (!doc || !fields || doc.issuer === null) return withoutDocument('authorization-server');
    const evidence = doc.exchangeId ? [doc.exchangeId] : [];
    const claimed = fields.issuer;
    if (typeof claimed !== 'string')
      return withoutDocument('authorization-server', 'the metadata has no issuer');
    const expected = doc.issuer;
    if (claimed === expected) return pass(`issuer ${claimed}`);
    const trim = (s: string) => s.replace(/\/$/, '');
    if (trim(claimed) === trim(expected)) {
      // The legacy fallback builds the origin with a slash; an issuer without one is the same server.
      if (auth.authorizationServer?.source === 'legacy-origin') return pass(`issuer ${claimed}`);
      return {
        status: 'fail',
        code: 'trailing-slash',
        severity: 'warning',
        message: `issuer is ${claimed} but authorization_servers lists ${expected}: they differ only by a trailing slash, which exact comparisons reject.`,
        evidence,
      };
    }
    return {
      status: 'fail',
      code: 'mismatch',
      message: `The metadata found from ${expected} says its issuer is ${claimed} (RFC 8414 §3.3 requires them identical; the MCP SDK does not check it, stricter clients refuse it).`,
      evidence,
    };
  },
});
