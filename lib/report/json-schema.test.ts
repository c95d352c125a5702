// `type: ["string", "null"]` is plain JSON Schema; Ajv's strict mode only asks to opt in to it.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { noSession, response, transcript } from '@/lib/checks/testing';
import { buildReport } from '@/lib/diagnose/build-report';
import { REPORT_SCHEMA_ID, reportJsonSchema } from './json-schema';

function compile() {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  // The client verdicts' sources declare `format: uri` and `format: date`.
  addFormats(ajv);
  return ajv.compile(reportJsonSchema());
}

describe('reportJsonSchema', () => {
  it('is a draft 2020-12 schema with an id and a title', () => {
    const schema = reportJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(REPORT_SCHEMA_ID);
    expect(schema.title).toMatch(/MCP Doctor report/);
  });

  it('accepts real reports, healthy and broken, after a JSON round trip', () => {
    const validate = compile();
    const healthy = JSON.parse(JSON.stringify(buildReport(transcript())));
    const broken = JSON.parse(
      JSON.stringify(buildReport(noSession(response(200, '<html></html>', 'text/html')))),
    );
    expect(validate(healthy), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(broken), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a report whose status is not one of pass, warn, fail', () => {
    const validate = compile();
    const report = { ...JSON.parse(JSON.stringify(buildReport(transcript()))), status: 'bogus' };
    expect(validate(report)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/status')).toBe(true);
  });

  it('rejects a report missing a required field or with another schemaVersion', () => {
    const validate = compile();
    const { rows: _rows, ...withoutRows } = buildReport(transcript());
    expect(validate(withoutRows)).toBe(false);
    expect(validate({ ...buildReport(transcript()), schemaVersion: 1 })).toBe(false);
  });

  it('keeps objects open, so a report that gained a field still validates', () => {
    const validate = compile();
    expect(
      validate({
        ...buildReport(transcript()),
        futureField: { added: 'in a later schema version' },
      }),
    ).toBe(true);
  });
});
