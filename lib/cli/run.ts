import { writeFile } from 'node:fs/promises';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { CLIENT_INFO } from '@/lib/probe/mcp';
import { renderReport, type FormatId } from '@/lib/report/formats';
import type { Step } from '@/lib/report/schema';
import { terminalSafe, wantsColor } from '@/lib/report/text-summary';
import { parseCommand, USAGE, UsageError } from './args';

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** The process around the CLI, passed in so a test can run it with its own streams. */
export interface CliIO {
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
  version: string;
}

/** Exit codes (the CI contract): 0 healthy, 1 not healthy (a row failed or is unverified), 2 could not run. */
export const EXIT = { healthy: 0, unhealthy: 1, cannotRun: 2 } as const;

const STEP_MARK: Record<Step['status'], string> = { ok: '✓', failed: '✗', skipped: '-' };

/**
 * `mcp-doctor <url> [options]`: the same diagnosis as the dashboard, without its server. The result
 * goes to stdout (text, JSON or JUnit); progress, when stderr is a terminal, and errors to stderr.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`mcp-doctor: ${error.message}\n\n${USAGE}`);
    return EXIT.cannotRun;
  }
  if (command.kind === 'help') {
    io.stdout.write(USAGE);
    return EXIT.healthy;
  }
  if (command.kind === 'version') {
    io.stdout.write(`${io.version}\n`);
    return EXIT.healthy;
  }

  const { target, options, outputs } = command;
  const onProgress = io.stderr.isTTY
    ? (step: Step) =>
        io.stderr.write(`  ${STEP_MARK[step.status]} ${step.id}: ${terminalSafe(step.summary)}\n`)
    : undefined;
  try {
    const report = await runHealthCheck(target, { options, ...(onProgress ? { onProgress } : {}) });
    if (options.repeat !== undefined && !report.latency) {
      io.stderr.write('mcp-doctor: --repeat: latency not measured, no MCP session was opened\n');
    }
    const render = (format: FormatId, color = false) =>
      renderReport(report, format, { color, creator: CLIENT_INFO }).body;
    const color = options.format === 'text' && wantsColor(io.stdout.isTTY, io.env);
    io.stdout.write(render(options.format, color));
    for (const output of outputs) {
      const body = render(output.format);
      await writeFile(output.file, body).catch((error: unknown) => {
        throw new Error(
          `--output ${output.format}=${output.file}: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    }
    return report.healthy ? EXIT.healthy : EXIT.unhealthy;
  } catch (error) {
    // The probe records what the server does; reaching here is a fault of the run itself.
    io.stderr.write(
      `mcp-doctor: could not run: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT.cannotRun;
  }
}
