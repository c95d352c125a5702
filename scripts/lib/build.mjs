import { readdirSync, statSync } from 'node:fs';
import { ROOT } from './run.mjs';

// What `next build` compiles; tests and tooling configs are left out so editing them keeps the build.
const SOURCE_DIRS = ['app', 'components', 'lib', 'public'];
const SOURCE_FILES = [
  'next.config.ts',
  'proxy.ts',
  'instrumentation.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
};

function newestIn(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(path));
    else if (!TEST_FILE.test(entry.name)) newest = Math.max(newest, mtime(path) ?? 0);
  }
  return newest;
}

/** True when `.next` holds no production build, or a source changed after it was built. */
export function buildIsStale() {
  const built = mtime(`${ROOT}.next/BUILD_ID`);
  if (built === null) return true;
  const newestSource = Math.max(
    ...SOURCE_DIRS.map((dir) => newestIn(`${ROOT}${dir}`)),
    ...SOURCE_FILES.map((file) => mtime(`${ROOT}${file}`) ?? 0),
  );
  return newestSource > built;
}
