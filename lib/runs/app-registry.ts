import { getStore } from '@/lib/store';
import { PersistentRunRegistry } from '@/lib/store/run-registry';
import { MemoryRunRegistry } from './registry';

// One registry per server process, saving to the store (SQLite or PostgreSQL). Next bundles route
// handlers and pages as separate module graphs, so a module-level instance would not be shared
// between them; the global is.
const KEY = Symbol.for('mcp-doctor.runs');
const holder = globalThis as typeof globalThis & { [KEY]?: PersistentRunRegistry };

/** The app's runs: in memory while this process works on them, and in the store for everyone. */
export const runs: PersistentRunRegistry = (holder[KEY] ??= new PersistentRunRegistry(
  getStore,
  new MemoryRunRegistry(),
));
