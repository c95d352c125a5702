import { defineCheck, notApplicable, pass } from '../define';
import { blockedByHandshake } from '../shared/blocked';
import { NO_AUTH_REQUIRED } from '@/lib/report/schema-auth';

/** RFC 6750 §3: what the server said about the token the user gave. */
export default defineCheck({
  id: 'auth.token',
  area: 'auth',
  severity: 'error',
  title: 'The given token is accepted',
  failureTitle: 'The given token is rejected',
  fix: 'Get a fresh token for this server (the Auth panel can sign in as ChatGPT would) with the scopes the challenge names.',
  docs: 'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
  codes: ['insufficient-scope', 'forbidden', 'invalid-token'],
  run(t) {
    const step = t.steps.find((s) => s.id === 'auth');
    const verdict = t.auth?.token;
    if (!t.target.hasToken && t.target.headerNames.length === 0)
      return notApplicable('skipped: no token or headers were given');
    if (!t.auth || !verdict) {
      return blockedByHandshake(
        t,
        step?.summary.replace(/^skipped: /, '') ?? 'authorization was not probed',
      );
    }
    if (!t.auth.required) return notApplicable(step?.summary ?? NO_AUTH_REQUIRED);
    const evidence = verdict.exchangeId ? [verdict.exchangeId] : [];
    if (verdict.accepted)
      return pass(`The server accepted the token (HTTP ${verdict.status ?? 200})`);
    const said = [
      verdict.error && `error="${verdict.error}"`,
      verdict.errorDescription && `"${verdict.errorDescription}"`,
    ]
      .filter(Boolean)
      .join(' — ');
    if (verdict.status === 403 && verdict.error === 'insufficient_scope') {
      return {
        status: 'fail',
        code: 'insufficient-scope',
        message: `403: the token lacks a scope${verdict.scope ? ` (needs "${verdict.scope}")` : ''}${said ? `: ${said}` : ''}.`,
        fix: `Request a token with the scopes the server names${verdict.scope ? ` ("${verdict.scope}")` : ''}.`,
        evidence,
      };
    }
    if (verdict.status === 403) {
      return {
        status: 'fail',
        code: 'forbidden',
        message: `403 with the token${said ? `: ${said}` : ''}.`,
        evidence,
      };
    }
    return {
      status: 'fail',
      code: 'invalid-token',
      message: `${verdict.status ?? 401}: the server rejected the token${said ? `: ${said}` : ' without saying why (no error in WWW-Authenticate)'}.`,
      evidence,
    };
  },
});
