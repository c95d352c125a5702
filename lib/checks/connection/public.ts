import { addressScope } from '@/lib/net/address';
import { blocked, defineCheck, pass } from '../define';
import { withoutConnection } from '../shared/blocked';

/** ChatGPT calls the server from OpenAI's cloud: loopback and private addresses are out of its reach. */
export default defineCheck({
  id: 'connection.public',
  area: 'connection',
  severity: 'warning',
  title: 'The host resolves to public addresses',
  failureTitle: 'The host is not reachable from the internet',
  fix: 'ChatGPT cannot reach a local or private address. Expose the server through a tunnel (ngrok http <port>, cloudflared tunnel --url http://localhost:<port>) or deploy it, then check the public URL.',
  docs: 'https://developers.openai.com/apps-sdk/deploy',
  codes: ['not-public'],
  run(t) {
    if (!t.dns) return withoutConnection(t, 'the host was not resolved');
    if (t.dns.error)
      return blocked(
        'connection.dns',
        `skipped: ${t.dns.hostname} did not resolve (see connection.dns)`,
      );
    const scoped = t.dns.addresses.map(({ address }) => ({
      address,
      scope: addressScope(address),
    }));
    const offenders = scoped.filter((a) => a.scope !== 'public');
    if (offenders.length === 0) {
      return pass(
        `${t.dns.hostname} resolves to public addresses (${scoped.map((a) => a.address).join(', ')})`,
      );
    }
    const [first] = offenders;
    const more = offenders.length > 1 ? ` and ${offenders.length - 1} more` : '';
    return {
      status: 'fail',
      code: 'not-public',
      message: `${t.dns.hostname} resolves to ${first?.address} (${first?.scope})${more}: ChatGPT cannot reach it from the internet.`,
      items: offenders.map((a) => ({ subject: a.address, detail: `${a.scope} address` })),
    };
  },
});
