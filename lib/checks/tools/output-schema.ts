import { defineCheck, notApplicable } from '../define';
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
 * MCP 2025-11-25 server/tools, "Output Schema": optional, but when present a valid JSON Schema with
 * `type: "object"` at the root, as `structuredContent` is a JSON object that clients validate
 * against it.
 */
export default defineCheck({
  id: 'tools.output-schema',
  area: 'tools',
  severity: 'error',
  title: 'Output schemas are valid object schemas',
  failureTitle: 'Some tools have an invalid output schema',
  fix: 'Make outputSchema a valid JSON Schema 2020-12 object schema describing structuredContent, e.g. { "type": "object", "properties": { "results": { "type": "array" } } }, or leave it out.',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/server/tools#output-schema',
  codes: SCHEMA_CODES,
  run(t) {
    const checkable = toolsToCheck(t);
    if ('outcome' in checkable) return checkable.outcome;
    const declaring = checkable.entries.filter(
      (e) => e.fields && e.fields.outputSchema !== undefined,
    );
    if (!declaring.length) return notApplicable('skipped: no tool declares an outputSchema');

    const findings: ToolFinding<SchemaCode>[] = [];
    for (const entry of declaring) {
      const finding = schemaFinding(t, entry, 'outputSchema');
      if (finding) findings.push(finding);
    }
    if (findings.length) {
      return toolFindingsOutcome(findings, checkable.entries.length, {
        codes: SCHEMA_CODES,
        verb: { one: 'has an invalid output schema', many: 'have invalid output schemas' },
        fix: (code) =>
          code === 'root-not-object-type'
            ? 'Put "type": "object" at the root of outputSchema: structuredContent is always a JSON object. Wrap a list in a property, e.g. { "type": "object", "properties": { "items": { "type": "array" } } }.'
            : undefined,
      });
    }
    return passUnlessPartial(
      t,
      everyTool(
        declaring.length,
        'The output schema is a valid object schema',
        'output schemas are valid object schemas',
      ) + compileBoundNote(t, 'outputSchema'),
    );
  },
});
