import { z } from 'zod';
import { TOKEN_COOKIE, safeNext, sameSecret } from '@/lib/security/token-gate';

const LoginFormSchema = z.object({
  token: z.string().min(1).max(4096),
  next: z.string().max(2048).optional(),
});

/** The login form posts here; a right token sets an HttpOnly cookie and goes back where the user was. */
export async function POST(request: Request) {
  const configured = process.env.MCP_DOCTOR_TOKEN;
  const form = LoginFormSchema.safeParse(
    Object.fromEntries((await request.formData().catch(() => new FormData())).entries()),
  );
  const next = safeNext(form.success ? form.data.next : undefined);
  if (!configured || !form.success || !sameSecret(form.data.token, configured)) {
    const back = new URL('/login', request.url);
    back.searchParams.set('next', next);
    back.searchParams.set('error', '1');
    return Response.redirect(back, 303);
  }
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  return new Response(null, {
    status: 303,
    headers: {
      location: next,
      'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(form.data.token)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000${secure}`,
    },
  });
}
