// `npm start`: install when needed, build when needed, then serve the dashboard on PORT (default 3000).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { buildIsStale } from './lib/build.mjs';
import { ensureInstalled } from './lib/install.mjs';
import { NEXT_CLI, ROOT, run } from './lib/run.mjs';

const port = process.env.PORT || '3000';
if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
  console.error(`PORT must be a TCP port number, got "${port}"`);
  process.exit(2);
}
const env = { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: '1' };

const installed = await ensureInstalled();
if (installed !== 0) {
  console.error('npm ci failed; see the output above.');
  process.exit(installed);
}

if (buildIsStale()) {
  console.log('Building the dashboard (next build)…');
  const built = await run(process.execPath, [NEXT_CLI, 'build'], { env });
  if (built !== 0) {
    console.error('next build failed; see the output above.');
    process.exit(built);
  }
}

console.log(`\nMCP Doctor: http://localhost:${port}\n`);
const server = spawn(process.execPath, [NEXT_CLI, 'start', '-p', port], {
  cwd: ROOT,
  stdio: 'inherit',
  env,
});

const stop = (signal) => {
  if (server.exitCode === null && server.signalCode === null) server.kill(signal);
};
// Pass stop requests on, so the port is freed with this process; the exit follows the server's.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

// `npm start` runs this through `sh -c`; npm passes a SIGTERM on to that shell, which dies without
// passing it to us. When the shell goes away, stop too rather than leave the port taken.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop('SIGTERM'), 500).unref();
}
server.on('error', (error) => {
  console.error(`could not start next: ${error.message}`);
  process.exit(1);
});
server.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
});
