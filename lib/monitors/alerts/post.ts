import { createDialer, type DialPolicy } from '@/lib/probe/dialer';
import type { DeliveryAttempt } from '../schema';

/** A webhook that does not answer in this long has failed this try. */
const DELIVERY_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * POSTs one alert through the probe's dialer, so a webhook URL is held to the same address policy
 * as an MCP endpoint (MCP_DOCTOR_BLOCK_PRIVATE: decided at connect time, after DNS). Redirects are
 * not followed (a 3xx is a failed try): a webhook has one address, and a redirect is how a public
 * URL would point the dashboard at a private one. The answer's body is not read, and the URL,
 * which may be a credential (Slack's), never appears in what is recorded.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  policy: DialPolicy,
): Promise<Omit<DeliveryAttempt, 'at'>> {
  const dialer = createDialer(policy, CONNECT_TIMEOUT_MS);
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const response = await dialer.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return {
      status: response.status,
      error: ok
        ? null
        : response.status >= 300 && response.status < 400
          ? `answered ${response.status}, a redirect (not followed)`
          : `answered ${response.status}`,
      ms: ms(),
    };
  } catch (error) {
    return { status: null, error: describe(error, url), ms: ms() };
  } finally {
    await dialer.close().catch(() => undefined);
  }
}

/** The cause of a failed fetch in one line, without the URL. */
function describe(error: unknown, url: string): string {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const code = (cause as { code?: unknown }).code;
  const name = (error as { name?: unknown }).name;
  const message =
    name === 'TimeoutError'
      ? `no answer in ${DELIVERY_TIMEOUT_MS / 1000} s`
      : cause instanceof Error
        ? cause.message
        : String(cause);
  const clean = message.split(url).join('the webhook URL').replace(/\s+/g, ' ').slice(0, 300);
  return typeof code === 'string' && !clean.includes(code) ? `${code}: ${clean}` : clean;
}
