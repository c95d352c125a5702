import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_PROFILES } from '@/lib/clients';
import { reportJsonSchema } from '@/lib/report/json-schema';
import { toJUnit } from '@/lib/report/junit';
import { LatencySchema } from '@/lib/report/latency-schema';
import { markdownSummary } from '@/lib/report/markdown-summary';
import { ReportSchema } from '@/lib/report/schema';
import { handleMcpRequest } from '@/lib/samples/handler';
import { healthyServer } from '@/lib/samples/healthy';
import { handleHtmlPage } from '@/lib/samples/html-page';
import { serveWeb, type Running } from '@/test/fixtures/servers';

/**
 * The built CLI as CI runs it: `node bin/mcp-doctor.mjs …` in a child process, against real SDK
 * servers (and a web page posing as one) on loopback ports.
 */
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/mcp-doctor.mjs');
const bundle = path.join(root, 'dist/cli.cjs');
const ROW_TITLES = ['Connection fails', 'Tools not showing', 'Widget not rendering', 'Auth errors'];
const ESC = '\u001b';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawned, not spawnSync: the servers answer from this process's event loop. */
function cli(args: string[], env: Record<string, string> = {}, cwd = root): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: {
        ...process.env,
        NO_COLOR: '',
        FORCE_COLOR: undefined,
        MCP_DOCTOR_BLOCK_PRIVATE: '',
        ...env,
      },
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

