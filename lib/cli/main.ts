import packageJson from '@/package.json' with { type: 'json' };
import { runCli } from './run';

/** Resolves once everything written so far has been handed to the OS (a pipe may still be draining). */
const flushed = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => stream.write('', () => resolve()));

/**
 * The process around the CLI: bundled to dist/cli.cjs and called by bin/mcp-doctor.mjs. It exits
 * explicitly once its output is flushed: a hostile server may leave a socket or a timer behind,
 * and a CI job must not wait on it.
 */
export async function main(argv: readonly string[]): Promise<never> {
  const io = { stdout: process.stdout, stderr: process.stderr };
  const code =
    argv[0] === 'mcp'
      ? // Loaded only for this subcommand, so a diagnosis does not pay for the MCP server.
        await (await import('./mcp-stdio')).runMcpStdio(argv.slice(1), io, packageJson.version)
      : await runCli(argv, { ...io, env: process.env, version: packageJson.version });
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
