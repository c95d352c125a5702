import { NextRequest } from 'next/server';
import { apiError, errorResponse, jsonResponse, withStoreErrors } from '@/lib/api/errors';
import { admissionFromEnv } from '@/lib/security/admission';
import { SECURITY_HEADERS } from '@/lib/security/csp';
import { refuseApiRequest } from '@/lib/security/first-layer';
import { TOKEN_COOKIE, gateDecision } from '@/lib/security/token-gate';
import { importRun } from '@/lib/sessions/actions';
import { MAX_IMPORT_BYTES, parseImport, readBoundedText } from '@/lib/sessions/transfer';
import { getStore } from '@/lib/store';

/**
 * `POST /api/import` with an exported run file as the body (JSON, at most 20 MB): re-checked by
 * today's checks and saved as a new run marked imported. Answers 201 `{ id }`.
 *
 * proxy.ts does not run for this route (Next would copy the whole body into memory for it), so the
 * first layer is applied here, before a byte is read: the team token, a same-origin browser, a
 * JSON body declared no larger than 20 MB.
 */
export const POST = withStoreErrors(async (request: Request): Promise<Response> => {
  const refusal = refuseApiRequest(request, {
    gate: gateDecision({
      configuredToken: process.env.MCP_DOCTOR_TOKEN || undefined,
      pathname: new URL(request.url).pathname,
      authorization: request.headers.get('authorization'),
      // From the headers alone: a NextRequest made from the request would take over its body.
      cookie: new NextRequest(request.url, { headers: request.headers }).cookies.get(TOKEN_COOKIE)
        ?.value,
    }),
    trustedProxies: admissionFromEnv().trustedProxies,
  });
  if (refusal) return secured(errorResponse(refusal));
  const read = await readBoundedText(request, MAX_IMPORT_BYTES);
  if (!read.ok) return secured(errorResponse(read.error));
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '';
    return secured(apiError(400, 'invalid-json', `the file is not valid JSON${detail}`));
  }
  const parsed = parseImport(value);
  if (!parsed.ok) return secured(apiError(400, 'invalid-input', parsed.message));
  const id = await importRun(await getStore(), parsed.transcript, parsed.importedFrom);
  return secured(jsonResponse({ id }, 201, { location: `/runs/${id}` }));
});

/** The headers proxy.ts gives every API answer. */
function secured(response: Response): Response {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  if (response.status === 401)
    response.headers.set('www-authenticate', 'Bearer realm="mcp-doctor"');
  return response;
}
