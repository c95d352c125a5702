import type { Match, PoisoningKind } from './poisoning-schema';

/**
 * Wording that addresses the model rather than describing the tool, in the forms published
 * tool-poisoning attacks use: a block marked `<IMPORTANT>`, an order to ignore earlier
 * instructions or to keep something from the user, a request to read SSH keys, cloud credentials
 * or the client's own MCP configuration, and a URL to send data to (Invariant Labs,
 * https://invariantlabs.ai/blog/mcp-security-notification-tool-poisoning-attacks). Each pattern
 * is narrow on purpose: ordinary descriptions mention files, tokens and URLs, and the benign
 * corpus (`fixtures/benign-tools.ts`) must stay clean. Shadowing is in `shadowing.ts`.
 */

interface Rule {
  kind: PoisoningKind;
  pattern: RegExp;
  detail: string;
}

// Secret stores by path: SSH keys, cloud and package-registry credentials, the system password
// files, dotenv files (not `process.env`) and MCP clients' own configuration, which holds other
// servers' tokens (the Invariant Labs proof of concept read ~/.cursor/mcp.json).
const SECRET_PATH = String.raw`(?:~|\$HOME|%USERPROFILE%)?[\\/]?\.ssh\b|\bid_(?:rsa|dsa|ecdsa|ed25519)\b|\bauthorized_keys\b|\.aws[\\/]credentials|\.config[\\/]gcloud|\.kube[\\/]config|\.docker[\\/]config\.json|\.git-credentials|(?<![\w.])\.(?:netrc|npmrc|pypirc|pgpass)\b|\/etc\/(?:shadow|passwd|sudoers)\b|(?<![\w$])\.env(?:\.[a-z]+)?\b(?!\.)|\bmcp\.json\b|\bclaude_desktop_config\.json\b|\b(?:seed|recovery|mnemonic)\s+phrase\b|\bwallet\.dat\b`;
const SECRET_NOUN = String.raw`(?:api[\s_-]?keys?|secret\s+keys?|private\s+keys?|ssh\s+keys?|access\s+tokens?|auth(?:entication)?\s+tokens?|bearer\s+tokens?|session\s+cookies?|passwords?|credentials|environment\s+variables|env\s+vars)`;
const TAKE_VERB = String.raw`(?:read|cat|open|include|send|pass|provide|attach|upload|forward|copy|paste|append|dump|leak|exfiltrate|share|collect|extract)`;
// Hosts that exist to receive requests from anyone and show them to whoever made the URL:
// request catchers and tunnels, the usual endpoints of exfiltration in proofs of concept.
const CAPTURE_HOSTS = String.raw`(?:[\w-]+\.)*(?:webhook\.site|requestbin\.(?:com|net)|pipedream\.net|ngrok(?:-free)?\.(?:io|app|dev)|interact\.sh|oast\.(?:fun|live|me|online|pro|site)|burpcollaborator\.net|beeceptor\.com|requestcatcher\.com|hookbin\.com|canarytokens\.com|trycloudflare\.com|webhook\.cool)`;
const URL = String.raw`https?:\/\/[^\s<>"'\x60)\]]+`;

