import { blocked, defineCheck, notApplicable, pass } from '../define';
import { APPS_AUTH, authApplies } from './support/auth-data';

/** Active and opt-in: ChatGPT registers its own callback; an allow-list that lacks it breaks sign-in. */
export default defineCheck({
  id: 'auth.redirect-uri',
  area: 'auth',
  severity: 'error',
  title: 'Registration accepts ChatGPT’s redirect URI',
  failureTitle: 'Registration rejects ChatGPT’s redirect URI',
  fix: 'Allow https://chatgpt.com/connector_platform_oauth_redirect at client registration (ChatGPT also uses per-connection https://chatgpt.com/connector/oauth/{id} callbacks for some connections).',
  docs: APPS_AUTH,
  codes: ['rejected', 'registration-failed'],
  run(t) {
    const applies = authApplies(t);
    if ('skipped' in applies) return applies.skipped;
    const probe = applies.auth.redirectUri;
    if (!probe)
      return notApplicable(
        'not checked: opt in to let MCP Doctor register a test client with ChatGPT’s redirect URI',
      );
    if (probe.outcome === 'not-run')
      return blocked(
        'auth.registration',
        `not checked: ${probe.error ?? 'registration was not possible'}`,
      );
    const evidence = probe.exchangeId ? [probe.exchangeId] : [];
    if (probe.outcome === 'accepted') return pass(`Registered a client with ${probe.redirectUri}`);
    const said = [probe.error, probe.errorDescription].filter(Boolean).join(': ');
    return {
      status: 'fail',
      code: probe.outcome === 'rejected' ? 'rejected' : 'registration-failed',
      message: `Registering ${probe.redirectUri} at ${probe.registrationEndpoint ?? '?'} failed${probe.status ? ` with HTTP ${probe.status}` : ''}${said ? ` (${said.slice(0, 200)})` : ''}.`,
      evidence,
    };
  },
});
