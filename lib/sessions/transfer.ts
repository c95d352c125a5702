import { z } from 'zod';
import { readBoundedBody } from '@/lib/api/read-body';
import { AdmissionError } from '@/lib/security/errors';
import { Redactor } from '@/lib/probe/redact';
import { TranscriptSchema, type Body, type Transcript } from '@/lib/report/schema';
import type { StoredRun } from '@/lib/store/schema';
import { MAX_IMPORT_BYTES } from './transfer-limits';

export { MAX_IMPORT_BYTES };
export const EXPORT_FORMAT = 'mcp-doctor-run';

/** The export file: what the run was, and its report (the transcript plus the judgement then). */
export function exportDocument(run: StoredRun, now = new Date()) {
  return {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    run: {
      id: run.id,
      url: run.url,
      createdAt: run.createdAt,
      origin: run.origin,
      importedFrom: run.importedFrom,
    },
    report: run.report,
  };
}

/** `mcp-doctor-example.com-2026-03-01-AbCdEf12.json`: readable, and safe in any file system. */
export function exportFileName(run: StoredRun): string {
  let host = 'endpoint';
  try {
    host = new URL(run.url).host;
  } catch {
    // keep the generic name
  }
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
  return `mcp-doctor-${safe(host)}-${run.createdAt.slice(0, 10)}-${safe(run.id.slice(0, 8))}.json`;
}

const EnvelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  run: z.object({ id: z.string().max(100) }).optional(),
  report: z.unknown(),
});
// What `GET /api/runs/<id>` answers: a run with its report.
const ApiRunSchema = z.object({ id: z.string().max(100), report: z.unknown() });

/**
 * The first thing wrong with a file, as a sentence a person can act on ("The field `version` is
 * missing."), not a schema dump: the rest usually follows from it.
 */
function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'It does not have the shape of a run.';
  const field = issue.path.length ? `The field \`${issue.path.join('.')}\`` : 'The file';
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return `${field} is missing.`;
  }
  const expected = issue.code === 'invalid_type' ? ` should be ${issue.expected}` : ' is not valid';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `${field}${expected}${more}.`;
}

/**
 * The transcript in an uploaded file: an export, a run as the API answers it, or a bare report or
 * transcript. Only the transcript is kept; the judgement is made again by the current checks.
 */
export function parseImport(
  value: unknown,
):
  | { ok: true; transcript: Transcript; importedFrom: string | null }
  | { ok: false; message: string } {
  const envelope = EnvelopeSchema.safeParse(value);
  const apiRun = envelope.success ? null : ApiRunSchema.safeParse(value);
  const candidate = envelope.success
    ? envelope.data.report
    : apiRun?.success
      ? apiRun.data.report
      : value;
  const importedFrom = envelope.success
    ? (envelope.data.run?.id ?? null)
    : apiRun?.success
      ? apiRun.data.id
      : null;
  const transcript = TranscriptSchema.safeParse(candidate);
  if (!transcript.success) {
    return {
      ok: false,
      message: `This is not a run exported by MCP Doctor (“Download JSON” on a run page). ${describeIssues(transcript.error)}`,
    };
  }
  return { ok: true, transcript: redactAgain(transcript.data), importedFrom };
}

/**
 * An export made by MCP Doctor is already redacted; a file can be edited by hand, so credentials
 * recognizable by name (Authorization, cookies, `access_token`…) are removed again before saving.
 * Redaction is idempotent, so an untouched export is saved, and re-checked, as it was.
 */
function redactAgain(t: Transcript): Transcript {
  const redactor = new Redactor();
  const body = (b: Body | null): Body | null =>
    b && {
      ...b,
      text: redactor.text(b.text),
      ...(b.events ? { events: b.events.map((e) => ({ ...e, data: redactor.text(e.data) })) } : {}),
    };
  return {
    ...t,
    exchanges: t.exchanges.map((x) => ({
      ...x,
      request: {
        ...x.request,
        url: redactor.url(x.request.url),
        headers: redactor.headers(x.request.headers),
        body: body(x.request.body),
      },
      response: x.response && {
        ...x.response,
        headers: redactor.headers(x.response.headers),
        body: body(x.response.body),
      },
    })),
  };
}

/** Reads an uploaded file as text, refusing more than `max` bytes without buffering them. */
export async function readBoundedText(
  request: Request,
  max: number,
): Promise<{ ok: true; text: string } | { ok: false; error: AdmissionError }> {
  const read = await readBoundedBody(request, max);
  if (read.ok || read.error.code !== 'body-too-large') return read;
  const error = new AdmissionError(
    'body-too-large',
    `the file is larger than ${Math.round(max / 1024 / 1024)} MB`,
  );
  return { ok: false, error };
}
