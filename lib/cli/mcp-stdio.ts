import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { ADMIT_ALL } from '@/lib/mcp-server/context';
import { MemoryArchive } from '@/lib/mcp-server/memory-archive';
import { createDoctorServer } from '@/lib/mcp-server/server';

export const MCP_USAGE = `Usage: mcp-doctor mcp

Serves MCP Doctor's tools (diagnose_endpoint, get_run, list_runs, explain_check, list_checks) over
stdio, for a coding agent that starts it as a local MCP server. Diagnoses run in this process;
runs are kept in memory until it exits. MCP_DOCTOR_BLOCK_PRIVATE=1 refuses private addresses.
`;

/**
 * `mcp-doctor mcp`: the MCP server over stdio, resolving with the exit code once the client closes
 * stdin. serveStdio decides the era per connection: a 2025 `initialize` (what Claude Code, Codex,
 * Cursor and VS Code send today) pins a legacy instance, a 2026-07-28 opening a modern one
 * (docs/serving/legacy-clients.md in modelcontextprotocol/typescript-sdk, `legacy: 'serve'`).
 * stdout carries only the protocol; diagnostics go to stderr.
 */
export function runMcpStdio(
  args: readonly string[],
  io: { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } },
  version: string,
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(MCP_USAGE);
    return Promise.resolve(0);
  }
  if (args.length > 0) {
    io.stderr.write(
      `mcp-doctor mcp: unexpected argument "${args[0]?.slice(0, 60)}"\n\n${MCP_USAGE}`,
    );
    return Promise.resolve(2);
  }
  const archive = new MemoryArchive();
  const handle = serveStdio(
    () =>
      createDoctorServer({
        archive,
        admit: ADMIT_ALL,
        origin: process.env.MCP_DOCTOR_ORIGIN?.replace(/\/+$/, '') || null,
        version,
      }),
    { onerror: (error) => io.stderr.write(`mcp-doctor mcp: ${error.message}\n`) },
  );
  return new Promise((resolve) => {
    // The client closing stdin ends the session (MCP stdio transport, "Shutdown"); a diagnosed
    // server may have left a socket or timer behind, so the caller exits rather than waits on it.
    process.stdin.once('end', () => void handle.close().finally(() => resolve(0)));
  });
}
