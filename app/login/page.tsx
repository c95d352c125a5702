import { safeNext } from '@/lib/security/token-gate';

export const metadata = { title: 'Sign in · MCP Doctor' };

/** Shown when the dashboard is deployed with MCP_DOCTOR_TOKEN and the visitor has no token cookie. */
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string }>;
}) {
  const { next, error } = await searchParams;
  return (
    <main className="mx-auto max-w-md px-6 py-24">
      <h1 className="text-2xl font-semibold text-slate-900">This dashboard is protected</h1>
      <p className="mt-2 text-sm text-slate-600">
        Enter the team token (the value of MCP_DOCTOR_TOKEN on the server).
      </p>
      <form method="post" action="/api/login" className="mt-6 space-y-4">
        <input type="hidden" name="next" value={safeNext(next)} />
        <label className="block">
          <span className="text-sm font-medium text-slate-700">Team token</span>
          <input
            name="token"
            type="password"
            required
            autoComplete="current-password"
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-200"
          />
        </label>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error === 'rate-limited'
              ? 'Too many attempts from here; wait a minute and try again.'
              : 'That token is not right.'}
          </p>
        ) : null}
        <button
          type="submit"
          className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
        >
          Sign in
        </button>
      </form>
    </main>
  );
}
