/**
 * History and drift group runs by endpoint: the URL as `new URL` spells it, without fragment. Its
 * own module so code without a database (the CLI's in-memory runs) groups runs the same way.
 */
export function endpointOf(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}
