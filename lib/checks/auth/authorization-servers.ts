import { defineCheck, pass } from '../define';
import { authApplies, documentOf, fieldsOf, SPEC, withoutDocument } from './support/auth-data';

/** The spec requires at least one entry; clients use the first (RFC 9728 §7.6). */
export default defineCheck({
  id: 'auth.authorization-servers',
  area: 'auth',
  severity: 'error',
  title: 'The metadata names an authorization server',
  failureTitle: 'The metadata names no authorization server',
  fix: 'List your authorization server’s issuer URL in "authorization_servers" in the protected resource metadata.',
  docs: `${SPEC}#authorization-server-location`,
  codes: ['missing', 'empty'],
  run(t) {
    const applies = authApplies(t);
    if ('skipped' in applies) return applies.skipped;
    const doc = documentOf(applies.auth, 'protected-resource');
    const fields = fieldsOf(doc);
    if (!doc || !fields) return withoutDocument('protected-resource');
    const evidence = doc.exchangeId ? [doc.exchangeId] : [];
    const servers = fields.authorization_servers;
    if (servers === undefined)
      return {
        status: 'fail',
        code: 'missing',
        message: `${doc.url} has no authorization_servers.`,
        evidence,
      };
    if (!Array.isArray(servers) || servers.length === 0) {
      return {
        status: 'fail',
        code: 'empty',
        message: `authorization_servers in ${doc.url} is empty.`,
        evidence,
      };
    }
    const first = String(servers[0]);
    return pass(
      servers.length === 1
        ? `authorization_servers: ${first}`
        : `${servers.length} authorization servers; clients use the first, ${first}`,
    );
  },
});
