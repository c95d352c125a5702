import { defineCheck, pass } from '../define';
import { authApplies, documentOf, fieldsOf, SPEC, withoutDocument } from './support/auth-data';

/** MCP 2025-11-25: without `code_challenge_methods_supported` clients MUST refuse to proceed. The SDK proceeds. */
export default defineCheck({
  id: 'auth.pkce',
  area: 'auth',
  severity: 'error',
  title: 'The authorization server advertises PKCE S256',
  failureTitle: 'PKCE S256 is not advertised',
  fix: 'Add "code_challenge_methods_supported": ["S256"] to the authorization server metadata (and enforce PKCE).',
  docs: `${SPEC}#authorization-code-protection`,
  codes: ['absent', 'no-s256'],
  run(t) {
    const applies = authApplies(t);
    if ('skipped' in applies) return applies.skipped;
    const doc = documentOf(applies.auth, 'authorization-server');
    const fields = fieldsOf(doc);
    if (!doc || !fields) return withoutDocument('authorization-server');
    const evidence = doc.exchangeId ? [doc.exchangeId] : [];
    const methods = fields.code_challenge_methods_supported;
    if (methods === undefined) {
      return {
        status: 'fail',
        code: 'absent',
        message: `${doc.url} has no code_challenge_methods_supported: spec-following clients refuse to continue (the MCP SDK goes on anyway).`,
        evidence,
      };
    }
    if (!Array.isArray(methods) || !methods.includes('S256')) {
      return {
        status: 'fail',
        code: 'no-s256',
        message: `code_challenge_methods_supported is ${JSON.stringify(methods).slice(0, 100)}, without S256.`,
        evidence,
      };
    }
    return pass('code_challenge_methods_supported includes S256');
  },
});
