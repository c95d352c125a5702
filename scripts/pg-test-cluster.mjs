// A throwaway PostgreSQL cluster on loopback for the store's tests: initdb into a temporary
// directory, start it on a free port (socket in the same directory), and remove it all on stop.
//
//   node scripts/pg-test-cluster.mjs -- <command> [args…]
//
// runs the command with DATABASE_URL pointing at the cluster, then stops the cluster and exits
// with the command's status. Tests import `startCluster` to do the same for themselves.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's newest installed server, or PG_BIN. */
function binDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) {
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres): `apt-get install postgresql`, or set DATABASE_URL',
    );
  }
  return path.join(root, versions[0], 'bin');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

// The server refuses to run as root: as root, run its tools as Debian's `postgres` user.
const asRoot = process.getuid?.() === 0;
function pgTool(bin, args) {
  const [command, full] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', path.join(bin, args[0]), ...args.slice(1)]]
    : [path.join(bin, args[0]), args.slice(1)];
  execFileSync(command, full, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Starts a cluster and answers its URL and a `stop()` that shuts it down and deletes its files.
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export async function startCluster() {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-doctor-pg-'));
  const data = path.join(dir, 'db');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  let started = false;
  const stop = () => {
    if (started) {
      try {
        pgTool(bin, ['pg_ctl', '-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already gone; the files go next either way
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    pgTool(bin, ['initdb', '-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    const options = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off`;
    pgTool(bin, [
      'pg_ctl',
      '-D',
      data,
      '-l',
      path.join(dir, 'log'),
      '-w',
      '-t',
      '60',
      '-o',
      options,
      'start',
    ]);
    started = true;
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (error) {
    stop();
    const stderr =
      error && typeof error === 'object' && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`could not start a test PostgreSQL cluster: ${stderr || String(error)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--');
  const [command, ...args] = at === -1 ? [] : process.argv.slice(at + 1);
  if (!command) {
    console.error('usage: node scripts/pg-test-cluster.mjs -- <command> [args…]');
    process.exit(2);
  }
  const cluster = await startCluster();
  console.log(`PostgreSQL test cluster at ${cluster.url}`);
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: cluster.url },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    cluster.stop();
    process.exit(code ?? (signal ? 128 : 1));
  });
}
