import { storeConfig } from './config';
import { Store } from './store';

// One store per server process. Next bundles route handlers and pages as separate module graphs,
// so a module-level promise would open the database once per graph; the global is shared.
const KEY = Symbol.for('mcp-doctor.store');
const holder = globalThis as typeof globalThis & { [KEY]?: Promise<Store> };

/** The app's store, opened (and migrated) on first use from the environment's settings. */
export function getStore(): Promise<Store> {
  holder[KEY] ??= Store.open(storeConfig()).catch((error: unknown) => {
    // A failed open (database down) is retried by the next request rather than cached.
    holder[KEY] = undefined;
    throw error;
  });
  return holder[KEY];
}

/**
 * Opens the store as the server starts (migrations, then interrupted runs marked). A database that
 * is down is one line in the log: the first request that needs it tries again.
 */
export async function openStoreAtStart(): Promise<void> {
  try {
    await getStore();
  } catch (error) {
    console.error(
      `store: not open at start-up (${error instanceof Error ? error.message : String(error)}); the next request tries again`,
    );
  }
}

export { Store };