const RULES: Rule[] = [
  {
    kind: 'hidden-instructions',
    pattern:
      /<\s*\/?\s*(?:important|system|instructions?|secret|hidden|admin|critical|override|assistant)\b[^<>]{0,40}>/giu,
    detail:
      'A pseudo-XML tag marks a block addressed to the model, the signature of tool poisoning.',
  },
  {
    kind: 'hidden-instructions',
    pattern:
      /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+)?(?:previous|prior|above|earlier|preceding|other|system|original)\s+(?:instructions?|prompts?|rules|directions|guidelines|messages)\b/giu,
    detail: 'The text tells the model to ignore its other instructions.',
  },
  {
    kind: 'hidden-instructions',
    pattern:
      /\b(?:do\s+not|don['’]t|never|without)\s+(?:tell|telling|inform|informing|mention|mentioning|reveal|revealing|disclose|disclosing|notify|notifying|alert|alerting|show|showing|let)\b[^.\n]{0,40}?\b(?:the\s+)?user\b/giu,
    detail: 'The text tells the model to keep something from the user.',
  },
  {
    kind: 'hidden-instructions',
    pattern:
      /\b(?:the\s+)?user\s+(?:must|should|need|needs)\s+not\s+(?:know|see|notice|be\s+told)\b|\b(?:hide|conceal)\s+(?:this|it|that)\s+from\s+(?:the\s+)?user\b|\b(?:regardless\s+of|even\s+if)\s+(?:what\s+)?the\s+user\s+(?:says|asks|requests|wants|specifies)\b/giu,
    detail: 'The text tells the model to act behind the user’s back or against the user’s request.',
  },
  {
    kind: 'hidden-instructions',
    pattern: /<!--[\s\S]{1,2000}?-->/gu,
    detail:
      'An HTML comment: hidden wherever the description is shown as Markdown, read in full by the model.',
  },
  {
    kind: 'hidden-instructions',
    // Text pushed out of sight by a long run of blank lines or spaces (UIs truncate descriptions).
    pattern: /(?:[ \t]*\n){10,}(?=[ \t]*\S)|[ \t\u00a0]{100,}(?=\S)/gu,
    detail:
      'A long run of blank space pushes the rest of the text out of view of anyone reviewing it.',
  },
  {
    kind: 'secret-access',
    pattern: new RegExp(SECRET_PATH, 'giu'),
    detail:
      'The text names a file that holds secrets (keys, credentials or an MCP client’s configuration).',
  },
  {
    kind: 'secret-access',
    pattern: new RegExp(String.raw`\b${TAKE_VERB}\b[^.\n]{0,60}?\b${SECRET_NOUN}\b`, 'giu'),
    detail: 'The text asks for secrets to be read or passed along.',
  },
  {
    kind: 'exfiltration-url',
    pattern: new RegExp(String.raw`https?:\/\/${CAPTURE_HOSTS}(?:[/:?#][^\s<>"'\x60)\]]*)?`, 'giu'),
    detail:
      'The URL is a request-capture or tunnel service, where data sent to it can be read by whoever set it up.',
  },
  {
    kind: 'exfiltration-url',
    pattern: new RegExp(
      String.raw`\b(?:send|post|upload|forward|transmit|exfiltrate|submit)\b[^.\n]{0,80}?\bto\s+<?${URL}`,
      'giu',
    ),
    detail: 'The text tells the model to send data to a URL.',
  },
  {
    kind: 'exfiltration-url',
    // A Markdown image whose URL carries a query: rendering it sends the query to that host.
    pattern: new RegExp(String.raw`!\[[^\]\n]{0,100}\]\(\s*${URL}\?[^)\s]*\)`, 'giu'),
    detail:
      'A Markdown image with a query string: displaying it sends that data to the image’s host.',
  },
  {
    kind: 'exfiltration-url',
    pattern: new RegExp(
      String.raw`https?:\/\/[^\s<>"'\x60)\]?]+\?[^\s<>"'\x60)\]]*?[{<$%]\w*(?:data|content|conversation|chat|history|secret|key|token|password|env|file|context|message|prompt)\w*`,
      'giu',
    ),
    detail: 'A URL whose query is a template for conversation data or secrets.',
  },
];

/** Every rule's matches in `text`, overlapping ones of the same kind merged. */
export function findInstructionPatterns(text: string): Match[] {
  const matches: Match[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      const overlap = matches.find((x) => x.kind === rule.kind && x.start < end && start < x.end);
      if (overlap) {
        overlap.start = Math.min(overlap.start, start);
        overlap.end = Math.max(overlap.end, end);
        continue;
      }
      matches.push({ kind: rule.kind, start, end, detail: rule.detail });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}
