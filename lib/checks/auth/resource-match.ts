import { checkResourceAllowed } from '@modelcontextprotocol/sdk/shared/auth-utils.js';
import { defineCheck, pass } from '../define';
import { authApplies, documentOf, fieldsOf, withoutDocument } from './support/auth-data';

/** A client refuses metadata that describes another resource (RFC 9728 §3.3; the SDK's `checkResourceAllowed`). */
export default defineCheck({
  id: 'auth.resource-match',
  area: 'auth',
  severity: 'error',
  title: 'The metadata’s resource is this MCP server',
  failureTitle: 'The metadata describes another resource',
  fix: 'Set "resource" in the protected resource metadata to the exact URL clients connect to (scheme, host, port and path, no trailing slash).',
  docs: 'https://www.rfc-editor.org/rfc/rfc9728#section-3.3',
  codes: ['other-origin', 'trailing-slash', 'not-a-prefix', 'prefix-only'],
  run(t) {
    const applies = authApplies(t);
    if ('skipped' in applies) return applies.skipped;
    const doc = documentOf(applies.auth, 'protected-resource');
    const fields = fieldsOf(doc);
    if (!doc || !fields) return withoutDocument('protected-resource');
    const evidence = doc.exchangeId ? [doc.exchangeId] : [];
    const resource = fields.resource;
    if (typeof resource !== 'string' || !URL.canParse(resource))
      return withoutDocument('protected-resource', 'the metadata has no resource URL');
    const mcp = new URL(t.target.url);
    const declared = new URL(resource);
    if (declared.origin !== mcp.origin) {
      return {
        status: 'fail',
        code: 'other-origin',
        message: `resource is ${resource}, another origin than the MCP URL ${mcp.href}.`,
        evidence,
      };
    }
    const trim = (u: URL) => `${u.origin}${u.pathname.replace(/\/$/, '')}${u.search}`;
    if (!checkResourceAllowed({ requestedResource: mcp, configuredResource: declared })) {
      if (trim(declared) === trim(mcp)) {
        return {
          status: 'fail',
          code: 'trailing-slash',
          message: `resource ${resource} ends in a slash that the MCP URL ${mcp.href} does not have; the MCP SDK refuses it.`,
          evidence,
        };
      }
      return {
        status: 'fail',
        code: 'not-a-prefix',
        message: `resource ${resource} does not cover the MCP URL’s path ${mcp.pathname}; clients refuse it.`,
        evidence,
      };
    }
    if (trim(declared) !== trim(mcp)) {
      return {
        status: 'fail',
        code: 'prefix-only',
        severity: 'warning',
        message: `resource ${resource} is a prefix of the MCP URL ${mcp.href}, not the URL itself; tokens will be requested for ${resource}.`,
        evidence,
      };
    }
    return pass(`resource ${resource} matches the MCP URL`);
  },
});
