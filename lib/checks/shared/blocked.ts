import type { ModernLeg, Transcript } from '@/lib/report/schema';
import { blocked, notApplicable, type CheckRef, type Outcome } from '../define';
import { legOutcome, serverEra } from './era';
import { statusLine } from './exchanges';
import { handshakeVerdict, networkErrorOwner, type HandshakeVerdict } from './handshake';

/**
 * Why a check's input is missing, said once for every check that depends on it: the check that owns
 * the cause, and what would let the check run. A check whose input is missing returns one of these,
 * never a pass.
 */

/** What to do so that checks waiting on something else can run. */
export const VERIFY = {
  signIn:
    'Sign in on the run page, or pass a bearer token (--token on the command line, "token" in the API), then check again.',
  connection: 'Fix what the Connection row reports, then check again.',
  tools: 'Fix what the Tools row reports (tools/list must complete), then check again.',
  templates: 'Fix what widgets.resource-read reports, then check again.',
  time: 'Check again with a longer time budget (--timeout, "timeoutMs"), or make the server answer faster.',
} as const;

/** The step's own account of why it did not run, when the probe recorded one. */
export const stepSummary = (t: Transcript, id: Transcript['steps'][number]['id']) =>
  t.steps.find((s) => s.id === id)?.summary ?? null;

/** The run's time budget ran out before the step: the probe says so in the step's summary. */
const outOfTime = (t: Transcript, id: Transcript['steps'][number]['id']) =>
  /budget ran out/.test(stepSummary(t, id) ?? '');

/** The check that reports why no MCP request got through, for a handshake that did not succeed. */
function handshakeOwner(t: Transcript, verdict: HandshakeVerdict): CheckRef {
  switch (verdict.kind) {
    case 'not-attempted':
      return connectionOwner(t);
    case 'no-answer': {
      const error = verdict.exchange?.error ?? verdict.attempt.error;
      return (error && networkErrorOwner(error.code)) || 'connection.initialize';
    }
    case 'tunnel':
      return 'connection.tunnel';
    case 'redirect':
      return 'connection.redirect';
    case 'modern-era':
      return 'connection.protocol-era';
    case 'auth':
      return 'auth.challenge';
    case 'status':
      return 'connection.status';
    case 'content-type':
      return 'connection.content-type';
    case 'answered':
      return 'connection.initialize';
  }
}

/** The check that owns the earliest failed network step (the URL, DNS or TCP), for checks that need a connection. */
export function connectionOwner(t: Transcript): CheckRef {
  if (t.target.credentialsInUrl) return 'connection.url';
  const failed = t.steps.find((s) => s.status === 'failed');
  if (failed?.id === 'dns') return 'connection.dns';
  if (failed?.id === 'tls') return 'connection.tls';
  return 'connection.tcp';
}

/** No connection was made to judge: blocked on the step that failed. */
export function withoutConnection(t: Transcript, needed: string): Outcome<never> {
  const owner = connectionOwner(t);
  return blocked(owner, `skipped: ${needed} (see ${owner})`, VERIFY.connection);
}

/**
 * A server that speaks only 2026-07-28 refuses the 2025 handshake on purpose: the checks of that
 * handshake do not apply to it (connection.protocol-era says what that means for clients).
 */
function modernOnly(t: Transcript, reason: string): Outcome<never> | null {
  if (serverEra(t) !== 'modern') return null;
  return notApplicable(
    `skipped: ${reason}: the server speaks only 2026-07-28, without the 2025 handshake (see connection.protocol-era)`,
  );
}

/** The handshake did not reach what this check judges: blocked on the check that reports why. */
export function blockedByHandshake(t: Transcript, reason: string): Outcome<never> {
  const modern = modernOnly(t, reason);
  if (modern) return modern;
  const verdict = handshakeVerdict(t);
  const owner = handshakeOwner(t, verdict);
  return blocked(
    owner,
    `skipped: ${reason} (see ${owner})`,
    verdict.kind === 'auth' ? VERIFY.signIn : VERIFY.connection,
  );
}

/** Why no MCP session was opened, as a reason that starts with what the dependent check needed. */
export function withoutSession(t: Transcript, needed: string): Outcome<never> {
  const verdict = handshakeVerdict(t);
  const owner = handshakeOwner(t, verdict);
  if (verdict.kind === 'auth') {
    return blocked(
      owner,
      `skipped: ${needed}: the server answered ${statusLine(verdict.exchange)} and asks for authorization first (see ${owner})`,
      VERIFY.signIn,
    );
  }
  if (outOfTime(t, 'initialize')) {
    return blocked(
      'connection.latency',
      `skipped: ${needed}: the run ran out of time`,
      VERIFY.time,
    );
  }
  return blocked(
    owner,
    `skipped: ${needed}: no MCP session was opened (see ${owner})`,
    VERIFY.connection,
  );
}

/** The session is open but `tools/list` did not complete, or never ran: every tool check waits on it. */
export function withoutListing(t: Transcript, needed = 'there is no tool list'): Outcome<never> {
  if (!t.mcp?.transport) return withoutSession(t, needed);
  if (t.listing?.pages.some((p) => p.error)) {
    return blocked(
      'tools.list',
      `skipped: ${needed}: tools/list failed (see tools.list)`,
      VERIFY.tools,
    );
  }
  if (outOfTime(t, 'tools')) {
    return blocked(
      'connection.latency',
      `skipped: ${needed}: the run ran out of time`,
      VERIFY.time,
    );
  }
  return blocked(
    'tools.list',
    `skipped: ${needed}: ${stepSummary(t, 'tools') ?? 'tools/list was not called'}`,
    VERIFY.tools,
  );
}

/** The tool list as far as it is usable by the checks: complete, or why not. */
export const listingComplete = (t: Transcript): boolean =>
  Boolean(t.listing) && !t.listing?.pages.some((p) => p.error);

/**
 * The 2026-07-28 leg for the checks that judge it, or why they cannot: they do not apply to a server
 * of the 2025 handshake alone, wait on sign-in when that leg asks for it, and on the connection when
 * neither era answered.
 */
export function modernLegOf(t: Transcript): { leg: ModernLeg } | { outcome: Outcome<never> } {
  const leg = t.mcp?.modern;
  if (leg) return { leg };
  if (legOutcome(t, 'modern') === 'denied') {
    return {
      outcome: blocked(
        'auth.challenge',
        'skipped: the 2026-07-28 leg asks for authorization first (see auth.challenge)',
        VERIFY.signIn,
      ),
    };
  }
  if (serverEra(t) === 'legacy') {
    return { outcome: notApplicable('skipped: the server does not speak 2026-07-28') };
  }
  return {
    outcome: blocked(
      'connection.protocol-era',
      'skipped: server/discover got no 2026-07-28 answer (see connection.protocol-era)',
      VERIFY.connection,
    ),
  };
}
