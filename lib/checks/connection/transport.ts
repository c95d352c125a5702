import { defineCheck, pass } from '../define';
import { withoutSession } from '../shared/blocked';
import { givenAttempts, openingExchanges } from '../shared/handshake';
import { statusLine } from '../shared/exchanges';

/** The HTTP+SSE transport is deprecated since 2025-03-26; clients are dropping it. */
export default defineCheck({
  id: 'connection.transport',
  area: 'connection',
  severity: 'warning',
  title: 'The server speaks Streamable HTTP',
  failureTitle: 'Only the legacy HTTP+SSE transport works',
  fix: 'Move the server to the Streamable HTTP transport (one endpoint, usually /mcp, answering POST); HTTP+SSE is deprecated and clients are dropping it. Keep /sse only for old clients.',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#backwards-compatibility',
  codes: ['legacy-sse'],
  run(t) {
    const attempts = t.mcp?.attempts ?? [];
    const streamable = attempts.find((a) => a.ok && a.transport === 'streamable-http');
    if (streamable) return pass(`${streamable.url} speaks Streamable HTTP`);
    const legacy = attempts.find((a) => a.ok && a.transport === 'sse');
    if (!legacy) return withoutSession(t, 'there is no transport to judge');
    const post = givenAttempts(t).find((a) => a.transport === 'streamable-http');
    const refused = post ? openingExchanges(t, post).at(-1) : undefined;
    const legacyOpening = openingExchanges(t, legacy).at(-1);
    return {
      status: 'fail',
      code: 'legacy-sse',
      message: `Only the legacy HTTP+SSE transport works (${legacy.url})${refused ? `; POST ${refused.request.url} answered ${statusLine(refused)}` : ''}.`,
      evidence: [refused?.id, legacyOpening?.id].filter((id): id is string => !!id),
    };
  },
});
