import { defineCheck } from '../define';
import { poisoningOutcome } from '../shared/poisoning';

const CODES = ['hidden-instructions', 'secret-access', 'exfiltration-url', 'shadowing'] as const;

/**
 * Wording addressed to the model rather than describing the tool: hidden instruction blocks
 * (`<IMPORTANT>`, "ignore previous instructions", "do not tell the user"), requests to read
 * secrets or local files (`~/.ssh`, `.env`), URLs to send data to, and one tool steering how
 * another is used (Invariant Labs' tool-poisoning and shadowing attacks). A warning: a person
 * should read it before trusting the server.
 */
export default defineCheck({
  id: 'tools.suspicious-instructions',
  area: 'tools',
  group: 'security',
  severity: 'warning',
  title: 'No tool description gives the model hidden instructions',
  failureTitle: 'Tool metadata gives the model suspicious instructions',
  fix: 'Describe what each tool does and when to use it, for the model and the user alike: no instruction blocks, no requests to read files or credentials, no URLs to send data to, and no rules about how other tools (or other servers’ tools) must be used. If you did not write the text shown, find where it came from before anyone connects.',
  docs: 'https://invariantlabs.ai/blog/mcp-security-notification-tool-poisoning-attacks',
  codes: CODES,
  run: (t) =>
    poisoningOutcome(
      t,
      CODES,
      [
        'addresses the model with instructions a user would not expect',
        'address the model with instructions a user would not expect',
      ],
      'No tool description or server instruction hides instructions, asks for secrets or steers other tools',
    ),
});
