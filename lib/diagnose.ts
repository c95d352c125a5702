import { probe, type ProbeOptions } from '@/lib/probe/probe';
import type { Target } from '@/lib/probe/target';
import { buildReport } from '@/lib/report/build-report';
import type { Report } from '@/lib/report/schema';

/** The single entry point: probe → transcript → checks → report. */
export async function diagnose(target: Target, options: ProbeOptions = {}): Promise<Report> {
  return buildReport(await probe(target, options));
}
