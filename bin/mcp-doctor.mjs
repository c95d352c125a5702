#!/usr/bin/env node
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

// Everything is in the prebuilt bundle (scripts/build-cli.mjs); this launcher only loads it with
// V8's code cache, which spares Node parsing and compiling the bundle on every run. A cache is only
// good for the V8 that wrote it, so there is one per V8 version: a machine that runs the CLI with
// several Node versions (CI matrices) keeps each one's instead of rewriting a shared one each time.
const bundle = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
const cache = fileURLToPath(
  new URL(`../dist/cli-v8-${process.versions.v8}.cache`, import.meta.url),
);

if (!existsSync(bundle)) {
  process.stderr.write(
    'mcp-doctor: dist/cli.cjs is missing; building it once (npm run build:cli)…\n',
  );
  const { spawnSync } = await import('node:child_process');
  const script = fileURLToPath(new URL('../scripts/build-cli.mjs', import.meta.url));
  // The build's own output goes to stderr: stdout carries only the report. It runs in the
  // repository, whose tsconfig resolves the sources' `@/` imports, wherever the CLI was started.
  const built = spawnSync(process.execPath, [script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 2, 2],
  });
  if (built.status !== 0 || !existsSync(bundle)) {
    process.stderr.write(
      'mcp-doctor: could not build dist/cli.cjs; run `npm run build:cli` and read its errors\n',
    );
    process.exit(2);
  }
}

const source = readFileSync(bundle, 'utf8');
const cachedData = existsSync(cache) ? readFileSync(cache) : undefined;
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
  {
    filename: bundle,
    cachedData,
  },
);
const bundleModule = { exports: {} };
script.runInThisContext()(
  bundleModule.exports,
  createRequire(bundle),
  bundleModule,
  bundle,
  fileURLToPath(new URL('../dist', import.meta.url)),
);

// A missing or stale cache (another Node version) is written anew when this run ends, so it holds
// every function the run compiled, not only the start-up code. Best effort: a read-only install
// just runs without one.
if (cachedData === undefined || script.cachedDataRejected) {
  process.once('exit', () => {
    const temporary = `${cache}.${process.pid}`;
    try {
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cache);
    } catch {
      rmSync(temporary, { force: true });
    }
  });
}

await bundleModule.exports.main(process.argv.slice(2));
