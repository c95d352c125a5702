import { jsonResponse } from '@/lib/api/errors';
import { reportJsonSchema } from '@/lib/report/json-schema';

/** `GET /api/schema`: the JSON Schema of the report `/api/check` answers, generated from its zod schema. */
export function GET(): Response {
  return jsonResponse(reportJsonSchema(), 200, { 'content-type': 'application/schema+json' });
}
