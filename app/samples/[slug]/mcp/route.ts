import { findSample } from '@/lib/samples/catalog';

// Every request reaches a live MCP server; nothing here may be cached or prerendered.
export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ slug: string }>;
}

async function serve(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  const sample = findSample(slug);
  if (!sample?.handle) {
    return Response.json(
      { error: { code: 'not-found', message: `no sample endpoint named "${slug.slice(0, 60)}"` } },
      { status: 404 },
    );
  }
  return sample.handle(request);
}

export const GET = serve;
export const POST = serve;
export const DELETE = serve;
