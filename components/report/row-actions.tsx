import type { Report, Row } from '@/lib/report/schema';
import { CheckUrlButton } from '@/components/check/check-url-button';
import { shortPath } from '@/lib/log/waterfall';

/**
 * The fix of a row as something to do, when it can be done from here: check the URL the probe
 * found answering MCP instead of the one given; sign in when authorization kept the tools unlisted.
 */
export function RowActions({ row, report }: { row: Row; report: Report }) {
  if (row.id === 'connection' && row.status === 'fail') {
    const found = report.mcp?.attempts.find((a) => a.guessed && a.ok)?.url;
    if (found && found !== report.url) {
      return <CheckUrlButton url={found} label={`Check ${shortPath(found)} instead`} />;
    }
  }
  if (row.id === 'tools' && row.status === 'unverified' && report.auth?.required) {
    return (
      <a
        href="#sign-in"
        className="inline-block rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-slate-700"
      >
        Sign in to list tools
      </a>
    );
  }
  return null;
}