/** A port nothing listens on: bound, read, released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

// Each case starts real processes; on a loaded machine one run can take seconds.
describe('mcp-doctor CLI', { timeout: 120_000 }, () => {
  let healthy: Running;
  let html: Running;
  const received: { method: string; headers: Headers }[] = [];

  beforeAll(async () => {
    // Records what the CLI sent, then serves the healthy sample.
    healthy = await serveWeb((request) => {
      received.push({ method: request.method, headers: new Headers(request.headers) });
      return handleMcpRequest(request, healthyServer);
    });
    html = await serveWeb(handleHtmlPage);
    // Start from no bundle: the first run must build it (see the first test).
    rmSync(bundle, { force: true });
  });
  afterAll(async () => {
    await healthy?.close();
    await html?.close();
  });

  it(
    'builds the bundle on first use, saying so on stderr, and then runs, started from another directory',
    { timeout: 180_000 },
    async () => {
      const { code, stdout, stderr } = await cli(['--version'], {}, tmpdir());
      expect(stderr).toContain('dist/cli.cjs is missing; building it once');
      expect(code).toBe(0);
      const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        version: string;
      };
      expect(stdout).toBe(`${version}\n`);
      expect(existsSync(bundle)).toBe(true);
      expect(existsSync(path.join(root, `dist/cli-v8-${process.versions.v8}.cache`))).toBe(true);
    },
  );

  it('exits 0 on a healthy server and prints the four rows', async () => {
    const { code, stdout, stderr } = await cli([healthy.url]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const title of ROW_TITLES) expect(stdout).toContain(title);
    expect(stdout).toContain('sample-healthy 1.0.0');
    expect(stdout).toContain('3 tools');
    expect(stdout).toMatch(/\nHealthy: 0 errors/);
    // Not a terminal, so no colour.
    expect(stdout).not.toContain(ESC);
  });

  it('prints a report that parses as a Report and validates against the published JSON Schema', async () => {
    const { code, stdout } = await cli([healthy.url, '--json']);
    expect(code).toBe(0);
    const report = parseReport(stdout);
    expect(report.url).toBe(healthy.url);
    expect(report.tools).toHaveLength(3);
    expect(report.rows.map((r) => r.title)).toEqual(ROW_TITLES);
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    // The client verdicts' sources declare `format: uri` and `format: date`.
    addFormats(ajv);
    const validate = ajv.compile(reportJsonSchema());
    expect(validate(JSON.parse(stdout)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('prints JUnit XML with one suite per row, then one per client', async () => {
    const { code, stdout } = await cli([healthy.url, '--junit']);
    expect(code).toBe(0);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => n === 'testsuite',
    }).parse(stdout);
    expect(doc.testsuites.testsuite.map((s: { name: string }) => s.name)).toEqual([
      ...ROW_TITLES,
      ...CLIENT_PROFILES.map((p) => `Client: ${p.name}`),
    ]);
    // The loopback warning (connection.public) is a failing case; errors would be too; and so is
    // each client rule that blocks (ChatGPT and Claude cannot reach a loopback server).
    const report = parseReport((await cli([healthy.url, '--json'])).stdout);
    const failing = report.checks.filter((c) => c.status === 'fail' && c.severity !== 'info');
    const blocked = report.clients.flatMap((c) => c.reasons).filter((r) => r.outcome === 'blocked');
    expect(blocked.length).toBeGreaterThan(0);
    expect(Number(doc.testsuites.failures)).toBe(failing.length + blocked.length);
    expect(doc.testsuites.errors).toBe('0');
  });

  it('exits 1 when the URL serves a web page, naming the check that failed', async () => {
    const text = await cli([html.url]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('connection.content-type');
    expect(text.stdout).toMatch(/Not healthy: [1-9]\d* errors?/);
    const json = await cli([html.url, '--json']);
    expect(json.code).toBe(1);
    const report = parseReport(json.stdout);
    expect(report.status).toBe('fail');
    expect(report.checks.find((c) => c.id === 'connection.content-type')?.status).toBe('fail');
    const junit = await cli([html.url, '--junit']);
    expect(junit.code).toBe(1);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    expect(junit.stdout).toContain('<failure');
  });

  it('exits 1, not 2, when nothing listens on the port: the server is down, the check ran', async () => {
    const { code, stdout } = await cli([`http://127.0.0.1:${await closedPort()}/mcp`, '--json']);
    expect(code).toBe(1);
    expect(parseReport(stdout).checks.find((c) => c.id === 'connection.tcp')?.status).toBe('fail');
  });

  it('applies the CI options: expected tools, minimum count, skipped areas', async () => {
    const missing = await cli([
      healthy.url,
      '--json',
      '--expect-tools',
      'search_recipes,delete_recipe',
    ]);
    expect(missing.code).toBe(1);
    const check = parseReport(missing.stdout).checks.find((c) => c.id === 'tools.expected');
    expect(check?.items.map((i) => i.subject)).toEqual(['delete_recipe']);

    const present = await cli([
      healthy.url,
      '--json',
      '--expect-tools',
      'search_recipes',
      '--expect-tools',
      'get_recipe',
      '--min-tools',
      '3',
      '--skip',
      'auth,widgets',
    ]);
    expect(present.code).toBe(0);
    const report = parseReport(present.stdout);
    expect(
      report.checks
        .filter((c) => c.id === 'tools.expected' || c.id === 'tools.min-count')
        .map((c) => c.status),
    ).toEqual(['pass', 'pass']);
    expect(report.rows.filter((r) => r.status === 'skipped').map((r) => [r.id, r.summary])).toEqual(
      [
        ['widgets', 'skipped on request'],
        ['auth', 'skipped on request'],
      ],
    );
    expect(
      report.checks
        .filter((c) => c.area === 'auth' || c.area === 'widgets')
        .every((c) => c.skip?.cause === 'on-request'),
    ).toBe(true);

    const tooFew = await cli([healthy.url, '--min-tools', '4']);
    expect(tooFew.code).toBe(1);
    expect(tooFew.stdout).toContain('3 tools listed; at least 4 expected.');
  });

  it('fails on warnings only with --strict', async () => {
    // A loopback server is unreachable for ChatGPT: connection.public warns about it.
    const lenient = await cli([healthy.url, '--json']);
    const report = parseReport(lenient.stdout);
    expect(report.checks.some((c) => c.status === 'fail' && c.severity === 'warning')).toBe(true);
    expect(lenient.code).toBe(0);
    const strict = await cli([healthy.url, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('(strict: warnings fail)');
  });

  it('judges the exit code by the client --client names, and lists every verdict', async () => {
    // A loopback server: ChatGPT cannot reach it; VS Code, on the user's machine, can.
    const chatgpt = await cli([healthy.url, '--client', 'chatgpt']);
    expect(chatgpt.code).toBe(1);
    expect(chatgpt.stdout).toMatch(/\nNot healthy for ChatGPT \(blocked\): /);
    const vscode = await cli([healthy.url, '--client', 'vscode', '--json']);
    expect(vscode.code).toBe(0);
    const report = parseReport(vscode.stdout);
    expect(report.request?.client).toEqual(['vscode']);
    expect(report.clients.find((c) => c.id === 'vscode')?.verdict).toBe('works');
    expect(report.clients.find((c) => c.id === 'chatgpt')?.verdict).toBe('blocked');
    // Several clients: every one must pass.
    const both = await cli([healthy.url, '--client', 'vscode,cursor', '--client', 'chatgpt']);
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(
      /\nNot healthy for ChatGPT \(blocked\), VS Code \(works\), Cursor \(works\): /,
    );
    expect((await cli([healthy.url, '--client', 'vscode,cursor'])).code).toBe(0);
    // Without --client the rows decide, as before: the loopback warning alone passes.
    const text = (await cli([healthy.url])).stdout;
    expect(text).toMatch(/\nClients\n {2}✗ BLOCKED {4}ChatGPT {16}/);
    expect(text).toMatch(/\n {2}✓ WORKS {6}VS Code /);
  });

  it('measures latency over --repeat new sessions', async () => {
    const json = await cli([healthy.url, '--json', '--repeat', '3']);
    expect(json.code).toBe(0);
    const latency = LatencySchema.parse(JSON.parse(json.stdout).latency);
    expect(latency.methods.map((m) => [m.method, m.samples, m.failures])).toEqual([
      ['initialize', 3, 0],
      ['tools/list', 3, 0],
    ]);
    const text = await cli([healthy.url, '--repeat', '2']);
    expect(text.stdout).toContain('Latency (2 samples, a new session each)');
  });

  it('sends the given headers and token, and shows neither value', async () => {
    received.length = 0;
    const { code, stdout } = await cli([
      healthy.url,
      '--json',
      '--header',
      'X-Api-Key: key-5f3a9c1e',
      '-H',
      'X-Tenant:acme',
      '--token',
      'tok-8d2e7b4a',
    ]);
    expect(code).toBe(0);
    // The session's requests carry all of them; the auth probe's anonymous initialize, none.
    const sent = received
      .filter((r) => r.method === 'POST')
      .map(({ headers }) => [
        headers.get('x-api-key'),
        headers.get('x-tenant'),
        headers.get('authorization'),
      ]);
    expect(sent.filter((h) => h[0] !== null).length).toBeGreaterThan(1);
    for (const h of sent) {
      expect([
        ['key-5f3a9c1e', 'acme', 'Bearer tok-8d2e7b4a'],
        [null, null, null],
      ]).toContainEqual(h);
    }
    expect(stdout).not.toContain('key-5f3a9c1e');
    expect(stdout).not.toContain('tok-8d2e7b4a');
    const report = parseReport(stdout);
    expect(report.target).toMatchObject({ hasToken: true, headerNames: ['X-Api-Key', 'X-Tenant'] });
  });

  it('colours the summary when FORCE_COLOR asks for it, never with NO_COLOR', async () => {
    expect((await cli([healthy.url], { FORCE_COLOR: '1' })).stdout).toContain(`${ESC}[32m`);
    expect((await cli([healthy.url], { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain(
      ESC,
    );
  });

  it('writes the same report to each --output file in its format, beside the one on stdout', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcp-doctor-output-'));
    try {
      const junit = path.join(dir, 'report.xml');
      const markdown = path.join(dir, 'a=b.md');
      const { code, stdout } = await cli([
        healthy.url,
        '--json',
        '--output',
        `junit=${junit}`,
        '--output',
        `markdown=${markdown}`,
      ]);
      expect(code).toBe(0);
      const report = parseReport(stdout);
      expect(readFileSync(junit, 'utf8')).toBe(toJUnit(report));
      expect(readFileSync(markdown, 'utf8')).toBe(markdownSummary(report));

      // Paths no process can write, whoever runs it (root ignores file permissions): a missing
      // directory, a path under a regular file, and a directory.
      for (const [file, error] of [
        [path.join(dir, 'no/such/dir'), 'ENOENT'],
        [path.join(junit, 'summary.md'), 'ENOTDIR'],
        [dir, 'EISDIR'],
      ] as const) {
        const unwritable = await cli([healthy.url, '--output', `text=${file}`]);
        expect(unwritable.code).toBe(2);
        expect(unwritable.stderr).toMatch(
          new RegExp(`^mcp-doctor: could not run: --output text=.*${error}`),
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the usage on --help', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: mcp-doctor <url> \[options\]/);
    expect(stdout).toContain('Exit codes: 0 healthy, 1 a row failed or could not be verified');
  });

  it.each([
    [[], 'give the MCP endpoint URL to check'],
    [['ftp://example.com/mcp'], 'unsupported scheme "ftp:"'],
    [['not a url'], 'is not an absolute URL'],
    [['--bogus', 'http://127.0.0.1/mcp'], "Unknown option '--bogus'"],
    [['http://127.0.0.1/mcp', 'http://127.0.0.2/mcp'], 'one URL at a time'],
    [
      ['http://127.0.0.1/mcp', '--json', '--junit'],
      '--json, --junit and --format cannot be combined',
    ],
    [['http://127.0.0.1/mcp', '--repeat', '50'], '--repeat must be at most 20'],
    [['http://127.0.0.1/mcp', '--timeout', 'soon'], '--timeout must be a whole number'],
    [['http://127.0.0.1/mcp', '--skip', 'connection'], 'connection cannot be skipped'],
    [
      ['http://127.0.0.1/mcp', '--client', 'claude.ai'],
      '--client: "claude.ai" is unknown; the clients judged are chatgpt, claude, vscode, cursor, browser, generic',
    ],
    [['http://127.0.0.1/mcp', '--header', 'no-colon'], '--header "no-colon" is not "Name: value"'],
    [['http://127.0.0.1/mcp', '--output', 'junit'], '--output "junit" is not "<format>=<file>"'],
    [['http://127.0.0.1/mcp', '--output', 'pdf=x.pdf'], '--output pdf: the format must be one of'],
    [
      ['http://127.0.0.1/mcp', '--header', 'Host: evil'],
      'header "Host" is set by MCP Doctor itself',
    ],
  ])('exits 2 on %j with a one-line error and the usage on stderr', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const [first, blank, usage] = stderr.split('\n');
    expect(first).toMatch(/^mcp-doctor: /);
    expect(first).toContain(message);
    expect(blank).toBe('');
    expect(usage).toBe('Usage: mcp-doctor <url> [options]');
  });
});
