import type { FindingItem } from '@/lib/report/schema';
import { defineCheck, pass } from '../define';
import { isLoopbackHost } from '@/lib/net/address';
import { authApplies, documentOf, fieldsOf, SPEC, withoutDocument } from './support/auth-data';

const REQUIRED = ['authorization_endpoint', 'token_endpoint'] as const;

/** MCP 2025-11-25 "Communication Security": every authorization server endpoint must be HTTPS. */
export default defineCheck({
  id: 'auth.endpoints',
  area: 'auth',
  severity: 'error',
  title: 'The authorization endpoints are HTTPS URLs',
  failureTitle: 'An authorization endpoint is missing or not HTTPS',
  fix: 'Give absolute https:// URLs for authorization_endpoint, token_endpoint and registration_endpoint.',
  docs: `${SPEC}#communication-security`,
  codes: ['missing', 'not-https'],
  run(t) {
    const applies = authApplies(t);
    if ('skipped' in applies) return applies.skipped;
    const doc = documentOf(applies.auth, 'authorization-server');
    const fields = fieldsOf(doc);
    if (!doc || !fields) return withoutDocument('authorization-server');
    const evidence = doc.exchangeId ? [doc.exchangeId] : [];
    const items: FindingItem[] = [];
    let missing = false;
    for (const key of [...REQUIRED, 'registration_endpoint']) {
      const value = fields[key];
      if (value === undefined) {
        if (key !== 'registration_endpoint') {
          missing = true;
          items.push({ subject: key, detail: 'missing', evidence });
        }
        continue;
      }
      if (typeof value !== 'string' || !URL.canParse(value)) {
        items.push({
          subject: key,
          detail: `${JSON.stringify(value).slice(0, 120)} is not an absolute URL`,
          evidence,
        });
        continue;
      }
      const url = new URL(value);
      // RFC 8252 §8.3 / OAuth 2.1 §1.5: plain http is tolerated only on a loopback host.
      if (
        url.protocol !== 'https:' &&
        !(url.protocol === 'http:' && isLoopbackHost(url.hostname))
      ) {
        items.push({ subject: key, detail: `${value} is not HTTPS`, evidence });
      }
    }
    if (items.length) {
      return {
        status: 'fail',
        code: missing ? 'missing' : 'not-https',
        message: items.map((i) => `${i.subject}: ${i.detail}`).join('; '),
        evidence,
        items,
      };
    }
    return pass(`${REQUIRED.map((k) => String(fields[k])).join(' and ')} are usable`);
  },
});
