import { z } from 'zod';
import { REPORT_SCHEMA_VERSION, ReportSchema } from './schema';

/**
 * A URN rather than a URL: the project publishes no schema host, and a `$id` only has to be a
 * unique URI (JSON Schema 2020-12 §8.2.1). The version in it is the report's `schemaVersion`.
 */
export const REPORT_SCHEMA_ID = `urn:mcp-doctor:report:v${REPORT_SCHEMA_VERSION}`;

type JsonSchema = z.core.JSONSchema.BaseSchema;

let cached: JsonSchema | undefined;

/**
 * The Report's JSON Schema (draft 2020-12), generated from the zod schema so the two never drift.
 *
 * Generated for the schema's input side: objects stay open to properties they do not name, so a
 * validator pinned to this `schemaVersion` keeps accepting reports that gained a field (additive
 * changes do not bump the version; removing or retyping a field does). The report has no
 * transforms or defaults, so input and output otherwise describe the same documents. Raw remote
 * values (`z.unknown()`: the InitializeResult, the tools as received) become `{}`, any value.
 */
export function reportJsonSchema(): JsonSchema {
  cached ??= {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: REPORT_SCHEMA_ID,
    title: `MCP Doctor report (schemaVersion ${REPORT_SCHEMA_VERSION})`,
    description:
      'One health check of an MCP endpoint: the transcript of what crossed the wire, the checks run on it, and the four rows of ChatGPT’s connection-issues table.',
    ...z.toJSONSchema(ReportSchema, {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'any',
    }),
  };
  return cached;
}
