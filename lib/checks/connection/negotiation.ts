import {
  NEGOTIATION_VARIANTS,
  type NegotiationDiagnosis,
  type NegotiationVariantId,
  diagnoseNegotiation,
  readVariants,
  variantOf,
} from '@/lib/edges/content-negotiation';
import type { Exchange, Transcript } from '@/lib/report/schema';
import { defineCheck, pass } from '../define';
import { blockedByHandshake, withoutConnection } from '../shared/blocked';
import { isSuccess, requestLine, statusLine } from '../shared/exchanges';
import { handshakeVerdict } from '../shared/handshake';

const HEADER_NAME = { accept: 'Accept', 'content-type': 'Content-Type' } as const;

interface Variant {
  id: NegotiationVariantId;
  exchange: Exchange;
}

/** The variants the probe sent after the refusal (the `negotiation` step), in the table's order. */
function sentVariants(t: Transcript): Variant[] {
  return t.exchanges.flatMap((exchange) => {
    const id = exchange.step === 'negotiation' ? variantOf(exchange) : null;
    return id ? [{ id, exchange }] : [];
  });
}

const headersOf = (id: NegotiationVariantId): string => {
  const variant = NEGOTIATION_VARIANTS.find((v) => v.id === id);
  return variant
    ? `Accept: ${variant.headers.accept}; Content-Type: ${variant.headers['content-type']}`
    : id;
};

/** What the variants' answers say, as one sentence and the fix it calls for. */
function reading(variants: readonly Variant[]): { says: string; fix: string | null } {
  if (variants.length === 0) return { says: '', fix: null };
  const statuses = Object.fromEntries(
    variants.flatMap((v) => (v.exchange.response ? [[v.id, v.exchange.response.status]] : [])),
  );
  const read = readVariants(statuses);
  const answered = variants.filter(
    (v) => v.exchange.response && isSuccess(v.exchange.response.status),
  );
  const list = variants.map((v) => `${v.id} ${statusLine(v.exchange)}`).join(', ');
  if (!read.refusesSpec) {
    return {
      says: ` Sent again, the same headers were accepted (${list}): the refusal comes and goes, as when replicas or proxies in front of the server differ.`,
      fix: 'Find the replica or proxy that refuses the spec’s headers: the same request is accepted on another try.',
    };
  }
  if (answered.length === 0) {
    return {
      says: ` Every variant was refused too (${list}): a proxy or gateway in front of the server may rewrite or drop the header.`,
      fix: 'Send a request to the server directly, past the proxy or gateway, with Accept: application/json, text/event-stream and Content-Type: application/json; if it is accepted there, make the proxy pass both headers through unchanged.',
    };
  }
  const wants = answered.map((v) => headersOf(v.id)).join(', or ');
  return {
    says: ` It accepts ${wants} instead (${list}).`,
    fix: `Make the server (or the proxy in front of it) accept what every MCP client sends: a POST with Accept: application/json, text/event-stream and Content-Type: application/json; it accepts only ${wants} today.`,
  };
}

function describe(diagnosis: NegotiationDiagnosis): string {
  const { requirement, sent, wanted } = diagnosis;
  const header = HEADER_NAME[requirement.header];
  const rule =
    requirement.level === 'spec-must'
      ? `the spec requires ${header}: ${requirement.value}`
      : `the SDKs send and expect ${header}: ${requirement.value}`;
  const asSent = sent === null ? `without ${header}` : `to ${header}: ${sent}`;
  const wants = wanted
    ? `; it names ${wanted.mediaTypes.join(', ')} ("${wanted.evidence.text}")`
    : '';
  return `${asSent} (${rule})${wants}`;
}

/**
 * A 406 or 415 on the handshake: the server, or a proxy in front of it, refused the Accept or
 * Content-Type MCP clients send. The probe then tried a few variants (each one header away from the
 * spec's), and this check says which the server wanted instead.
 */
export default defineCheck({
  id: 'connection.negotiation',
  area: 'connection',
  severity: 'error',
  title: 'The server accepts the Accept and Content-Type MCP clients send',
  failureTitle: 'The server refuses the Accept or Content-Type MCP clients send',
  fix: 'Accept POSTs whose Accept lists application/json and text/event-stream and whose Content-Type is application/json (with or without a charset), as every MCP client sends them.',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server',
  codes: ['refuses-spec-headers', 'missing-required-header'],
  run(t) {
    const verdict = handshakeVerdict(t);
    if (verdict.kind === 'not-attempted') return withoutConnection(t, 'no MCP request was sent');
    if (verdict.kind === 'answered') {
      return pass(`${requestLine(verdict.exchange)} was accepted with the spec's headers`);
    }
    const diagnosis = verdict.kind === 'negotiation' && diagnoseNegotiation(verdict.exchange);
    if (verdict.kind !== 'negotiation' || !diagnosis) {
      return blockedByHandshake(
        t,
        'the initialize request was not accepted or refused for its headers',
      );
    }
    const variants = sentVariants(t);
    const { says, fix } = reading(variants);
    const missed = diagnosis.verdict === 'client-missed-requirement';
    return {
      status: 'fail',
      code: missed ? 'missing-required-header' : 'refuses-spec-headers',
      message: `${requestLine(verdict.exchange)} answered ${statusLine(verdict.exchange)} ${describe(diagnosis)}.${says}`,
      ...(missed
        ? {
            fix: `The request went out without what the spec requires, most likely because a header passed to MCP Doctor replaced it: check again without overriding ${HEADER_NAME[diagnosis.requirement.header]}.`,
          }
        : fix
          ? { fix }
          : {}),
      evidence: [verdict.exchange.id, ...variants.map((v) => v.exchange.id)],
      items: variants.map((v) => ({
        subject: `${v.id}: ${headersOf(v.id)}`,
        detail: statusLine(v.exchange),
        evidence: [v.exchange.id],
      })),
    };
  },
});
