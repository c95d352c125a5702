import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FILE = path.resolve(import.meta.dirname, '../../.reports/bench.json');

/**
 * `npm run bench` runs several scripts; each keeps its part of .reports/bench.json under its own
 * key and leaves the others' parts as they are.
 */
export async function mergeBenchReport(key: string, value: unknown): Promise<void> {
  let current: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(FILE, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      current = parsed as Record<string, unknown>;
  } catch {
    // No report yet, or one from an older layout: start a new one.
  }
  await mkdir(path.dirname(FILE), { recursive: true });
  await writeFile(FILE, `${JSON.stringify({ ...current, [key]: value }, null, 2)}\n`);
}
