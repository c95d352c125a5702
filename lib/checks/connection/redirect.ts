import type { Exchange } from '@/lib/report/schema';
import { defineCheck, pass } from '../define';
import { blockedByHandshake, withoutConnection } from '../shared/blocked';
import { REDIRECT_STATUSES, responseHeader } from '../shared/exchanges';
import { givenAttempts, handshakeVerdict, mcpRequests } from '../shared/handshake';

/** 301, 302 and 303 turn the redirected POST into a GET without its body (RFC 9110 §15.4). */
const METHOD_CHANGING = [301, 302, 303];

function target(exchange: Exchange): string {
  const location = responseHeader(exchange, 'location');
  if (!location) return '(no Location header)';
  try {
    return new URL(location, exchange.request.url).href;
  } catch {
    return location;
  }
}

/** A redirected POST loses its body or method on the way, or is refused by the client outright. */
export default defineCheck({
  id: 'connection.redirect',
  area: 'connection',
  severity: 'error',
  title: 'MCP requests are answered without a redirect',
  failureTitle: 'MCP requests are redirected',
  fix: 'Connect to the final URL (the Location the server redirects to), so no POST is redirected.',
  docs: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4',
  codes: ['method-changing', 'not-followed', 'followed'],
  run(t) {
    if (givenAttempts(t).length === 0) return withoutConnection(t, 'no MCP request was sent');
    const hops = mcpRequests(t).filter(
      (x) =>
        x.request.method === 'POST' && x.response && REDIRECT_STATUSES.includes(x.response.status),
    );
    const first = hops[0];
    if (!first?.response) {
      if (!mcpRequests(t).some((x) => x.response)) {
        return blockedByHandshake(t, 'no MCP request got an HTTP answer');
      }
      return pass('no MCP request was redirected');
    }
    const location = target(first);
    const status = first.response.status;
    const changesMethod = hops.some(
      (x) => x.response && METHOD_CHANGING.includes(x.response.status),
    );
    const verdict = handshakeVerdict(t);
    const stopped = verdict.kind === 'redirect';
    const toHttps = first.request.url.startsWith('http:') && location.startsWith('https:');
    const message = `POST ${first.request.url} was redirected (HTTP ${status}) to ${location}${
      toHttps ? ' (http → https)' : ''
    }${stopped ? '; the client did not follow it, so no session was opened' : ''}.`;
    const evidence = hops.map((x) => x.id);
    const items = hops.map((x) => ({
      subject: `${x.request.method} ${x.request.url}`,
      detail: `HTTP ${x.response?.status} → ${target(x)}`,
      evidence: [x.id],
    }));
    const fix = `Use ${location} as the connector URL; redirects of a POST drop its body or method, and clients refuse most of them.`;
    if (changesMethod)
      return { status: 'fail', code: 'method-changing', message, evidence, items, fix };
    if (stopped) return { status: 'fail', code: 'not-followed', message, evidence, items, fix };
    return { status: 'fail', code: 'followed', severity: 'warning', message, evidence, items, fix };
  },
});
