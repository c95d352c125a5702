// `npm run bench:huge [-- --url http://127.0.0.1:3000 --pid <server pid>] [--tools 5000]`: a run of
// a loopback server listing thousands of tools with realistic schemas, then its page read three
// times at once while the home page is timed, then the same for the run exported and imported.
// Prints the page's size, each read's time, the home page's time meanwhile and the server's peak
// RSS (VmHWM). Bounded: one run, a fixed number of reads, a time limit on each.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { manyToolsServer } from '@/test/fixtures/servers';
import { peakRssMb, startApp } from './load';

interface Timed {
  ms: number;
  bytes: number;
  status: number;
}

async function timed(url: string, init?: RequestInit): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(120_000) });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, bytes: body.byteLength, status: response.status };
}

async function waitForRun(base: string, id: string): Promise<string> {
  const deadline = AbortSignal.timeout(180_000);
  while (!deadline.aborted) {
    const run = (await (await fetch(`${base}/api/runs/${id}`)).json()) as { state: string };
    if (run.state !== 'running') return run.state;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`run ${id} still running after 180 s`);
}

/** Three reads of a run page at once, and the home page timed while they render. */
async function readPage(base: string, id: string) {
  const alone = await timed(`${base}/runs/${id}`);
  const pages = Array.from({ length: 3 }, () => timed(`${base}/runs/${id}`));
  // Let the three start rendering before the home page is asked for.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const home = await timed(`${base}/`);
  const three = await Promise.all(pages);
  return { alone, three, home };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, pid: { type: 'string' }, tools: { type: 'string' } },
  });
  const count = Number(values.tools ?? '5000');
  const server = await manyToolsServer(count, 500);
  const started = values.url ? null : await startApp();
  const base = (values.url ?? started?.url ?? '').replace(/\/+$/, '');
  const pid = values.pid ? Number(values.pid) : (started?.child.pid ?? null);
  const json = { 'content-type': 'application/json' };
  try {
    const answer = await fetch(`${base}/api/runs`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ url: server.url, timeoutMs: 120_000 }),
    });
    if (answer.status !== 202) throw new Error(`POST /api/runs: HTTP ${answer.status}`);
    const { id } = (await answer.json()) as { id: string };
    console.log(`run ${id} of ${count} tools: ${await waitForRun(base, id)}`);
    const probed = await readPage(base, id);

    const exported = await fetch(`${base}/api/runs/${id}/export`).then((r) => r.text());
    const imported = await timed(`${base}/api/import`, {
      method: 'POST',
      headers: json,
      body: exported,
    });
    const importedId = (
      (await (
        await fetch(`${base}/api/import`, { method: 'POST', headers: json, body: exported })
      ).json()) as { id: string }
    ).id;
    const fromImport = await readPage(base, importedId);

    for (const [name, read] of [
      ['probed', probed],
      ['imported', fromImport],
    ] as const) {
      console.log(
        `${name}: page ${mb(read.alone.bytes)} in ${s(read.alone.ms)} alone; three at once ${read.three.map((r) => s(r.ms)).join(', ')} (HTTP ${read.three.map((r) => r.status).join(', ')}); home page meanwhile ${s(read.home.ms)}`,
      );
    }
    console.log(
      `import of the ${mb(exported.length)} export: ${s(imported.ms)} (HTTP ${imported.status})`,
    );
    if (pid) console.log(`server peak RSS (VmHWM): ${(await peakRssMb(pid))?.toFixed(0)} MB`);
  } finally {
    await server.close();
    started?.child.kill('SIGTERM');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
