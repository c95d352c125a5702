import { CLIENT_CREDENTIALS, credentialsInQuery } from '@/lib/edges/credentials';
import { defineCheck, pass } from '../define';
import { blockedByHandshake } from '../shared/blocked';
import { apiKeyAsk } from '../shared/credentials';
import { requestLine, statusLine } from '../shared/exchanges';
import { mcpAnswers } from '../shared/handshake';

/**
 * ChatGPT and Claude connect with OAuth or with no authentication: an endpoint that wants an API
 * key (in a header, or pasted into the URL's query) is one they cannot use as intended. Only the
 * parameter's name is ever shown: the recorder removed its value before this check ran.
 */
export default defineCheck({
  id: 'connection.client-credentials',
  area: 'connection',
  severity: 'error',
  title: 'The server asks only for credentials MCP clients can send',
  failureTitle: 'The server wants a credential ChatGPT and Claude cannot send',
  fix: CLIENT_CREDENTIALS.fix,
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization',
  codes: ['api-key', 'query-credential'],
  run(t) {
    const ask = apiKeyAsk(t);
    if (ask) {
      const passed = t.target.hasToken || t.target.headerNames.length > 0;
      return {
        status: 'fail',
        code: 'api-key',
        message: `${requestLine(ask.exchange)} answered ${statusLine(ask.exchange)} asking for an API key ("${ask.evidence.text}"), with no Bearer challenge to start OAuth from${passed ? '; it works with the credentials you passed, which ChatGPT and Claude cannot send' : ''}. ${CLIENT_CREDENTIALS.meaning}`,
        evidence: [ask.exchange.id],
      };
    }
    const names = credentialsInQuery(t.target.url);
    if (names.length > 0) {
      return {
        status: 'fail',
        code: 'query-credential',
        severity: 'warning',
        message: `The URL carries a credential in its query (${names.join(', ')}): a secret every user must paste into their client, kept in its configuration and in the logs of every proxy on the way, instead of the OAuth sign-in ChatGPT and Claude offer.`,
        fix: `Take ${names.join(', ')} out of the URL. ${CLIENT_CREDENTIALS.fix}`,
      };
    }
    if (mcpAnswers(t).length === 0) {
      return blockedByHandshake(t, 'no MCP request got an HTTP answer');
    }
    return pass('no API key asked for, in the URL or in an answer');
  },
});
