import type { ReactNode } from 'react';
import type { Report } from '@/lib/report/schema';
import { AuthPanel } from '@/components/auth/auth-panel';
import { HashOpener } from '@/components/run/hash-opener';
import { Section } from '@/components/ui/section';
import { WidgetsPanel } from '@/components/widgets/widgets-panel';
import { CheckList } from './check-list';
import { ClientMatrix } from './client-matrix';
import { exchangeLabels } from './exchange-labels';
import { IssuesTable } from './issues-table';
import { LatencyPanel } from './latency-panel';
import { RawLog } from './raw-log';
import { ReportHeader, ServerFacts } from './report-header';
import { StepList } from './step-list';
import { ToolsPanel } from './tools-panel';

/**
 * A finished run, top to bottom: verdict, the issues table, the clients, `history` (what changed
 * since the previous run), checks, tools, widgets, auth, the log. `toolsShown`: a page of a long
 * tool list (lib/runs/page-view.ts) and the links to the others.
 */
export function ReportView({
  report,
  runId,
  toolsShown,
  history,
}: {
  report: Report;
  runId: string;
  toolsShown?: { tools: unknown[]; nav: ReactNode };
  history?: ReactNode;
}) {
  const problems = report.checks.filter((c) => c.status === 'fail' || c.status === 'error').length;
  return (
    <div className="space-y-10">
      <HashOpener />
      <ReportHeader report={report} runId={runId} />
      <p role="status" className="sr-only">
        Check finished:{' '}
        {problems === 0 ? 'no problems found' : `${problems} finding${problems === 1 ? '' : 's'}`}.
      </p>
      <Section
        id="issues"
        title="Connection issues"
        aside="As listed in ChatGPT's troubleshooting table"
      >
        <IssuesTable report={report} />
      </Section>
      <ClientMatrix report={report} />
      {history}
      <ServerFacts report={report} />
      <Section
        id="checks"
        title="Checks"
        aside={`${report.checks.length} run, ${problems} with findings`}
      >
        <CheckList
          rows={report.rows}
          checks={report.checks}
          labels={exchangeLabels(report.exchanges)}
        />
      </Section>
      <Section
        id="tools"
        title="Tools"
        aside={report.listing ? `${report.tools.length} listed` : null}
      >
        {toolsShown?.nav}
        <ToolsPanel
          report={toolsShown ? { ...report, tools: toolsShown.tools } : report}
          runId={runId}
        />
        {toolsShown?.nav}
      </Section>
      <LatencyPanel latency={report.latency} />
      <WidgetsPanel report={report} runId={runId} />
      <AuthPanel report={report} />
      <Section id="steps" title="Steps" aside={`${report.steps.length} steps`}>
        <StepList steps={report.steps} />
      </Section>
      <Section
        id="log"
        title="Raw log"
        aside={`${report.exchanges.length} exchanges · secrets redacted`}
      >
        <RawLog exchanges={report.exchanges} />
      </Section>
    </div>
  );
}
