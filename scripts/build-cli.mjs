import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';
import { z } from 'zod';

/**
 * Bundles the CLI ahead of time into one minified CommonJS file, so a CI job pays for neither tsx
 * nor resolving hundreds of modules. CommonJS because Node 20 can keep V8's compiled code only
 * for scripts (vm.Script cachedData), not for ES modules: bin/mcp-doctor.mjs loads the bundle with
 * the cache this script warms, and skips parsing and compiling 1.5 MB on every run.
 */
const root = fileURLToPath(new URL('..', import.meta.url));

/** The bare package names only (esbuild's own `alias` would also rewrite `undici/lib/…`). */
const ALIASES = { undici: 'undici.mjs', 'css-tree': 'css-tree.mjs' };
const aliases = {
  name: 'cli-aliases',
  setup(build) {
    build.onResolve({ filter: /^(undici|css-tree)$/ }, (args) => ({
      path: alias(ALIASES[args.path]),
    }));
    // zod's namespace (`z`) re-exports every locale; see the alias for why only English is kept.
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]v4[\\/](classic|core|mini)[\\/]/.test(args.importer)
        ? { path: alias('zod-locales.mjs') }
        : undefined,
    );
  },
};

function alias(file) {
  return fileURLToPath(new URL(`../lib/cli/bundle-aliases/${file}`, import.meta.url));
}

/**
 * Work done at build time instead of in every run: the meta-schema validators of the common JSON
 * Schema dialects as Ajv's standalone code (lib/checks/shared/meta-validators.ts says why), one
 * module per dialect, in place of that module's empty table.
 */
const precompiled = {
  name: 'cli-precompiled',
  setup(build) {
    const source = () =>
      tsImport('../lib/checks/shared/meta-validators-source.ts', import.meta.url);
    build.onLoad({ filter: /lib[\\/]checks[\\/]shared[\\/]meta-validators\.ts$/ }, async () => {
      const { PRECOMPILED_DIALECTS } = await source();
      const lines = PRECOMPILED_DIALECTS.map(
        (name, i) =>
          `import { validate as v${i} } from ${JSON.stringify(`meta-validator:${name}`)};`,
      );
      const entries = PRECOMPILED_DIALECTS.map((name, i) => `${JSON.stringify(name)}: v${i}`);
      lines.push(`export const PRECOMPILED_META = { ${entries.join(', ')} };`);
      return { contents: lines.join('\n'), loader: 'js', resolveDir: root };
    });
    build.onResolve({ filter: /^meta-validator:/ }, (args) => ({
      path: args.path.slice('meta-validator:'.length),
      namespace: 'meta-validator',
    }));
    build.onLoad({ filter: /.*/, namespace: 'meta-validator' }, async (args) => {
      const { metaValidatorSource } = await source();
      return { contents: metaValidatorSource(args.path), loader: 'js', resolveDir: root };
    });
  },
};

const result = await build({
  entryPoints: ['lib/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  absWorkingDir: root,
  tsconfig: 'tsconfig.json',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  treeShaking: true,
  metafile: true,
  logLevel: 'warning',
  // Only the parts of these libraries the CLI calls; see each alias for why.
  plugins: [aliases, precompiled],
});
if (result.warnings.length > 0) {
  // A warning here (an import that resolves to nothing, `import.meta` in a CommonJS bundle) is a
  // CLI that fails at run time: refuse to ship it.
  console.error(`build-cli: ${result.warnings.length} warning(s); not shipping dist/cli.cjs`);
  rmSync(new URL('../dist/cli.cjs', import.meta.url), { force: true });
  process.exit(1);
}

const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
await warmCodeCache();
// On stderr: `npm pack --json` runs this as prepack and its stdout must stay JSON.
console.error(`dist/cli.cjs: ${(bytes / 1024).toFixed(0)} KiB, code cache warmed`);

/**
 * bin/mcp-doctor.mjs writes the code cache when a run ends without one, with every function that
 * run compiled. So the build runs one real diagnosis, of a small SDK server on a loopback port.
 */
async function warmCodeCache() {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  for (const file of readdirSync(dist)) {
    if (file.endsWith('.cache')) rmSync(`${dist}${file}`, { force: true });
  }
  const server = createServer(async (req, res) => {
    const mcp = new McpServer({ name: 'build-warm-up', version: '1.0.0' });
    mcp.registerTool(
      'echo',
      {
        description: 'Repeats the given text back, to warm up the code paths of a diagnosis.',
        inputSchema: { text: z.string() },
        annotations: { readOnlyHint: true },
      },
      async ({ text }) => ({ content: [{ type: 'text', text }] }),
    );
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    res.on('close', () => void mcp.close());
    await mcp.connect(transport);
    await transport.handleRequest(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  try {
    const cli = fileURLToPath(new URL('../bin/mcp-doctor.mjs', import.meta.url));
    const env = { ...process.env };
    delete env.MCP_DOCTOR_BLOCK_PRIVATE;
    const run = spawn(process.execPath, [cli, `http://127.0.0.1:${port}/mcp`, '--json'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const code = await new Promise((resolve) => run.on('close', resolve));
    // 0 or 1: the diagnosis ran (a check may judge this bare server); anything else did not.
    if (code !== 0 && code !== 1) throw new Error(`the warm-up diagnosis exited with ${code}`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
