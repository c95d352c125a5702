import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory the script was started from. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A binary installed by npm, run directly (not through npx, which would not forward signals). */
export const bin = (name) => `${ROOT}node_modules/.bin/${name}`;

/** The Next.js CLI, run by this Node: killing an `npx next` wrapper leaves next-server on the port. */
export const NEXT_CLI = `${ROOT}node_modules/next/dist/bin/next`;

/** Runs a command in the repository root with inherited output; resolves to its exit code. */
export function run(command, args, { env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('error', (error) => {
      console.error(`could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
