/** A JSON object (not an array, not null): the shape every remote `_meta`, schema and result is read as. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
