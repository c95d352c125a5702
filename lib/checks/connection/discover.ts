import { specTypeSchemas } from '@modelcontextprotocol/client';
import { isRecord } from '@/lib/json/is-record';
import { defineCheck, pass } from '../define';
import { modernLegOf } from '../shared/blocked';

const SERVER_INFO = 'io.modelcontextprotocol/serverInfo';

/**
 * Every 2026-07-28 server MUST implement `server/discover`; its result names the versions the server
 * supports, its capabilities and (SHOULD) its identity (MCP 2026-07-28 server/discover). Clients use
 * it to pick a version and to show what they connected to.
 */
export default defineCheck({
  id: 'connection.discover',
  area: 'connection',
  severity: 'error',
  title: 'server/discover answers with versions, capabilities and identity',
  failureTitle: 'server/discover does not answer as 2026-07-28 requires',
  fix: 'Answer server/discover with { resultType: "complete", supportedVersions: ["2026-07-28"], capabilities: { tools: {} }, _meta: { "io.modelcontextprotocol/serverInfo": { name, version } } } — the TypeScript SDK v2’s McpServer does this for you.',
  docs: 'https://modelcontextprotocol.io/specification/2026-07-28/server/discover',
  codes: ['invalid-result', 'no-server-info'],
  run(t) {
    const found = modernLegOf(t);
    if ('outcome' in found) return found.outcome;
    const { discover, discoverExchangeId } = found.leg;
    const evidence = discoverExchangeId ? [discoverExchangeId] : [];
    // The SDK's own DiscoverResult schema, as a Standard Schema: what a v2 client accepts.
    const checked = specTypeSchemas.DiscoverResult['~standard'].validate(discover);
    if (checked instanceof Promise) throw new Error('the SDK schema is expected to be synchronous');
    if (checked.issues) {
      const items = checked.issues.slice(0, 10).map((issue) => ({
        subject:
          (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.') ||
          '(result)',
        detail: issue.message,
        evidence,
      }));
      return {
        status: 'fail',
        code: 'invalid-result',
        message: `The server/discover result is not valid: ${items
          .slice(0, 3)
          .map((i) => `${i.subject}: ${i.detail}`)
          .join('; ')}.`,
        evidence,
        items,
      };
    }
    const meta = isRecord(discover) ? discover._meta : undefined;
    const identity = isRecord(meta) ? meta[SERVER_INFO] : undefined;
    if (!isRecord(identity) || typeof identity.name !== 'string') {
      return {
        status: 'fail',
        code: 'no-server-info',
        severity: 'warning',
        message: `server/discover names no server: _meta["${SERVER_INFO}"] is missing, so clients cannot show what they connected to.`,
        evidence,
      };
    }
    const versions =
      isRecord(discover) && Array.isArray(discover.supportedVersions)
        ? discover.supportedVersions.join(', ')
        : '';
    return pass(
      `server/discover answered: ${String(identity.name).slice(0, 60)}, versions ${versions}`,
    );
  },
});
