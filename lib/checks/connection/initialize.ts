import { ProbeErrorCode } from '@/lib/report/schema-base';
import { plural } from '@/lib/text/plural';
import {
  InitializeResultSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '@modelcontextprotocol/sdk/types.js';
import { findReply, responseMessages } from '@/lib/report/jsonrpc';
import type { Exchange, HandshakeAttempt, Transcript } from '@/lib/report/schema';
import { blocked, defineCheck, type Outcome, pass } from '../define';
import { VERIFY, blockedByHandshake, withoutConnection } from '../shared/blocked';
import { excerpt, exchangesById, isSuccess, requestLine, statusLine } from '../shared/exchanges';
import { handshakeVerdict, initializeRequest, networkErrorOwner } from '../shared/handshake';
import { sessionFailures } from '../shared/session';

/** Why a body that arrived holds no reply: too big, not JSON, or JSON without our id. */
function missingReply(answer: Exchange, request: Exchange): Outcome {
  const body = answer.response?.body;
  const evidence = [answer.id];
  if (answer.error?.code === ProbeErrorCode.BodyTooLarge || body?.truncated) {
    return {
      status: 'fail',
      code: 'body-too-large',
      message: `The answer to initialize is too large (${body?.bytes ?? '?'} bytes read) to hold a usable reply.`,
      evidence,
    };
  }
  if (!body?.text) {
    return {
      status: 'fail',
      code: 'empty',
      message: `${requestLine(answer)} answered ${statusLine(answer)} with an empty body.`,
      evidence,
    };
  }
  if (!body.events) {
    try {
      JSON.parse(body.text);
    } catch (error) {
      return {
        status: 'fail',
        code: 'not-json',
        message: `The answer to initialize is not JSON (${error instanceof Error ? error.message : String(error)}): "${excerpt(body.text, 80)}".`,
        evidence,
      };
    }
  }
  const seen = responseMessages(answer).length;
  return {
    status: 'fail',
    code: 'no-reply',
    message: `The answer holds ${plural(seen, 'JSON-RPC message')} but no reply to initialize (id ${JSON.stringify(request.rpc?.id)}): "${excerpt(body.text, 80)}".`,
    evidence,
  };
}

/** The first exchange of the attempt that went wrong after initialize was answered. */
function laterFailure(t: Transcript, attempt: HandshakeAttempt, after: Exchange): Exchange | null {
  const exchanges = exchangesById(t, attempt.exchangeIds);
  return (
    exchanges
      .slice(exchanges.indexOf(after) + 1)
      .find((x) => x.error || (x.response && !isSuccess(x.response.status))) ?? null
  );
}

/** Without a valid InitializeResult no client goes any further: no tools, no widgets. */
export default defineCheck({
  id: 'connection.initialize',
  area: 'connection',
  severity: 'error',
  title: 'The server answers initialize with a valid InitializeResult',
  failureTitle: 'The server does not complete initialize',
  fix: 'Answer initialize with a JSON-RPC result holding protocolVersion, capabilities and serverInfo (an MCP SDK server does this for you); read the error shown for what went wrong.',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#initialization',
  codes: [
    'no-answer',
    'no-endpoint',
    'jsonrpc-error',
    'invalid-result',
    'handshake-failed',
    'body-too-large',
    'empty',
    'not-json',
    'no-reply',
  ],
  run(t): Outcome {
    const verdict = handshakeVerdict(t);
    if (verdict.kind === 'not-attempted') return withoutConnection(t, 'no MCP request was sent');
    if (verdict.kind === 'no-answer') {
      const error = verdict.exchange?.error ?? verdict.attempt.error;
      const owner = error ? networkErrorOwner(error.code) : null;
      if (owner)
        return blocked(
          owner,
          `skipped: the initialize request got no HTTP answer (see ${owner})`,
          VERIFY.connection,
        );
      return {
        status: 'fail',
        code: 'no-answer',
        message: `The initialize request failed before any answer: ${error?.message ?? 'no exchange was recorded'}.`,
        evidence: verdict.exchange ? [verdict.exchange.id] : [],
      };
    }
    if (verdict.kind !== 'answered') {
      return blockedByHandshake(t, `the answer is ${statusLine(verdict.exchange)}`);
    }

    const { attempt } = verdict;
    const request = initializeRequest(t, attempt);
    if (!request) {
      // Legacy SSE: the stream opened but never announced the endpoint to POST to.
      if (attempt.error?.code === ProbeErrorCode.Timeout)
        return blocked(
          'connection.latency',
          'skipped: the stream sent no endpoint event in time (see connection.latency)',
          VERIFY.time,
        );
      return {
        status: 'fail',
        code: 'no-endpoint',
        message: `The legacy SSE stream at ${attempt.url} never sent its endpoint event: ${attempt.error?.message ?? 'no initialize was sent'}.`,
        evidence: [verdict.exchange.id],
      };
    }
    const reply = findReply(t.exchanges, request);
    if (reply?.error) {
      const { code, message } = reply.error;
      return {
        status: 'fail',
        code: 'jsonrpc-error',
        message: `initialize returned JSON-RPC error ${String(code)}: ${excerpt(String(message), 200)}.`,
        evidence: [reply.exchangeId],
      };
    }
    // The probe's pick of the raw result (from this attempt), else the reply found in the bodies.
    const raw = t.mcp?.initializeResult ?? (reply && 'result' in reply ? reply.result : undefined);
    if (raw === undefined) {
      if (attempt.error?.code === ProbeErrorCode.Timeout)
        return blocked(
          'connection.latency',
          'skipped: no reply to initialize in time (see connection.latency)',
          VERIFY.time,
        );
      return missingReply(attempt.transport === 'sse' ? verdict.exchange : request, request);
    }
    const replyId = t.mcp?.initializeExchangeId ?? reply?.exchangeId ?? request.id;

    const parsed = InitializeResultSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        subject: i.path.join('.') || '(result)',
        detail: i.message,
        evidence: [replyId],
      }));
      return {
        status: 'fail',
        code: 'invalid-result',
        message: `The InitializeResult is not valid: ${issues
          .slice(0, 3)
          .map((i) => `${i.subject}: ${i.detail}`)
          .join('; ')}${issues.length > 3 ? ` (+${issues.length - 3} more)` : ''}.`,
        evidence: [replyId],
        items: issues,
      };
    }
    const { serverInfo, protocolVersion } = parsed.data;
    const summary = `${excerpt(serverInfo.name, 60)} ${excerpt(serverInfo.version, 20)} answered initialize (protocol ${excerpt(protocolVersion, 20)})`;
    if (attempt.ok) return pass(summary);

    // The result was valid, yet the handshake failed after it; some failures have their own check.
    if (!SUPPORTED_PROTOCOL_VERSIONS.includes(protocolVersion))
      return blocked(
        'connection.protocol-version',
        `skipped: ${summary}, a version this client cannot speak (see connection.protocol-version)`,
      );
    if (sessionFailures(t).length)
      return blocked(
        'connection.session',
        `skipped: ${summary}, then lost the session (see connection.session)`,
      );
    const later = laterFailure(t, attempt, request);
    return {
      status: 'fail',
      code: 'handshake-failed',
      message: `${summary}, but the handshake then failed: ${attempt.error?.message ?? (later ? `${requestLine(later)} answered ${statusLine(later)}` : 'unknown error')}.`,
      evidence: later ? [later.id] : [replyId],
    };
  },
});
