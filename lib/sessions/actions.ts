import { buildReport } from '@/lib/diagnose/build-report';
import { parseTarget, shownUrl } from '@/lib/probe/target';
import type { Transcript } from '@/lib/report/schema';
import { rerun as rerunRun } from '@/lib/runs/rerun';
import { newRunId, startRun, type StartedRun } from '@/lib/runs/start';
import type { PersistentRunRegistry } from '@/lib/store/run-registry';
import type { Note, Session } from '@/lib/store/schema';
import type { Store } from '@/lib/store/store';
import type { CreateSessionInput, NoteInput, RerunInput } from './input';

type Failure = { ok: false; status: 400 | 404; message: string };
type Started = { run: { id: string }; done: Promise<void> };

const fail = (status: 400 | 404, message: string): Failure => ({ ok: false, status, message });

/**
 * Attaches a run just started to the session; resolves once both are saved, and rejects (a
 * StoreError) when either could not be, so nothing unsaved is ever acknowledged.
 */
async function attach(store: Store, session: Session, started: StartedRun): Promise<Started> {
  const { run, saved, done } = started;
  // The run's row first: a page polling the session must never see a link to a missing run.
  await saved;
  await store.attachRun(session.id, run.id);
  return { run, done };
}

/**
 * Creates a session from a run (which becomes its first run), or from a URL (its first run is
 * started with the credentials given, which are used once and not stored).
 */
export async function createSession(
  store: Store,
  registry: PersistentRunRegistry,
  input: CreateSessionInput,
): Promise<{ ok: true; session: Session; started: Started | null } | Failure> {
  if (input.from === 'run') {
    const run = await registry.load(input.runId);
    if (!run) return fail(404, `no run with id "${input.runId}"`);
    const session = await store.createSession({
      name: input.name ?? hostOf(run.url),
      url: run.url,
    });
    await store.attachRun(session.id, run.id);
    return { ok: true, session, started: null };
  }
  const parsed = parseTarget({ url: input.url.href, token: input.token, headers: input.headers });
  if (!parsed.ok) return fail(400, parsed.message);
  const url = shownUrl(parsed.target);
  const session = await store.createSession({ name: input.name ?? hostOf(url), url });
  const started = await attach(store, session, startRun(registry, parsed.target));
  return { ok: true, session, started };
}

function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url.slice(0, 120);
  }
}

/**
 * Reruns the session's endpoint. The session keeps its URL only as shown (redacted), and never a
 * token or header value: when the URL itself had secrets the full URL is asked for again and must
 * match once redacted; a token or headers are asked for each time they are needed.
 */
export async function rerun(
  store: Store,
  registry: PersistentRunRegistry,
  session: Session,
  input: RerunInput,
): Promise<({ ok: true } & Started) | Failure> {
  const started = rerunRun(registry, { url: session.url }, input);
  if (!started.ok) return fail(400, started.message);
  return { ok: true, ...(await attach(store, session, started)) };
}

/** Adds a note; a note about a run's check or exchange must name a run of this session. */
export async function addNote(
  store: Store,
  session: Session,
  input: NoteInput,
): Promise<{ ok: true; note: Note } | Failure> {
  if (input.runId) {
    if (!(await store.isRunInSession(session.id, input.runId))) {
      return fail(400, `run "${input.runId}" is not part of this session`);
    }
  }
  const note = await store.addNote({
    sessionId: session.id,
    runId: input.runId ?? null,
    checkId: input.checkId ?? null,
    exchangeId: input.exchangeId ?? null,
    author: input.author,
    body: input.body,
  });
  return note ? { ok: true, note } : fail(400, 'this session already holds its maximum of notes');
}

/**
 * Saves an imported transcript as a new run, judged by today's checks: the report is rebuilt, not
 * trusted from the file. Its `previousTools` is kept as exported, so the import reproduces the
 * report the run had.
 */
export async function importRun(
  store: Store,
  transcript: Transcript,
  importedFrom: string | null,
): Promise<string> {
  const report = buildReport(transcript);
  const id = newRunId();
  await store.saveRun(
    {
      id,
      url: report.url,
      createdAt: new Date().toISOString(),
      state: 'done',
      steps: report.steps,
      report,
    },
    { origin: 'imported', importedFrom },
  );
  return id;
}
