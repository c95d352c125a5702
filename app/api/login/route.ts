import { z } from 'zod';
import { admitLogin } from '@/lib/security/admission';
import { TOKEN_COOKIE, safeNext, sameSecret } from '@/lib/security/token-gate';

const LoginFormSchema = z.object({
  token: z.string().min(1).max(4096),
  next: z.string().max(2048).optional(),
});

/**
 * The login form posts here; a right token sets an HttpOnly cookie and goes back where the user
 * was. Attempts are rate-limited per client: past the limit the token is not even compared, and
 * the form says how long to wait.
 */
export async function POST(request: Request) {
  const configured = process.env.MCP_DOCTOR_TOKEN;
  const form = LoginFormSchema.safeParse(
    Object.fromEntries((await request.formData().catch(() => new FormData())).entries()),
  );
  const next = safeNext(form.success ? form.data.next : undefined);
  const back = (error: string, headers: Record<string, string> = {}) => {
    const url = new URL('/login', request.url);
    url.searchParams.set('next', next);
    url.searchParams.set('error', error);
    return new Response(null, { status: 303, headers: { location: url.href, ...headers } });
  };
  const admitted = admitLogin(request);
  if (!admitted.ok) {
    return back('rate-limited', { 'retry-after': String(admitted.error.retryAfterSeconds ?? 60) });
  }
  if (!configured || !form.success || !sameSecret(form.data.token, configured)) return back('1');
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  return new Response(null, {
    status: 303,
    headers: {
      location: next,
      'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(form.data.token)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000${secure}`,
    },
  });
}
