// The check step of the GitHub Action (../action.yml): runs the installed mcp-doctor once with the
// step's inputs, prints its text report to the log, writes the JUnit file, adds the Markdown
// summary to the job summary and sets the step's outputs. It exits as the CLI does (0 healthy,
// 1 not healthy, 2 could not run), which passes or fails the job.
//
// Composite actions get no INPUT_* variables of their own; action.yml maps each input to the
// INPUT_<NAME> variable a JavaScript action would get, with `_` for `-`
// (https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax#inputs).
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI's arguments for these inputs, or the reason they cannot run. */
export function cliArgs(env, summaryFile) {
  const input = (name) => (env[`INPUT_${name}`] ?? '').trim();
  const url = input('URL');
  if (!url) return { error: 'the url input is required' };
  const strict = input('STRICT').toLowerCase();
  if (!['', 'true', 'false'].includes(strict)) {
    return { error: `the strict input must be true or false, got "${strict.slice(0, 20)}"` };
  }
  const args = [url, '--output', `markdown=${summaryFile}`];
  const junit = input('JUNIT');
  if (junit) args.push('--output', `junit=${junit}`);
  if (input('TOKEN')) args.push('--token', input('TOKEN'));
  for (const line of input('HEADERS').split('\n')) {
    if (line.trim()) args.push('--header', line.trim());
  }
  if (input('CLIENT')) args.push('--client', input('CLIENT'));
  if (input('EXPECT_TOOLS')) args.push('--expect-tools', input('EXPECT_TOOLS'));
  if (strict === 'true') args.push('--strict');
  return { args, junit: junit || null };
}

/** `name=value` lines for $GITHUB_OUTPUT (values here never hold a line break). */
function setOutputs(env, outputs) {
  if (!env.GITHUB_OUTPUT) return;
  const lines = Object.entries(outputs).map(([name, value]) => `${name}=${value}\n`);
  appendFileSync(env.GITHUB_OUTPUT, lines.join(''));
}

async function main(env) {
  const cli = env.MCP_DOCTOR_CLI;
  if (!cli || !existsSync(cli)) {
    console.log(`::error::mcp-doctor is not installed (MCP_DOCTOR_CLI=${cli ?? ''})`);
    return 2;
  }
  const work = mkdtempSync(path.join(env.RUNNER_TEMP || tmpdir(), 'mcp-doctor-'));
  const summaryFile = path.join(work, 'summary.md');
  try {
    const planned = cliArgs(env, summaryFile);
    if (planned.error) {
      console.log(`::error::${planned.error}`);
      return 2;
    }
    // Keeps a token given as plain text (not as a secret) out of the log.
    if (env.INPUT_TOKEN?.trim()) console.log(`::add-mask::${env.INPUT_TOKEN.trim()}`);
    // GitHub's log renders ANSI colours; NO_COLOR still wins (no-color.org).
    const childEnv = { ...env };
    if (!env.NO_COLOR) childEnv.FORCE_COLOR ??= '1';
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, [cli, ...planned.args], {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: childEnv,
      });
      child.on('error', (error) => {
        console.log(`::error::could not start mcp-doctor: ${error.message}`);
        resolve(2);
      });
      child.on('close', (status) => resolve(status ?? 2));
    });
    const wrote = existsSync(summaryFile);
    if (env.GITHUB_STEP_SUMMARY) {
      appendFileSync(
        env.GITHUB_STEP_SUMMARY,
        wrote
          ? readFileSync(summaryFile, 'utf8')
          : '## MCP Doctor could not run\n\nThe step log says why.\n',
      );
    }
    setOutputs(env, {
      healthy: String(code === 0),
      'exit-code': String(code),
      ...(planned.junit && wrote ? { junit: planned.junit } : {}),
    });
    return code;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.env);
}
