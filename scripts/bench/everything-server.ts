import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The reference MCP server of the benchmarks: `@modelcontextprotocol/server-everything` (a
 * devDependency), in its Streamable HTTP mode, in a process of its own so its CPU is not counted
 * as the diagnosing process's. Its launcher takes the transport as its first argument and the
 * port from PORT (dist/index.js and dist/transports/streamableHttp.js of the package).
 */
export interface EverythingServer {
  url: string;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
const PACKAGE = '@modelcontextprotocol/server-everything';

export async function startEverythingServer(): Promise<EverythingServer> {
  const root = path.dirname(require.resolve(`${PACKAGE}/package.json`));
  const preload = path.join(import.meta.dirname, 'loopback-listen.mjs');
  const child = spawn(
    process.execPath,
    ['--import', preload, path.join(root, 'dist/index.js'), 'streamableHttp'],
    { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${PACKAGE} did not start in 30 s: ${stderr.slice(0, 500)}`));
    }, 30_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /bench-port=(\d+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${PACKAGE} exited with ${code}: ${stderr.slice(0, 500)}`));
    });
  });
  // Its log would fill the pipe; nothing after the port matters.
  child.stderr.resume();
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
