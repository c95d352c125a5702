import { describe, expect, it } from 'vitest';
import { argumentsFrom, formFields } from './schema-form';

const schema = {
  type: 'object',
  properties: {
    city: { type: 'string', description: 'City name' },
    days: { type: 'integer', default: 3 },
    units: { enum: ['metric', 'imperial'] },
    alerts: { type: 'boolean' },
    filter: { type: 'object' },
  },
  required: ['city'],
};

describe('formFields / argumentsFrom', () => {
  it('generates one typed field per property', () => {
    expect(formFields(schema)?.map((f) => [f.name, f.kind, f.required, f.initial])).toEqual([
      ['city', 'string', true, ''],
      ['days', 'integer', false, '3'],
      ['units', 'enum', false, ''],
      ['alerts', 'boolean', false, false],
      ['filter', 'json', false, ''],
    ]);
    expect(formFields({ type: 'object' })).toBeNull();
  });

  it('builds typed arguments, leaving out empty optional inputs', () => {
    const fields = formFields(schema);
    expect(
      argumentsFrom(
        fields,
        { city: 'Lisbon', days: '5', units: 'metric', alerts: true, filter: '{"rain":true}' },
        '',
      ),
    ).toEqual({
      ok: true,
      arguments: { city: 'Lisbon', days: 5, units: 'metric', alerts: true, filter: { rain: true } },
    });
    expect(argumentsFrom(fields, { city: 'Lisbon' }, '')).toEqual({
      ok: true,
      arguments: { city: 'Lisbon', days: 3, alerts: false },
    });
  });

  it('refuses a missing required value, a bad number and bad JSON', () => {
    const fields = formFields(schema);
    expect(argumentsFrom(fields, { city: ' ' }, '')).toMatchObject({
      ok: false,
      message: 'city is required.',
    });
    expect(argumentsFrom(fields, { city: 'x', days: '2.5' }, '')).toMatchObject({
      ok: false,
      message: 'days must be an integer.',
    });
    expect(argumentsFrom(fields, { city: 'x', filter: '{' }, '')).toMatchObject({
      ok: false,
      message: 'filter must be JSON.',
    });
    expect(argumentsFrom(null, {}, '[1]')).toMatchObject({ ok: false });
    expect(argumentsFrom(null, {}, '{"a":1}')).toEqual({ ok: true, arguments: { a: 1 } });
  });
});
