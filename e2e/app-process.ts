import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A loopback port nothing listens on, at the moment it is asked for. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface AppProcess {
  origin: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  logs: () => string;
  /** Ends it with this signal and resolves when it has exited. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** A new, empty SQLite file for an app of its own. */
export async function freshDatabase(): Promise<string> {
  return path.join(await mkdtemp(path.join(os.tmpdir(), 'mcp-doctor-e2e-app-')), 'store.db');
}

/**
 * A second `next start` of the built app on a free loopback port, with its own environment,
 * answering before this resolves (readiness is an answer from /login, polled; never a sleep).
 */
export async function startApp(env: Record<string, string>, port?: number): Promise<AppProcess> {
  const chosen = port ?? (await freePort());
  const origin = `http://localhost:${chosen}`;
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(chosen)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        MCP_DOCTOR_ORIGIN: origin,
        DATABASE_URL: '',
        NEXT_TELEMETRY_DISABLED: '1',
        ...env,
      },
    },
  );
  let logs = '';
  child.stdout?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  const exited = once(child, 'exit');
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${logs}`);
    const status = await new Promise<number>((resolve) => {
      const request = http.get(`${origin}/login`, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', () => resolve(0));
    });
    if (status === 200) break;
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${logs}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    origin,
    child,
    logs: () => logs,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
