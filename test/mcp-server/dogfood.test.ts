import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { serveMcp } from '@/lib/mcp-server/http';
import { REPORT_WIDGET_URI } from '@/lib/mcp-server/widget/resource';
import { parseTarget } from '@/lib/probe/target';
import type { Report } from '@/lib/report/schema';
import { serveWeb, type Running } from '@/test/fixtures/servers';

/**
 * Dogfood: MCP Doctor's own diagnosis of its own /mcp endpoint, served on a loopback port as the
 * app serves it. Every check must pass or not apply; the only findings allowed are the two a
 * loopback address cannot avoid (ChatGPT cannot reach it, and it is not HTTPS).
 */
const LOOPBACK_ONLY = new Set(['connection.public', 'connection.https']);
/** Judged by the clock, which a loaded machine moves: timing targets live in `npm run bench`. */
const TIMED = new Set(['connection.latency']);

describe('MCP Doctor diagnosing its own /mcp', { timeout: 60_000 }, () => {
  let server: Running;
  let report: Report;
  const saved = process.env.MCP_DOCTOR_ORIGIN;

  beforeAll(async () => {
    server = await serveWeb(serveMcp);
    // The widget's domain is the dashboard's origin: here, the loopback server's.
    process.env.MCP_DOCTOR_ORIGIN = server.origin;
    const target = parseTarget({ url: server.url });
    if (!target.ok) throw new Error(target.message);
    report = await runHealthCheck(target.target);
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.MCP_DOCTOR_ORIGIN;
    else process.env.MCP_DOCTOR_ORIGIN = saved;
    await server?.close();
  });

  it('passes every check, the loopback warnings aside', () => {
    const findings = report.checks.filter(
      (c) => c.status !== 'pass' && !(c.status === 'skipped' && c.skip?.cause === 'not-applicable'),
    );
    for (const finding of findings.filter((f) => !TIMED.has(f.id))) {
      expect(LOOPBACK_ONLY.has(finding.id), `${finding.id}: ${finding.message}`).toBe(true);
      expect(finding).toMatchObject({ status: 'fail', severity: 'warning' });
    }
    expect(report.healthy).toBe(true);
    // Both protocol eras: 2026-07-28 through server/discover, and the 2025 handshake.
    expect(report.server.era).toBe('dual');
    for (const id of ['connection.discover', 'connection.protocol-era', 'connection.era-parity']) {
      expect(report.checks.find((c) => c.id === id)?.status, id).toBe('pass');
    }
    expect(report.rows.map((r) => [r.id, r.status])).toEqual([
      ['connection', 'warn'],
      ['tools', 'pass'],
      ['widgets', 'pass'],
      ['auth', 'skipped'],
    ]);
  });

  it('lists the five tools with output schemas, titles and truthful annotations', () => {
    const tools = report.tools as {
      name: string;
      title?: string;
      outputSchema?: { type?: string };
      annotations?: Record<string, boolean>;
    }[];
    expect(tools.map((t) => t.name).sort()).toEqual([
      'diagnose_endpoint',
      'explain_check',
      'get_run',
      'list_checks',
      'list_runs',
    ]);
    for (const tool of tools) {
      expect(tool.title).toBeTruthy();
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.annotations?.readOnlyHint).toBe(true);
      // Only the diagnosis dials out; the others read MCP Doctor's own runs and checks.
      expect(tool.annotations?.openWorldHint).toBe(tool.name === 'diagnose_endpoint');
    }
    for (const id of [
      'tools.output-schema',
      'tools.annotations',
      'tools.invocation-text',
      'tools.description',
    ]) {
      expect(report.checks.find((c) => c.id === id)?.status, id).toBe('pass');
    }
  });

  it('declares the report widget in both standards and serves it as an MCP App, with CSP and domain in both', () => {
    const widget = report.widgets?.widgets.find((w) => w.tool === 'diagnose_endpoint');
    expect(widget?.standards).toEqual(['apps-sdk', 'mcp-apps']);
    expect(widget?.declarations.map((d) => [d.key, d.uri])).toEqual([
      ['ui.resourceUri', REPORT_WIDGET_URI],
      ['openai/outputTemplate', REPORT_WIDGET_URI],
    ]);
    const template = report.widgets?.templates.find((t) => t.uri === REPORT_WIDGET_URI);
    expect(template?.content?.mimeType).toBe('text/html;profile=mcp-app');
    expect(widget?.csp.map((c) => c.key).sort()).toEqual(['openai/widgetCSP', 'ui.csp']);
    expect(widget?.domain.map((d) => [d.key, d.value]).sort()).toEqual([
      ['openai/widgetDomain', server.origin],
      ['ui.domain', server.origin],
    ]);
    for (const id of [
      'widgets.mime-type',
      'widgets.declarations-agree',
      'widgets.host-coverage',
      'widgets.csp',
      'widgets.domain',
      'widgets.html',
      'widgets.external-assets',
    ]) {
      expect(report.checks.find((c) => c.id === id)?.status, id).toBe('pass');
    }
  });
});
