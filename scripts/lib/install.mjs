import { statSync } from 'node:fs';
import { ROOT, run } from './run.mjs';

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
};

/**
 * npm writes node_modules/.package-lock.json after package-lock.json on every install, so a hidden
 * lockfile older than the lockfile means the dependencies changed since the last install.
 */
export function needsInstall() {
  const installed = mtime(`${ROOT}node_modules/.package-lock.json`);
  const locked = mtime(`${ROOT}package-lock.json`);
  return installed === null || (locked !== null && installed < locked);
}

/** Installs exactly what package-lock.json pins when node_modules is missing or stale. */
export async function ensureInstalled() {
  if (!needsInstall()) return 0;
  console.log('Installing npm packages (npm ci)…');
  // --prefer-offline: the lockfile pins exact versions and integrity hashes, so a cached tarball is
  // the same bytes; only what is missing from the cache is downloaded.
  // --include=dev: the dashboard's packages are devDependencies (the npm package is the CLI alone,
  // prebuilt), and NODE_ENV=production, usual where the dashboard is deployed, would leave them out.
  return run('npm', ['ci', '--include=dev', '--prefer-offline', '--no-audit', '--no-fund']);
}
