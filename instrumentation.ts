/**
 * Runs once when the server starts
 * (https://nextjs.org/docs/app/api-reference/file-conventions/instrumentation): the rate
 * limit learns each request's socket address, and the store is opened, so that runs a crashed or
 * killed process left running are marked interrupted at start-up, not on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { watchPeers } = await import('@/lib/security/peer');
  watchPeers();
  const { openStoreAtStart } = await import('@/lib/store');
  await openStoreAtStart();
}
