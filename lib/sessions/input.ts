import { z } from 'zod';
import { formatIssues, TargetInputSchema, TargetUrlSchema } from '@/lib/probe/target';
import { RunIdSchema } from '@/lib/runs/schema';
import { parseCursor } from '@/lib/store/cursor';

/** Bounds on what people write into a shared session. */
export const MAX_NOTE_BYTES = 10 * 1024;
export const MAX_AUTHOR_CHARS = 80;
export const MAX_SESSION_NAME_CHARS = 120;

const byteLength = (text: string) => new TextEncoder().encode(text).length;

const OptionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is longer than ${max} characters`)
    .optional()
    .transform((v) => v || null);

export const SessionNameSchema = OptionalText(MAX_SESSION_NAME_CHARS, 'name');

/** The credentials a run is made with: sent, never stored (each rerun asks for them again). */
const CredentialsSchema = TargetInputSchema.pick({ token: true, headers: true });

/** `POST /api/sessions` from a run page: the session starts with that run. */
export const SessionFromRunSchema = z.strictObject({ runId: RunIdSchema, name: SessionNameSchema });
/** `POST /api/sessions` from an endpoint URL, with the credentials for its first run. */
export const SessionFromUrlSchema = CredentialsSchema.extend({
  url: TargetUrlSchema,
  name: SessionNameSchema,
}).strict();

export type CreateSessionInput =
  | ({ from: 'run' } & z.output<typeof SessionFromRunSchema>)
  | ({ from: 'url' } & z.output<typeof SessionFromUrlSchema>);

export function parseCreateSession(
  input: unknown,
): { ok: true; value: CreateSessionInput } | { ok: false; message: string } {
  const fromRun = typeof input === 'object' && input !== null && 'runId' in input;
  const parsed = fromRun
    ? parseInput(SessionFromRunSchema, input)
    : parseInput(SessionFromUrlSchema, input);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: fromRun
      ? { from: 'run', ...(parsed.value as z.output<typeof SessionFromRunSchema>) }
      : { from: 'url', ...(parsed.value as z.output<typeof SessionFromUrlSchema>) },
  };
}

/**
 * `POST /api/sessions/<id>/runs`: a rerun of the session's endpoint. `url` is needed only when the
 * session's URL had secrets in it (redacted when saved); it must be the same URL once redacted.
 */
export const RerunInputSchema = CredentialsSchema.extend({
  url: TargetUrlSchema.optional(),
}).strict();
export type RerunInput = z.output<typeof RerunInputSchema>;

const CheckIdSchema = z
  .string()
  .max(100)
  .regex(/^[a-z]+\.[a-z0-9-]+$/, 'checkId is not a check id such as tools.drift');
const ExchangeIdSchema = z
  .string()
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'exchangeId is not an exchange id such as x3');

/** `POST /api/sessions/<id>/notes`: on the session, on a check of a run, or on an exchange. */
export const NoteInputSchema = z
  .strictObject({
    body: z
      .string()
      .trim()
      .min(1, 'the note is empty')
      .refine((body) => byteLength(body) <= MAX_NOTE_BYTES, {
        message: `the note is longer than ${MAX_NOTE_BYTES / 1024} KB`,
      }),
    author: OptionalText(MAX_AUTHOR_CHARS, 'author'),
    runId: RunIdSchema.optional(),
    checkId: CheckIdSchema.optional(),
    exchangeId: ExchangeIdSchema.optional(),
  })
  .refine((n) => !(n.checkId && n.exchangeId), {
    message: 'a note is about one check or one exchange, not both',
  })
  .refine((n) => n.runId || !(n.checkId || n.exchangeId), {
    message: 'checkId and exchangeId need the runId they belong to',
  });
export type NoteInput = z.output<typeof NoteInputSchema>;

/** `GET /api/runs?url=…&limit=…&cursor=…`: one endpoint's history, a bounded page at a time. */
export const HistoryQuerySchema = z.strictObject({
  url: z
    .string({ error: 'url is required: the endpoint whose runs to list' })
    .max(2048, 'url is longer than 2048 characters'),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(100, 'limit must be at most 100')
    .default(20),
  cursor: z
    .string()
    .refine((c) => parseCursor(c).success, 'cursor is not one this API gave')
    .optional(),
});

/** Parses untrusted input, or explains in one line what is wrong. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | { ok: false; message: string } {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: formatIssues(parsed.error) };
}
