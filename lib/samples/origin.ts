/**
 * The dashboard's own origin, configured rather than taken from the request: `req.url` is always
 * localhost under `next start`, and forwarded headers are client-controlled.
 */
export function appOrigin(): string {
  const configured = process.env.MCP_DOCTOR_ORIGIN;
  if (configured) return configured.replace(/\/+$/, '');
  return `http://localhost:${process.env.PORT ?? '3000'}`;
}
