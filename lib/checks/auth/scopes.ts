import { defineCheck, pass } from '../define';
import { authApplies, documentOf, fieldsOf, SPEC, withoutDocument } from './support/auth-data';

/** Without `scope` in the challenge, clients request `scopes_supported` (MCP "Scope Selection Strategy"). */
export default defineCheck({
  id: 'auth.scopes',
  area: 'auth',
  severity: 'info',
  title: 'Scopes are published',
  failureTitle: 'No scopes are published',
  fix: 'List the scopes clients should request in "scopes_supported" (protected resource metadata) and name the ones a request needs in the challenge’s scope parameter.',
  docs: `${SPEC}#scope-selection-strategy`,
  codes: ['none'],
  run(t) {
    const applies = authApplies(t);
    if ('skipped' in applies) return applies.skipped;
    const { auth } = applies;
    const resource = documentOf(auth, 'protected-resource');
    const server = documentOf(auth, 'authorization-server');
    const fromResource = fieldsOf(resource)?.scopes_supported;
    const fromServer = fieldsOf(server)?.scopes_supported;
    if (!fieldsOf(resource) && !fieldsOf(server))
      return withoutDocument('protected-resource', 'no metadata was accepted');
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
    if (list(fromResource).length) return pass(`scopes_supported: ${list(fromResource).join(' ')}`);
    if (list(fromServer).length)
      return pass(`scopes_supported (authorization server): ${list(fromServer).join(' ')}`);
    const challenged = auth.challenge?.bearer?.scope;
    return {
      status: 'fail',
      code: 'none',
      message: `Neither document lists scopes_supported${challenged ? ` (the challenge asks for scope="${challenged}")` : ''}; clients then request no scope at all.`,
      evidence: [resource, server].flatMap((d) => (d?.exchangeId ? [d.exchangeId] : [])),
    };
  },
});
