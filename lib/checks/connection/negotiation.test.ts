import { describe, expect, it } from 'vitest';
import { NEGOTIATION_VARIANTS, type NegotiationVariantId } from '@/lib/edges/content-negotiation';
import type { Exchange, Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { exchange, noSession, response, transcript } from '../testing';
import check from './negotiation';

const SPEC_HEADERS: [string, string][] = [
  ['accept', 'application/json, text/event-stream'],
  ['content-type', 'application/json'],
];

/** initialize sent with `headers` and refused with `answer`; the variants answered `variants`. */
function refused(
  answer: NonNullable<Exchange['response']>,
  variants: Partial<Record<NegotiationVariantId, number>> = {},
  headers: [string, string][] = SPEC_HEADERS,
): Transcript {
  const t = noSession(answer);
  const [init] = t.exchanges;
  const sent = NEGOTIATION_VARIANTS.filter((v) => v.id in variants).map((v, i) =>
    exchange({
      id: `xn${i + 1}`,
      step: 'negotiation',
      rpc: { method: 'initialize', id: `mcp-doctor-${v.id}` },
      request: {
        method: 'POST',
        url: 'https://example.com/mcp',
        headers: Object.entries(v.headers),
        body: null,
      },
      response: response(variants[v.id] ?? 0, variants[v.id] === 200 ? '{}' : 'Not Acceptable'),
    }),
  );
  return {
    ...t,
    exchanges: [
      { ...(init as Exchange), request: { ...(init as Exchange).request, headers } },
      ...sent,
    ],
  };
}

const notAcceptable = (accept?: string): NonNullable<Exchange['response']> => {
  const base = response(406, '{"error":"Not Acceptable: Client must accept application/json"}');
  return accept ? { ...base, headers: [...base.headers, ['accept', accept]] } : base;
};

describe('connection.negotiation', () => {
  it.each([
    { name: 'a healthy server', t: transcript(), status: 'pass', code: null, evidence: [] },
    {
      name: '406 to the spec’s Accept, no variants sent',
      t: refused(notAcceptable()),
      status: 'fail',
      code: 'refuses-spec-headers',
      evidence: ['x1'],
    },
    {
      name: '406, and the JSON-only variant accepted',
      t: refused(notAcceptable(), { spec: 406, 'json-only': 200, wildcard: 406, charset: 406 }),
      status: 'fail',
      code: 'refuses-spec-headers',
      evidence: ['x1', 'xn1', 'xn2', 'xn3', 'xn4'],
    },
    {
      name: '415 to Content-Type: application/json, the request as sent lacking nothing',
      t: refused(response(415, 'Unsupported Media Type', 'text/plain'), {
        spec: 415,
        charset: 415,
      }),
      status: 'fail',
      code: 'refuses-spec-headers',
      evidence: ['x1', 'xn1', 'xn2'],
    },
    {
      name: '406 to a request that went out without the Accept the spec requires',
      t: refused(notAcceptable(), {}, [['content-type', 'application/json']]),
      status: 'fail',
      code: 'missing-required-header',
      evidence: ['x1'],
    },
    {
      name: 'a 404 (connection.status owns it)',
      t: noSession(response(404, 'Not Found', 'text/plain')),
      status: 'skipped',
      code: null,
      evidence: [],
    },
  ])('$name → $status $code', ({ t, status, code, evidence }) => {
    const result = runCheck(check, t);
    expect(result.status).toBe(status);
    expect(result.code).toBe(code);
    expect(result.evidence).toEqual(evidence);
  });

  it('names the header the spec requires and what the server wanted instead', () => {
    const result = runCheck(check, refused(notAcceptable('application/json')));
    expect(result.message).toBe(
      'POST https://example.com/mcp answered HTTP 406 to Accept: application/json, text/event-stream (the spec requires Accept: application/json, text/event-stream); it names application/json ("accept: application/json").',
    );
  });

  it('says which variant the server accepted, and lists every variant', () => {
    const result = runCheck(
      check,
      refused(notAcceptable(), { spec: 406, 'json-only': 200, wildcard: 406, charset: 406 }),
    );
    expect(result.message).toContain(
      'It accepts Accept: application/json; Content-Type: application/json instead (spec HTTP 406, json-only HTTP 200, wildcard HTTP 406, charset HTTP 406).',
    );
    expect(result.fix).toContain('it accepts only Accept: application/json');
    expect(result.items.map((i) => [i.subject.split(':')[0], i.detail])).toEqual([
      ['spec', 'HTTP 406'],
      ['json-only', 'HTTP 200'],
      ['wildcard', 'HTTP 406'],
      ['charset', 'HTTP 406'],
    ]);
  });

  it('when every variant is refused, points at a proxy that rewrites the header', () => {
    const result = runCheck(
      check,
      refused(response(415, 'Unsupported Media Type', 'text/plain'), { spec: 415, charset: 415 }),
    );
    expect(result.message).toContain('the SDKs send and expect Content-Type: application/json');
    expect(result.message).toContain('Every variant was refused too');
    expect(result.fix).toContain('make the proxy pass both headers through unchanged');
  });

  it('a refusal that does not repeat is intermittent', () => {
    const result = runCheck(check, refused(notAcceptable(), { spec: 200 }));
    expect(result.message).toContain('the same headers were accepted');
  });
});
