import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { exchange, response, transcript } from '@/lib/checks/testing';
import { buildReport } from '@/lib/diagnose/build-report';
import { toHar } from './har';
import type { Report } from './schema';

const require = createRequire(import.meta.url);

/**
 * The structure is checked against `har-schema` (the JSON Schema of HAR 1.2 that `har-validator`
 * uses), compiled by Ajv. It is written in draft-06 with three keywords of its own: `min` (meant
 * as `minimum`, and enforced as such here: `time` ≥ 0, timings ≥ -1), and the annotations
 * `optional` and `unique`, declared so Ajv's strict mode accepts them.
 */
function harValidator() {
  const schemas: Record<string, object> = require('har-schema');
  // strictTypes only lints how a schema is written (har-schema omits some `type`s); unknown keywords still fail.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  ajv.addKeyword({
    keyword: 'min',
    type: 'number',
    schemaType: 'number',
    validate: (min: number, data: number) => data >= min,
  });
  ajv.addKeyword({ keyword: 'optional', schemaType: 'boolean' });
  ajv.addKeyword({ keyword: 'unique', schemaType: 'boolean' });
  addFormats(ajv);
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  const validate = ajv.getSchema('har.json#');
  if (!validate) throw new Error('har-schema has no har.json');
  return validate;
}

const CREATOR = { name: 'mcp-doctor', version: '0.1.0' };

function report(): Report {
  const long = 'x'.repeat(100);
  return buildReport(
    transcript({
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 900,
      exchanges: [
        exchange({
          id: 'x1',
          startedAt: 12.5,
          durationMs: 40,
          rpc: { method: 'initialize', id: 0 },
          request: {
            method: 'POST',
            url: 'https://example.com/mcp?tenant=a&x=%5BREDACTED%5D',
            headers: [
              ['content-type', 'application/json'],
              ['authorization', '[REDACTED]'],
            ],
            body: {
              text: '{"jsonrpc":"2.0","id":0,"method":"initialize"}',
              bytes: 46,
              truncated: false,
            },
          },
        }),
        exchange({
          id: 'x2',
          startedAt: 60,
          durationMs: 30,
          step: 'tools',
          rpc: { method: 'tools/list', id: 1 },
          response: {
            ...response(200, ''),
            body: { text: long, bytes: 5_000_000, truncated: true },
          },
        }),
        exchange({
          id: 'x3',
          startedAt: 100,
          durationMs: 10_000,
          step: 'tools',
          response: null,
          error: {
            code: 'timeout',
            message: 'POST https://example.com/mcp: no answer in 10000 ms',
          },
        }),
        exchange({
          id: 'x4',
          startedAt: 200,
          durationMs: null,
          request: {
            method: 'GET',
            url: 'https://example.com/mcp',
            headers: [['accept', 'text/event-stream']],
            body: null,
          },
          response: response(200, '', 'text/event-stream'),
        }),
      ],
    }),
  );
}

describe('toHar', () => {
  it('is a valid HAR 1.2 archive', () => {
    const validate = harValidator();
    const har = JSON.parse(JSON.stringify(toHar(report(), CREATOR)));
    expect(validate(har), JSON.stringify(validate.errors)).toBe(true);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual(CREATOR);
    expect(har.log.entries).toHaveLength(4);
    // The validator is not vacuous: a missing part or a negative time is refused.
    const { timings: _timings, ...withoutTimings } = har.log.entries[0];
    expect(validate({ log: { ...har.log, entries: [withoutTimings] } })).toBe(false);
    expect(validate({ log: { ...har.log, entries: [{ ...har.log.entries[0], time: -5 }] } })).toBe(
      false,
    );
  });

  it('is also valid for a report built by the real report builder with its default exchanges', () => {
    const validate = harValidator();
    expect(validate(JSON.parse(JSON.stringify(toHar(buildReport(transcript()), CREATOR))))).toBe(
      true,
    );
  });

  it('splits an event stream’s time at its first byte: waiting, then receiving', () => {
    const stream = (firstByteMs: number | null) =>
      buildReport(
        transcript({
          exchanges: [
            exchange({
              id: 'x1',
              durationMs: 900,
              response: {
                ...response(200, 'data: {}\n\n', 'text/event-stream'),
                stream: { firstByteMs, lastByteMs: 900, events: [], eventCount: 1 },
              },
            }),
          ],
        }),
      );
    const timings = (r: Report) => toHar(r, CREATOR).log.entries[0]?.timings;
    expect(timings(stream(850))).toMatchObject({ wait: 850, receive: 50 });
    expect(timings(stream(null))).toMatchObject({ wait: 900, receive: 0 });
    expect(harValidator()(JSON.parse(JSON.stringify(toHar(stream(850), CREATOR))))).toBe(true);
  });

  it('dates each entry from the run start and keeps request details', () => {
    const [first] = toHar(report(), CREATOR).log.entries;
    expect(first?.startedDateTime).toBe('2026-01-01T00:00:00.012Z');
    expect(first?.time).toBe(40);
    expect(first?.timings).toMatchObject({ send: 0, wait: 40, receive: 0 });
    expect(first?.request.queryString).toEqual([
      { name: 'tenant', value: 'a' },
      { name: 'x', value: '[REDACTED]' },
    ]);
    expect(first?.request.headers).toContainEqual({ name: 'authorization', value: '[REDACTED]' });
    expect(first?.request.postData).toEqual({
      mimeType: 'application/json',
      text: '{"jsonrpc":"2.0","id":0,"method":"initialize"}',
    });
    expect(first?.request.bodySize).toBe(46);
    expect(first?._rpc).toEqual({ method: 'initialize', id: 0 });
    expect(first?._exchangeId).toBe('x1');
  });

  it('marks a truncated body with a comment and keeps its real size', () => {
    const second = toHar(report(), CREATOR).log.entries[1];
    expect(second?.response.content).toEqual({
      size: 5_000_000,
      mimeType: 'application/json',
      text: 'x'.repeat(100),
      comment: 'truncated: the first 100 characters of 5000000 bytes are kept',
    });
    expect(second?.response.bodySize).toBe(5_000_000);
  });

  it('shows an exchange that got no answer as status 0 with a custom _error field', () => {
    const third = toHar(report(), CREATOR).log.entries[2];
    expect(third?.response.status).toBe(0);
    expect(third?._error).toEqual({
      code: 'timeout',
      message: 'POST https://example.com/mcp: no answer in 10000 ms',
    });
    expect(third?.time).toBe(10_000);
  });

  it('gives an exchange still open at the end the rest of the run as its time', () => {
    const fourth = toHar(report(), CREATOR).log.entries[3];
    expect(fourth?.time).toBe(700);
    expect(fourth?.comment).toBe('still open when the run ended');
    expect(fourth?.request.postData).toBeUndefined();
  });
});
