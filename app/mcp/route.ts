import { serveMcp } from '@/lib/mcp-server/http';

// Every request reaches the live MCP server; nothing here may be cached or prerendered.
export const dynamic = 'force-dynamic';

export const GET = serveMcp;
export const POST = serveMcp;
export const DELETE = serveMcp;
