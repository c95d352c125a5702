import { handleAuthSample } from '@/lib/samples/auth/handler';

// A sample authorization server's endpoint: live, never cached.
export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ slug: string }>;
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return handleAuthSample((await params).slug, request);
}
