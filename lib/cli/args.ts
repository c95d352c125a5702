import { parseArgs } from 'node:util';
import { parseCiOptions, type CiOptions, type CiOptionsInput } from '@/lib/diagnose/options';
import { CLIENT_IDS } from '@/lib/clients';
import { parseTarget, type Target } from '@/lib/probe/target';
import { SKIPPABLE_AREAS } from '@/lib/report/areas';
import { FORMAT_IDS, type FormatId } from '@/lib/report/formats';

/** What a command line asks for: help, the version, or a check. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'check';
      target: Target;
      options: CiOptions & { format: FormatId };
      /** Files to write the same report to, each in its own format (`--output junit=report.xml`). */
      outputs: Output[];
    };

/** One `--output <format>=<file>`. */
export interface Output {
  format: FormatId;
  file: string;
}

/** A command line that cannot run: exit code 2, the message and the usage on stderr. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const OPTIONS = {
  header: { type: 'string', short: 'H', multiple: true },
  token: { type: 'string' },
  json: { type: 'boolean' },
  junit: { type: 'boolean' },
  format: { type: 'string' },
  output: { type: 'string', multiple: true },
  strict: { type: 'boolean' },
  timeout: { type: 'string' },
  'expect-tools': { type: 'string', multiple: true },
  'min-tools': { type: 'string' },
  skip: { type: 'string', multiple: true },
  repeat: { type: 'string' },
  client: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** `--header "Name: value"`, as curl takes it. */
function parseHeaders(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  for (const raw of values) {
    const colon = raw.indexOf(':');
    if (colon <= 0) throw new UsageError(`--header "${raw.slice(0, 60)}" is not "Name: value"`);
    const name = raw.slice(0, colon).trim();
    if (seen.has(name.toLowerCase()))
      throw new UsageError(`--header ${name} is given more than once`);
    seen.add(name.toLowerCase());
    headers[name] = raw.slice(colon + 1).trim();
  }
  return headers;
}

/** `--output junit=report.xml`: split at the first `=`, since a path may hold one too. */
function parseOutputs(values: readonly string[]): Output[] {
  return values.map((raw) => {
    const equals = raw.indexOf('=');
    const format = raw.slice(0, Math.max(equals, 0));
    const file = raw.slice(equals + 1);
    if (equals <= 0 || file === '')
      throw new UsageError(`--output "${raw.slice(0, 60)}" is not "<format>=<file>"`);
    if (!(FORMAT_IDS as readonly string[]).includes(format))
      throw new UsageError(
        `--output ${format}: the format must be one of ${FORMAT_IDS.join(', ')}`,
      );
    return { format: format as FormatId, file };
  });
}

/**
 * Reads a command line with `node:util` parseArgs, then validates it with the same zod schemas as
 * the API (the target's and the CI options'), so both refuse the same inputs with the same words.
 */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains how to pass a positional that starts with "-"; the first sentence is the point.
    const message =
      error instanceof Error ? (error.message.split('. ')[0] ?? error.message) : String(error);
    throw new UsageError(message.replace(/\.$/, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  if (positionals.length === 0) throw new UsageError('give the MCP endpoint URL to check');
  if (positionals.length > 1) throw new UsageError(`one URL at a time (got ${positionals.length})`);
  const chosen = [
    ...(values.json ? ['json'] : []),
    ...(values.junit ? ['junit'] : []),
    ...(values.format !== undefined ? [values.format] : []),
  ];
  if (chosen.length > 1) throw new UsageError('--json, --junit and --format cannot be combined');

  const ci: CiOptionsInput = {
    ...(values.strict ? { strict: true } : {}),
    ...(values.timeout !== undefined ? { timeoutMs: values.timeout } : {}),
    ...(values['expect-tools'] ? { expectTools: values['expect-tools'].join(',') } : {}),
    ...(values['min-tools'] !== undefined ? { minTools: values['min-tools'] } : {}),
    ...(values.skip ? { skip: values.skip.join(',') } : {}),
    ...(values.repeat !== undefined ? { repeat: values.repeat } : {}),
    // Checked against the formats table by parseCiOptions below, like every other value here.
    ...(values.client ? { client: values.client.join(',') } : {}),
    format: (chosen[0] ?? 'text') as FormatId,
  };
  const options = parseCiOptions(ci);
  if (!options.ok) throw new UsageError(cliWords(options.message));

  const target = parseTarget({
    url: positionals[0],
    headers: parseHeaders(values.header ?? []),
    ...(values.token !== undefined ? { token: values.token } : {}),
    ...(options.options.timeoutMs !== undefined ? { timeoutMs: options.options.timeoutMs } : {}),
  });
  if (!target.ok) throw new UsageError(target.message);

  const format = options.options.format ?? 'text';
  return {
    kind: 'check',
    target: target.target,
    options: { ...options.options, format },
    outputs: parseOutputs(values.output ?? []),
  };
}

const FLAG_NAMES: Record<string, string> = {
  timeoutMs: '--timeout',
  expectTools: '--expect-tools',
  minTools: '--min-tools',
  repeat: '--repeat',
  skip: '--skip',
  format: '--format',
  client: '--client',
};

/** The shared schemas speak of `minTools`; a command line user typed `--min-tools`. */
function cliWords(message: string): string {
  return message.replace(
    /\b(timeoutMs|expectTools|minTools|repeat|skip|format|client)\b/g,
    (name) => FLAG_NAMES[name] ?? name,
  );
}

export const USAGE = `Usage: mcp-doctor <url> [options]
       mcp-doctor mcp              serve these checks as MCP tools over stdio (see mcp --help)

Checks an MCP endpoint the way ChatGPT connects to it, and says what to fix.

Options:
  -H, --header "Name: value"  send this header with every request (repeatable)
      --token <token>         send "Authorization: Bearer <token>"
      --json                  print the whole report as JSON
      --junit                 print JUnit XML (one suite per row, one case per check)
      --format <format>       ${FORMAT_IDS.join(', ')} (--json and --junit are short for two)
      --output <format>=<file>  also write the report to a file in that format (repeatable),
                              e.g. --output junit=mcp-doctor.xml --output markdown=summary.md
      --strict                fail on warnings too
      --timeout <ms>          time budget of the diagnosis, and of --repeat's samples (1000–120000,
                              default 45000)
      --expect-tools <a,b>    fail when one of these tools is not listed
      --min-tools <n>         fail when fewer tools are listed
      --skip <areas>          leave out ${SKIPPABLE_AREAS.join(', ')} (comma-separated;
                              skipping tools skips widgets, which tools declare)
      --repeat <n>            also time the handshake and tools/list in n new sessions (1–20)
      --client <ids>          judge the exit code by these clients' verdicts instead of ChatGPT's
                              table (comma-separated or repeated): ${CLIENT_IDS.join(', ')}
  -h, --help                  show this help
  -v, --version               show the version

Exit codes: 0 healthy, 1 a row failed or could not be verified (sign in or pass --token when
auth blocks it), 2 could not run (bad arguments, a file that cannot be written). With --client: 0 when every named client's
verdict is works (or degraded, unless --strict); 1 when one is blocked, unknown, or degraded under
--strict.
`;
