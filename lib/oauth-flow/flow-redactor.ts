import type { HeaderList } from '@/lib/report/schema';
import { REDACTED, Redactor } from '@/lib/probe/redact';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A Redactor that learns secrets as the flow meets them (the PKCE verifier, the code, a client
 * secret, the tokens). The recorder redacts when it snapshots, so every view of the flow's exchanges
 * hides each secret from the moment it is known — including in requests made before it was.
 */
export class FlowRedactor extends Redactor {
  private readonly learned: string[] = [];

  learn(...secrets: (string | null | undefined)[]): void {
    for (const secret of secrets) {
      // Short values would redact ordinary text; the name-based rules still cover them.
      if (secret && secret.length >= 6 && !this.learned.includes(secret)) this.learned.push(secret);
    }
    this.learned.sort((a, b) => b.length - a.length);
  }

  override text(text: string): string {
    return super.text(this.scrub(text));
  }

  override headers(headers: HeaderList): HeaderList {
    return super.headers(headers.map(([name, value]) => [name, this.scrub(value)]));
  }

  override url(raw: string): string {
    return super.url(this.scrub(raw));
  }

  private scrub(text: string): string {
    let out = text;
    for (const secret of this.learned) {
      out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
      // Form bodies and query strings carry secrets URL-encoded.
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) out = out.replace(new RegExp(escapeRegExp(encoded), 'g'), REDACTED);
    }
    return out;
  }
}
