import { apiError, jsonResponse } from '@/lib/api/errors';
import { importRun } from '@/lib/sessions/actions';
import { MAX_IMPORT_BYTES, parseImport, readBoundedText } from '@/lib/sessions/transfer';
import { getStore } from '@/lib/store';

/**
 * `POST /api/import` with an exported run file as the body (JSON, at most 20 MB): re-checked by
 * today's checks and saved as a new run marked imported. Answers 201 `{ id }`.
 */
export async function POST(request: Request): Promise<Response> {
  const read = await readBoundedText(request, MAX_IMPORT_BYTES);
  if (!read.ok) return apiError(read.status, 'body-too-large', read.message);
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '';
    return apiError(400, 'invalid-json', `the file is not valid JSON${detail}`);
  }
  const parsed = parseImport(value);
  if (!parsed.ok) return apiError(400, 'invalid-input', parsed.message);
  const id = await importRun(await getStore(), parsed.transcript, parsed.importedFrom);
  return jsonResponse({ id }, 201, { location: `/runs/${id}` });
}
