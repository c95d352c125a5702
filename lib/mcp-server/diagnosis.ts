import { z } from 'zod';
import { ClientVerdictSchema } from '@/lib/clients/verdict';
import { blocks, orderChecks, warns } from '@/lib/diagnose/summarize';
import type { CheckResult, Report } from '@/lib/report/schema';
import { plural } from '@/lib/text/plural';
import {
  MAX_ITEMS_PER_CHECK,
  MAX_REASONS_PER_CLIENT,
  type ClientVerdictSummary,
  type Diagnosis,
  type FailingCheck,
} from './schemas';

const failed = (c: CheckResult) => c.status === 'fail' || c.status === 'error';

function failingCheck(check: CheckResult): FailingCheck {
  return {
    id: check.id,
    area: check.area,
    title: check.title,
    status: check.status === 'error' ? 'error' : 'fail',
    severity: check.severity,
    code: check.code,
    message: check.message,
    fix: check.fix,
    docs: check.docs,
    items: check.items
      .slice(0, MAX_ITEMS_PER_CHECK)
      .map(({ subject, detail }) => ({ subject, detail })),
    moreItems: Math.max(0, check.items.length - MAX_ITEMS_PER_CHECK),
  };
}

/**
 * The per-client verdicts, when the report carries them (issue 13 adds `clients` to the report).
 * Read by shape rather than by type so this keeps working on either side of that change, and
 * reports without them (older runs, this version) simply have none.
 */
export function clientsOf(report: Report): ClientVerdictSummary[] | undefined {
  const parsed = z
    .array(ClientVerdictSchema)
    .safeParse((report as Report & { clients?: unknown }).clients);
  if (!parsed.success) return undefined;
  return parsed.data.map((c) => ({
    id: c.id,
    name: c.name,
    verdict: c.verdict,
    reasons: c.reasons.slice(0, MAX_REASONS_PER_CLIENT).map((r) => ({
      outcome: r.outcome,
      message: r.message,
      ...(r.check ? { check: r.check } : {}),
    })),
  }));
}

/**
 * What `diagnose_endpoint` answers as `structuredContent`: the report's verdict and rows as they
 * are, its failing checks (errors first, then warnings, then notes) with their fixes, and where the
 * whole report lives. Everything in it comes from the saved report, which the probe has already
 * redacted: no token or header value can appear.
 */
export function diagnosisOf(
  report: Report,
  run: { id: string; permalink: string | null },
): Diagnosis {
  const errors = report.checks.filter(blocks).length;
  const warnings = report.checks.filter(warns).length;
  const notes = report.checks.filter((c) => failed(c) && !blocks(c) && !warns(c)).length;
  const unverified = report.rows.filter((r) => r.status === 'unverified').map((r) => r.title);
  const counts = [
    plural(errors, 'error'),
    plural(warnings, 'warning'),
    ...(unverified.length ? [`${unverified.join(', ')} not verified`] : []),
  ].join(', ');
  const clients = clientsOf(report);
  return {
    runId: run.id,
    url: report.url,
    permalink: run.permalink,
    status: report.status,
    healthy: report.healthy,
    verdict: `${report.healthy ? 'Healthy' : 'Not healthy'}: ${counts}.`,
    counts: {
      errors,
      warnings,
      notes,
      passed: report.checks.filter((c) => c.status === 'pass').length,
      skipped: report.checks.filter((c) => c.status === 'skipped').length,
    },
    rows: report.rows,
    failing: orderChecks(report.checks.filter(failed)).map(failingCheck),
    ...(clients ? { clients } : {}),
    server: {
      name: report.server.name,
      version: report.server.version,
      protocolVersion: report.server.protocolVersion,
      era: report.server.era,
      transport: report.server.transport,
    },
    startedAt: report.startedAt,
    durationMs: report.durationMs,
  };
}
