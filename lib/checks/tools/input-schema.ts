import { defineCheck } from '../define';
import {
  compileBoundNote,
  schemaFinding,
  SCHEMA_CODES,
  type SchemaCode,
} from '../shared/tool-schema';
import {
  everyTool,
  passUnlessPartial,
  toolFindingsOutcome,
  toolsToCheck,
  type ToolFinding,
} from '../shared/tool-entries';

/**
 * MCP 2025-11-25 server/tools, "Tool": `inputSchema` is required, a valid JSON Schema (2020-12 unless
 * `$schema` says otherwise) with `type: "object"` at the root, since arguments are a JSON object.
 * ChatGPT builds the model's function definition from it.
 */
export default defineCheck({
  id: 'tools.input-schema',
  area: 'tools',
  severity: 'error',
  title: 'Every tool has a valid object input schema',
  failureTitle: 'Some tools have a missing or invalid input schema',
  fix: 'Give each tool an inputSchema that is a valid JSON Schema 2020-12 object schema, e.g. { "type": "object", "properties": { "query": { "type": "string" } }, "required": ["query"] }; a tool without arguments uses { "type": "object", "additionalProperties": false }.',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool',
  codes: SCHEMA_CODES,
  run(t) {
    const checkable = toolsToCheck(t);
    if ('outcome' in checkable) return checkable.outcome;
    const { entries } = checkable;

    const findings: ToolFinding<SchemaCode>[] = [];
    for (const entry of entries) {
      const finding = schemaFinding(t, entry, 'inputSchema');
      if (finding) findings.push(finding);
    }
    if (findings.length) {
      return toolFindingsOutcome(findings, entries.length, {
        codes: SCHEMA_CODES,
        verb: { one: 'has an invalid input schema', many: 'have invalid input schemas' },
        fix: (code) =>
          code === 'root-not-object-type'
            ? 'Put "type": "object" at the root of inputSchema: tool arguments are always a JSON object. Wrap a list or a single value in a property, e.g. { "type": "object", "properties": { "items": { "type": "array" } } }.'
            : code === 'unsupported-dialect'
              ? 'Drop $schema (JSON Schema 2020-12 is the default every MCP client supports) or use 2020-12 or draft-07.'
              : code === 'invalid-json-schema' || code === 'sdk-rejects-schema'
                ? 'Correct the keyword at the path named in the finding so the schema is valid JSON Schema, e.g. { "type": "integer", "minimum": 1 } (a number, not "1"); validate it with a JSON Schema validator before registering the tool.'
                : undefined,
      });
    }
    return passUnlessPartial(
      t,
      everyTool(
        entries.length,
        'The input schema is a valid object schema',
        'input schemas are valid object schemas',
      ) + compileBoundNote(t, 'inputSchema'),
    );
  },
});
