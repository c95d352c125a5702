import { handleAuthSample, sampleForWellKnown } from '@/lib/samples/auth/handler';

// Metadata of the OAuth samples, served live (their URLs come from the configured origin).
export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ path: string[] }>;
}

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const slug = sampleForWellKnown((await params).path);
  return slug ? handleAuthSample(slug, request) : new Response('Not Found', { status: 404 });
}
