import { z } from 'zod';

const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/**
 * Sends a request to the app's API and answers the parsed body, or the API's own explanation of
 * what is wrong (`{ error: { message } }`), or a plain one when the app cannot be reached.
 */
export async function send<S extends z.ZodType>(
  url: string,
  body: BodyInit,
  schema: S,
  contentType = 'application/json',
): Promise<{ ok: true; value: z.output<S> } | { ok: false; message: string }> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  } catch {
    return { ok: false, message: 'Could not reach MCP Doctor; is the app still running?' };
  }
  const json: unknown = await response.json().catch(() => null);
  const parsed = schema.safeParse(json);
  if (response.ok && parsed.success) return { ok: true, value: parsed.data };
  const error = ErrorSchema.safeParse(json);
  return {
    ok: false,
    message: error.success
      ? error.data.error.message
      : `Unexpected answer (HTTP ${response.status}).`,
  };
}

export const postJson = <S extends z.ZodType>(url: string, body: unknown, schema: S) =>
  send(url, JSON.stringify(body), schema);
