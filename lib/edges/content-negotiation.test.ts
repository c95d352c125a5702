import { describe, expect, it } from 'vitest';
import type { Exchange } from '@/lib/report/schema';
import {
  diagnoseNegotiation,
  mediaTypes,
  NEGOTIATION_VARIANTS,
  readVariants,
  SPEC_ACCEPT,
} from './content-negotiation';
import { edgeFixture, fixtureExchange } from './fixtures';

const refusal = (
  status: number,
  request: { method?: string; headers: [string, string][] },
  response: { headers?: [string, string][]; body: string },
): Exchange => {
  const fixture = edgeFixture('not-acceptable-406');
  if (!fixture) throw new Error('no fixture');
  const x = fixtureExchange(fixture);
  return {
    ...x,
    request: { ...x.request, method: request.method ?? 'POST', headers: request.headers },
    response: {
      status,
      statusText: '',
      headers: response.headers ?? [['content-type', 'application/json']],
      body: { text: response.body, bytes: response.body.length, truncated: false },
    },
  };
};

const SDK_406 =
  '{"jsonrpc":"2.0","error":{"code":-32000,"message":"Not Acceptable: Client must accept both application/json and text/event-stream"},"id":null}';

describe('diagnoseNegotiation', () => {
  it('a 406 to a JSON-only Accept: the client missed the spec, the server wants both types', () => {
    const d = diagnoseNegotiation(
      refusal(406, { headers: [['accept', 'application/json']] }, { body: SDK_406 }),
    );
    expect(d?.requirement).toMatchObject({
      header: 'accept',
      value: SPEC_ACCEPT,
      level: 'spec-must',
    });
    expect(d?.sent).toBe('application/json');
    expect(d?.verdict).toBe('client-missed-requirement');
    expect(d?.wanted?.mediaTypes).toEqual(['application/json', 'text/event-stream']);
    expect(d?.wanted?.evidence).toEqual({ kind: 'body', text: SDK_406 });
  });

  it('a 406 to the spec Accept: stricter than the spec, or a proxy rewrote the header', () => {
    const d = diagnoseNegotiation(
      refusal(
        406,
        { headers: [['accept', 'text/event-stream, application/json;q=0.9']] },
        { body: SDK_406 },
      ),
    );
    expect(d?.verdict).toBe('stricter-than-spec');
  });

  it('a GET (2025-era SSE stream) needs only text/event-stream', () => {
    const d = diagnoseNegotiation(
      refusal(
        406,
        { method: 'GET', headers: [['accept', 'text/event-stream']] },
        { body: 'Not Acceptable: Client must accept text/event-stream' },
      ),
    );
    expect(d?.requirement.value).toBe('text/event-stream');
    expect(d?.verdict).toBe('stricter-than-spec');
  });

  it('a 415 is about Content-Type, which only the SDKs enforce', () => {
    const d = diagnoseNegotiation(
      refusal(
        415,
        { headers: [['content-type', 'text/plain']] },
        {
          body: '{"error":{"message":"Unsupported Media Type: Content-Type must be application/json"}}',
        },
      ),
    );
    expect(d?.requirement).toMatchObject({
      header: 'content-type',
      value: 'application/json',
      level: 'sdk-enforced',
    });
    expect(d?.verdict).toBe('client-missed-requirement');
    expect(d?.wanted?.mediaTypes).toEqual(['application/json']);
  });

  it("prefers the answer's Accept header (RFC 9110 §15.5.16) over its text", () => {
    const d = diagnoseNegotiation(
      refusal(
        415,
        { headers: [['content-type', 'application/json; charset=utf-8']] },
        { headers: [['accept', 'application/json']], body: 'unsupported' },
      ),
    );
    expect(d?.verdict).toBe('stricter-than-spec');
    expect(d?.wanted).toEqual({
      mediaTypes: ['application/json'],
      evidence: { kind: 'header', text: 'accept: application/json' },
    });
  });

  it('no request header at all, no media type in the answer', () => {
    const d = diagnoseNegotiation(refusal(406, { headers: [] }, { body: 'Not Acceptable' }));
    expect(d?.sent).toBeNull();
    expect(d?.wanted).toBeNull();
    expect(d?.verdict).toBe('client-missed-requirement');
  });

  it('any other status is not a negotiation failure', () => {
    expect(diagnoseNegotiation(refusal(400, { headers: [] }, { body: SDK_406 }))).toBeNull();
  });
});

describe('negotiation variants', () => {
  it('are at most four, distinct, and each differs from the spec baseline in one header', () => {
    expect(NEGOTIATION_VARIANTS.length).toBeLessThanOrEqual(4);
    const [spec, ...others] = NEGOTIATION_VARIANTS;
    expect(spec.headers).toEqual({ accept: SPEC_ACCEPT, 'content-type': 'application/json' });
    for (const variant of others) {
      const changed = Object.entries(variant.headers).filter(
        ([name, value]) => spec.headers[name as keyof typeof spec.headers] !== value,
      );
      expect(changed).toHaveLength(1);
    }
  });

  it.each([
    [
      { spec: 200, 'json-only': 406, wildcard: 406, charset: 200 },
      {
        refusesSpec: false,
        requiresEventStream: true,
        refusesWildcard: true,
        exactContentType: false,
      },
    ],
    [
      { spec: 200, 'json-only': 200, wildcard: 200, charset: 415 },
      {
        refusesSpec: false,
        requiresEventStream: false,
        refusesWildcard: false,
        exactContentType: true,
      },
    ],
    [
      { spec: 406, 'json-only': 406 },
      {
        refusesSpec: true,
        requiresEventStream: false,
        refusesWildcard: false,
        exactContentType: false,
      },
    ],
  ])('%j → %j', (statuses, reading) => {
    expect(readVariants(statuses)).toEqual(reading);
  });

  it('parses media types without parameters, lower-case', () => {
    expect(mediaTypes('Application/JSON; charset=utf-8, text/event-stream;q=0.5')).toEqual([
      'application/json',
      'text/event-stream',
    ]);
  });
});
