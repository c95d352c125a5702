import { defineCheck, notApplicable, pass } from '../define';
import { blockedByHandshake } from '../shared/blocked';
import { authApplies } from './support/auth-data';

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
    if (!t.target.hasToken && t.target.headerNames.length === 0)
      return notApplicable('skipped: no token or headers were given');
    // An edge's 403 or an API-key request is not the server's verdict on the token.
    const applies = authApplies(t);
    if ('skipped' in applies) return applies.skipped;
    const verdict = applies.auth.token;
    if (!verdict) {
      const step = t.steps.find((s) => s.id === 'auth');
      return blockedByHandshake(
        t,
        step?.summary.replace(/^skipped: /, '') ?? 'authorization was not probed',
      );
    }
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
