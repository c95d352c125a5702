import { CLIENT_PROFILES } from '@/lib/clients';
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cliArgs } from '@/action/run-check.mjs';
import { ReportSchema } from '@/lib/report/schema';
import { handleMcpRequest } from '@/lib/samples/handler';
import { healthyServer } from '@/lib/samples/healthy';
import { serveWeb, type Running } from '@/test/fixtures/servers';

/**
 * The npm package as people get it: packed from a clean copy of the sources (so `prepack` builds
 * the bundle, as `npm pack` in a fresh clone does), installed into an empty directory with
 * production dependencies only and no registry, run with npx, and run by the GitHub Action's
 * check step with the environment GitHub gives it. Everything talks to a loopback fixture.
 */
const root = path.resolve(import.meta.dirname, '../..');
const ROW_TITLES = ['Connection fails', 'Tools not showing', 'Widget not rendering', 'Auth errors'];
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
};

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

let work: string;
/** npm's settings from a surrounding `npm test` (prefix, cache…) must not leak into these runs. */
let cleanEnv: NodeJS.ProcessEnv;

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  return new Promise<Result>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...cleanEnv, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function parseReport(stdout: string) {
  const parsed = ReportSchema.safeParse(JSON.parse(stdout));
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

describe('the npm package', { timeout: 300_000 }, () => {
  let server: Running;
  const received: Headers[] = [];
  let tarball: string;
  let packed: string[];
  let installedBin: string;

  beforeAll(async () => {
    cleanEnv = { ...process.env };
    for (const name of Object.keys(cleanEnv)) if (/^npm_/i.test(name)) delete cleanEnv[name];
    work = mkdtempSync(path.join(tmpdir(), 'mcp-doctor-package-'));
    Object.assign(cleanEnv, {
      npm_config_cache: path.join(work, 'npm-cache'),
      npm_config_update_notifier: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      MCP_DOCTOR_BLOCK_PRIVATE: '',
      NO_COLOR: '1',
    });
    server = await serveWeb((request) => {
      received.push(new Headers(request.headers));
      return handleMcpRequest(request, healthyServer);
    });

    // A clean copy of what the build reads: no dist/, the installed node_modules linked in.
    const source = path.join(work, 'source');
    mkdirSync(source);
    for (const entry of ['bin', 'lib', 'scripts', 'package.json', 'tsconfig.json', 'README.md']) {
      cpSync(path.join(root, entry), path.join(source, entry), { recursive: true });
    }
    symlinkSync(path.join(root, 'node_modules'), path.join(source, 'node_modules'), 'dir');
    const pack = await run('npm', ['pack', '--json', '--pack-destination', work], source);
    if (pack.code !== 0) throw new Error(`npm pack failed: ${pack.stderr.slice(-2000)}`);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    if (!info) throw new Error('npm pack printed no package');
    tarball = info.filename;
    packed = info.files.map((f) => f.path).sort();

    const app = path.join(work, 'app');
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), '{ "name": "consumer", "private": true }\n');
    const install = await run(
      'npm',
      ['install', '--omit=dev', '--offline', path.join(work, tarball)],
      app,
    );
    if (install.code !== 0) throw new Error(`npm install failed: ${install.stderr.slice(-2000)}`);
    installedBin = path.join(app, 'node_modules/mcp-doctor/bin/mcp-doctor.mjs');
    // Packing builds the bundle and warms its code cache with a diagnosis: slow on a busy machine.
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('holds the launcher, the prebuilt bundle and its code cache, and nothing else', () => {
    expect(tarball).toBe(`mcp-doctor-${version}.tgz`);
    expect(packed).toEqual([
      'README.md',
      'bin/mcp-doctor.mjs',
      `dist/cli-v8-${process.versions.v8}.cache`,
      'dist/cli.cjs',
      'package.json',
    ]);
  });

  it('installs with production dependencies only, and runs with no build on first use', async () => {
    // Nothing but the package itself: the bundle carries every dependency.
    expect(
      readdirSync(path.join(work, 'app/node_modules')).filter((d) => !d.startsWith('.')),
    ).toEqual(['mcp-doctor']);
    const { code, stdout, stderr } = await run(
      process.execPath,
      [path.join(work, 'app/node_modules/.bin/mcp-doctor'), server.url, '--json'],
      path.join(work, 'app'),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = parseReport(stdout);
    expect(report.tools).toHaveLength(3);
    expect(report.rows.map((r) => r.title)).toEqual(ROW_TITLES);
    expect(existsSync(path.join(work, 'app/node_modules/mcp-doctor/scripts'))).toBe(false);
  });

  it('runs with npx <tarball> <url>', async () => {
    const { code, stdout } = await run(
      'npx',
      ['--yes', '--offline', `./${tarball}`, server.url],
      work,
    );
    expect(code).toBe(0);
    for (const title of ROW_TITLES) expect(stdout).toContain(title);
    expect(stdout).toMatch(/\nHealthy: 0 errors/);
  });

  describe('the GitHub Action check step (action/run-check.mjs)', () => {
    /** Runs the step as action.yml does: its env block, and the files GitHub provides. */
    async function step(inputs: Record<string, string>) {
      const workspace = mkdtempSync(path.join(work, 'workspace-'));
      const summary = path.join(workspace, 'step-summary.md');
      const outputs = path.join(workspace, 'github-output');
      writeFileSync(summary, '');
      writeFileSync(outputs, '');
      const result = await run(
        process.execPath,
        [path.join(root, 'action/run-check.mjs')],
        workspace,
        {
          GITHUB_ACTION_PATH: root,
          GITHUB_STEP_SUMMARY: summary,
          GITHUB_OUTPUT: outputs,
          GITHUB_WORKSPACE: workspace,
          RUNNER_TEMP: workspace,
          MCP_DOCTOR_CLI: installedBin,
          INPUT_TOKEN: '',
          INPUT_HEADERS: '',
          INPUT_CLIENT: '',
          INPUT_EXPECT_TOOLS: '',
          INPUT_STRICT: 'false',
          INPUT_JUNIT: 'mcp-doctor.xml',
          ...inputs,
        },
      );
      const outputLines = readFileSync(outputs, 'utf8').trim().split('\n').filter(Boolean);
      return {
        ...result,
        workspace,
        summary: readFileSync(summary, 'utf8'),
        outputs: Object.fromEntries(outputLines.map((l) => l.split(/=(.*)/s).slice(0, 2))),
      };
    }

    it('passes a healthy server: JUnit written, the summary has the four rows, outputs set', async () => {
      received.length = 0;
      const result = await step({
        INPUT_URL: server.url,
        INPUT_TOKEN: 'token-7f3a',
        INPUT_HEADERS: 'X-Api-Key: key-19c2\n',
        INPUT_EXPECT_TOOLS: 'search_recipes',
        // ChatGPT and Claude cannot reach a loopback server; editors on this machine can.
        INPUT_CLIENT: 'vscode,cursor',
      });
      expect(result.code).toBe(0);
      expect(result.outputs).toEqual({
        healthy: 'true',
        'exit-code': '0',
        junit: 'mcp-doctor.xml',
      });
      const junit = readFileSync(path.join(result.workspace, 'mcp-doctor.xml'), 'utf8');
      expect(XMLValidator.validate(junit)).toBe(true);
      const doc = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        isArray: (n) => n === 'testsuite',
      }).parse(junit);
      const suites = doc.testsuites.testsuite.map((s: { name: string }) => s.name);
      // One suite per row, then one per client profile.
      expect(suites.slice(0, ROW_TITLES.length)).toEqual(ROW_TITLES);
      expect(suites.slice(ROW_TITLES.length)).toEqual(
        CLIENT_PROFILES.map((profile) => `Client: ${profile.name}`),
      );
      expect(result.summary.split('\n')[0]).toBe('## MCP Doctor: ✅ healthy');
      for (const title of ROW_TITLES) expect(result.summary).toContain(`| ${title} |`);
      expect(result.summary).toMatch(/### Clients\n[^]*\n\| ChatGPT \| .+\n\| Claude \| /);
      // The text report is in the log; the token is masked there and shown nowhere else.
      expect(result.stdout).toContain('::add-mask::token-7f3a');
      for (const title of ROW_TITLES) expect(result.stdout).toContain(title);
      expect(result.stdout.replace('::add-mask::token-7f3a', '')).not.toContain('token-7f3a');
      expect(result.summary).not.toContain('token-7f3a');
      expect(junit).not.toContain('token-7f3a');
      // What the server received: the token and the header from the inputs.
      const posts = received.filter((h) => h.get('authorization'));
      expect(posts.length).toBeGreaterThan(0);
      expect(posts.every((h) => h.get('authorization') === 'Bearer token-7f3a')).toBe(true);
      expect(posts.every((h) => h.get('x-api-key') === 'key-19c2')).toBe(true);
    });

    it('fails the job when an expected tool is missing, with the check and its fix in the summary', async () => {
      const result = await step({ INPUT_URL: server.url, INPUT_EXPECT_TOOLS: 'delete_recipe' });
      expect(result.code).toBe(1);
      expect(result.outputs.healthy).toBe('false');
      expect(result.outputs['exit-code']).toBe('1');
      expect(result.summary.split('\n')[0]).toBe('## MCP Doctor: ❌ not healthy');
      expect(result.summary).toMatch(/- \*\*error\*\* `tools\.expected` .*delete\\_recipe/);
      expect(result.summary).toContain('  - Fix: ');
    });

    it.each([
      [{ INPUT_URL: '' }, 'the url input is required'],
      [{ INPUT_URL: 'http://127.0.0.1:9/mcp', INPUT_STRICT: 'yes' }, 'the strict input must be'],
    ])('exits 2 on inputs that cannot run: %j', async (inputs, message) => {
      const result = await step(inputs);
      expect(result.code).toBe(2);
      expect(result.stdout).toContain(`::error::${message}`);
      expect(result.outputs).toEqual({});
    });
  });
});

describe('cliArgs (the Action inputs as CLI arguments)', () => {
  it('passes every input through, the client list as --client', () => {
    expect(
      cliArgs(
        {
          INPUT_URL: ' https://example.com/mcp ',
          INPUT_TOKEN: 't',
          INPUT_HEADERS: 'A: 1\n\n  B: 2  \n',
          INPUT_CLIENT: 'chatgpt,claude',
          INPUT_EXPECT_TOOLS: 'a,b',
          INPUT_STRICT: 'true',
          INPUT_JUNIT: 'out.xml',
        },
        '/tmp/s.md',
      ),
    ).toEqual({
      args: [
        'https://example.com/mcp',
        '--output',
        'markdown=/tmp/s.md',
        '--output',
        'junit=out.xml',
        '--token',
        't',
        '--header',
        'A: 1',
        '--header',
        'B: 2',
        '--client',
        'chatgpt,claude',
        '--expect-tools',
        'a,b',
        '--strict',
      ],
      junit: 'out.xml',
    });
  });

  it('leaves out what is empty: no JUnit file, no strict', () => {
    expect(
      cliArgs({ INPUT_URL: 'https://example.com/mcp', INPUT_STRICT: 'false' }, 's.md'),
    ).toEqual({
      args: ['https://example.com/mcp', '--output', 'markdown=s.md'],
      junit: null,
    });
  });
});

describe('action.yml', () => {
  const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { required?: boolean; default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: { id?: string; run: string; env?: Record<string, string> }[] };
  };
  const check = action.runs.steps.find((s) => s.id === 'check');

  it('is a composite action whose check step runs the tested script', () => {
    expect(action.runs.using).toBe('composite');
    expect(check?.run).toBe('node "$GITHUB_ACTION_PATH/action/run-check.mjs"');
    expect(check?.env?.MCP_DOCTOR_CLI).toBe(
      '${{ runner.temp }}/mcp-doctor/node_modules/mcp-doctor/bin/mcp-doctor.mjs',
    );
  });

  it('hands every input but version to the check step as INPUT_<NAME>, as the test sets them', () => {
    const names = Object.keys(action.inputs).filter((name) => name !== 'version');
    expect(names).toEqual(['url', 'token', 'headers', 'client', 'expect-tools', 'strict', 'junit']);
    for (const name of names) {
      const variable = `INPUT_${name.toUpperCase().replaceAll('-', '_')}`;
      expect(check?.env?.[variable]).toBe(`\${{ inputs.${name} }}`);
    }
    expect(action.inputs.url?.required).toBe(true);
  });

  it('answers the outputs the check step writes', () => {
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.value).toBe(`\${{ steps.check.outputs.${name} }}`);
    }
    expect(Object.keys(action.outputs)).toEqual(['healthy', 'exit-code', 'junit']);
  });
});
