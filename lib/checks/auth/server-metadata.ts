import { defineCheck, pass } from '../define';
import {
  attemptItem,
  attemptsOf,
  authApplies,
  documentOf,
  fieldsOf,
  FORM_LABEL,
  guardedAttempts,
  guardedFailure,
  idsOf,
  SPEC,
} from './support/auth-data';

/** Clients must try RFC 8414 and OpenID Connect discovery URLs in the spec's order; no other tool lists them. */
export default defineCheck({
  id: 'auth.server-metadata',
  area: 'auth',
  severity: 'error',
  title: 'Authorization server metadata is found and complete',
  failureTitle: 'No usable authorization server metadata',
  fix: 'Serve RFC 8414 metadata at /.well-known/oauth-authorization-server<issuer path> (or OpenID Connect Discovery), with issuer, authorization_endpoint, token_endpoint and response_types_supported including "code".',
  docs: `${SPEC}#authorization-server-metadata-discovery`,
  codes: ['guarded', 'not-found', 'invalid-document', 'missing-fields', 'no-code-response-type'],
  run(t) {
    const applies = authApplies(t);
    if ('skipped' in applies) return applies.skipped;
    const { auth } = applies;
    const attempts = attemptsOf(auth, 'authorization-server');
    const items = attempts.map(attemptItem);
    const evidence = idsOf(attempts);
    const issuer = auth.authorizationServer?.issuer ?? '?';
    const legacy =
      auth.authorizationServer?.source === 'legacy-origin'
        ? ' (no protected resource metadata named one, so the MCP server’s origin was tried, as 2025-03-26 clients do)'
        : '';
    const doc = documentOf(auth, 'authorization-server');
    const fields = fieldsOf(doc);
    const [guarded, ...more] = guardedAttempts(t, auth, 'authorization-server');
    if (!doc && guarded) {
      return guardedFailure([guarded, ...more], 'authorization server metadata', items);
    }
    if (!doc) {
      return {
        status: 'fail',
        code: 'not-found',
        message: `No metadata for ${issuer}${legacy} at any of ${attempts.length} URLs: ${attempts.map((a) => `${a.url} (${a.status ?? a.outcome})`).join(', ')}.`,
        evidence,
        items,
      };
    }
    const docEvidence = doc.exchangeId ? [doc.exchangeId] : [];
    if (!fields) {
      return {
        status: 'fail',
        code: 'invalid-document',
        message: `The metadata at ${doc.url} is rejected by the MCP SDK: ${doc.problems[0] ?? 'unreadable'}.`,
        evidence: docEvidence,
        items: [
          ...doc.problems.map((p) => ({ subject: doc.url, detail: p, evidence: docEvidence })),
          ...items,
        ],
      };
    }
    const missing = [
      'issuer',
      'authorization_endpoint',
      'token_endpoint',
      'response_types_supported',
    ].filter((k) => fields[k] === undefined);
    if (missing.length) {
      return {
        status: 'fail',
        code: 'missing-fields',
        message: `The metadata at ${doc.url} lacks ${missing.join(', ')}.`,
        evidence: docEvidence,
      };
    }
    const types = fields.response_types_supported;
    if (!Array.isArray(types) || !types.includes('code')) {
      return {
        status: 'fail',
        code: 'no-code-response-type',
        message: `response_types_supported is ${JSON.stringify(types).slice(0, 100)}, without "code": the authorization code flow is not offered.`,
        evidence: docEvidence,
      };
    }
    const found = attempts.find((a) => a.exchangeId === doc.exchangeId);
    return pass(`Found at ${doc.url}${found ? ` (${FORM_LABEL[found.form]})` : ''}${legacy}`);
  },
});
