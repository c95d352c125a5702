import { defineCheck, pass } from '../define';
import {
  attemptItem,
  attemptsOf,
  authApplies,
  documentOf,
  FORM_LABEL,
  guardedAttempts,
  guardedFailure,
  idsOf,
} from './support/auth-data';

/** MCP servers must publish RFC 9728 metadata; clients find the authorization server only through it. */
export default defineCheck({
  id: 'auth.protected-resource',
  area: 'auth',
  severity: 'error',
  title: 'Protected resource metadata is served where clients look',
  failureTitle: 'No usable protected resource metadata',
  fix: 'Serve {"resource": "<your MCP URL>", "authorization_servers": ["<issuer>"]} as JSON at /.well-known/oauth-protected-resource<MCP path>, and name that URL in the 401 challenge.',
  docs: 'https://www.rfc-editor.org/rfc/rfc9728#section-3',
  codes: ['guarded', 'advertised-url-failed', 'invalid-document', 'not-found'],
  run(t) {
    const applies = authApplies(t);
    if ('skipped' in applies) return applies.skipped;
    const attempts = attemptsOf(applies.auth, 'protected-resource');
    const items = attempts.map(attemptItem);
    const evidence = idsOf(attempts);
    const found = attempts.find((a) => a.outcome === 'found');
    if (found && !found.beyondSpec)
      return pass(`Found at ${found.url} (${FORM_LABEL[found.form]})`);
    const [guarded, ...more] = guardedAttempts(t, applies.auth, 'protected-resource');
    if (guarded) return guardedFailure([guarded, ...more], 'protected resource metadata', items);
    if (found) {
      const advertised = attempts.find((a) => a.form === 'advertised');
      return {
        status: 'fail',
        code: 'advertised-url-failed',
        message: `resource_metadata points to ${advertised?.url ?? '?'} (${advertised?.detail ?? 'failed'}), but the document is at ${found.url}; clients request only the advertised URL.`,
        fix: `Point resource_metadata at ${found.url}, or serve the document at the advertised URL.`,
        evidence,
        items,
      };
    }
    const rejected = documentOf(applies.auth, 'protected-resource');
    if (rejected) {
      return {
        status: 'fail',
        code: 'invalid-document',
        message: `The document at ${rejected.url} is rejected by the MCP SDK: ${rejected.problems[0] ?? 'unreadable'}.`,
        evidence,
        items: [
          ...rejected.problems.map((p) => ({
            subject: rejected.url,
            detail: p,
            ...(rejected.exchangeId ? { evidence: [rejected.exchangeId] } : {}),
          })),
          ...items,
        ],
      };
    }
    return {
      status: 'fail',
      code: 'not-found',
      message: `No protected resource metadata at any of the ${attempts.length} URL${attempts.length === 1 ? '' : 's'} tried: ${attempts.map((a) => `${a.url} (${a.status ?? a.outcome})`).join(', ')}.`,
      evidence,
      items,
    };
  },
});
