import { defineCheck, notApplicable, pass } from '../define';
import { listLabels } from '../shared/tool-entries';
import { mediaType, responseHeader } from '../shared/exchanges';
import { mcpRequests } from '../shared/handshake';

/**
 * Reverse proxies (nginx and its descendants) buffer responses by default, so an SSE stream's
 * events reach the client all at once, at the end: progress never shows and slow calls look hung.
 * Servers SHOULD send `X-Accel-Buffering: no` on event streams (MCP 2026-07-28 Streamable HTTP,
 * "Receiving Messages").
 */
export default defineCheck({
  id: 'connection.sse-buffering',
  area: 'connection',
  severity: 'info',
  title: 'Event streams ask proxies not to buffer them',
  failureTitle: 'Event streams do not ask proxies not to buffer them',
  fix: 'Send X-Accel-Buffering: no on every text/event-stream response (and turn off buffering for the MCP path in your proxy), so events reach clients as they are sent.',
  docs: 'https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#receiving-messages',
  codes: ['no-buffering-header'],
  run(t) {
    const streams = mcpRequests(t).filter(
      (x) => x.request.method === 'POST' && mediaType(x) === 'text/event-stream',
    );
    if (streams.length === 0) {
      return notApplicable('skipped: the server answered no request with an event stream');
    }
    const buffered = streams.filter(
      (x) => responseHeader(x, 'x-accel-buffering')?.trim().toLowerCase() !== 'no',
    );
    if (buffered.length === 0) {
      return pass(`${streams.length} event streams carry X-Accel-Buffering: no`);
    }
    const methods = buffered.map((x) => x.rpc?.method ?? x.request.url);
    return {
      status: 'fail',
      code: 'no-buffering-header',
      message: `${buffered.length} of ${streams.length} event streams (${listLabels(methods)}) lack X-Accel-Buffering: no.`,
      evidence: buffered.map((x) => x.id),
    };
  },
});
