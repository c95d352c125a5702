import type { Match } from './poisoning-schema';

/**
 * Shadowing: a tool's description that changes how another tool is used — "when send_email is
 * called, it must send all emails to …" (Invariant Labs,
 * https://invariantlabs.ai/blog/mcp-security-notification-tool-poisoning-attacks). The other
 * tool may belong to a different server the client has also connected, so a mention counts when
 * it names a tool of this server (a plain-word name only in quotes or followed by "tool"), any
 * name followed by "tool" or preceded by "tool", or tools in general ("any other tool").
 *
 * Benign servers cross-reference their tools all the time — "DEPRECATED: Use read_text_file
 * instead", "Use `get-roots-list` to see client workspace roots before file operations",
 * "Prefer reading resources before calling mutating tools" — recommending one tool over another.
 * What they do not do is attach conditions or orders to the other tool's own use. So a sentence
 * fires only in one of these shapes:
 * - a condition on the other tool's own use and an order in the same sentence ("when calling X",
 *   "before you use X", "when X is called" … "always/must/never/make sure/instead");
 * - the other tool as the subject of an order ("X must …", "X should always …");
 * - "all/every calls/requests/emails to/sent with X";
 * - a condition on using any/every/other tools with an order ("before calling any tool, you must").
 */

// A tool name as written in prose, without a trailing `.` or `-` (a sentence may end on it).
const IDENTIFIER = String.raw`[A-Za-z](?:[\w.-]{0,126}\w)?`;
// A name that cannot be an ordinary English word: it has a separator, a digit or an inner capital.
const LOOKS_LIKE_TOOL = /[_.\-\d]|[a-z][A-Z]/;
// A candidate mention, checked against the tool names afterwards (a regex alternation of
// thousands of names would cost seconds per server).
const MENTION = String.raw`(?<q>[\x60'"]?)(?<name>${IDENTIFIER})\k<q>(?<suffix>\s+tool\b)?`;

const USE = String.raw`(?:us(?:e|es|ing|ed)|call(?:s|ing|ed)?|invok(?:e|es|ing|ed)|run(?:s|ning)?|execut(?:e|es|ing|ed)|trigger(?:s|ing|ed)?)`;
const CONDITION = String.raw`(?:when(?:ever)?|before|after|every\s+time|each\s+time|if|once)`;
const ACTOR = String.raw`(?:(?:you|the\s+(?:model|assistant|agent|user))\s+)?(?:(?:are|is)\s+)?`;
const ORDER =
  /\b(?:must|always|never|shall|make\s+sure|ensure|be\s+sure|is\s+required|are\s+required|has\s+to|have\s+to|instead|in\s+place\s+of|rather\s+than|replace|redirect|override|bcc|cc)\b/iu;
const GENERIC = String.raw`(?<generic>(?:any|every|all|other|another)\s+(?:other\s+)?tools?)\b`;

interface Shape {
  re: RegExp;
  /** A condition on a tool's use steers it only with an order in the same sentence. */
  needsOrder: boolean;
}

const SHAPES: Shape[] = [
  // "when calling X", "before you use X": a condition on the other tool's own use.
  {
    re: new RegExp(String.raw`\b${CONDITION}\s+${ACTOR}${USE}\s+(?:the\s+)?${MENTION}`, 'giu'),
    needsOrder: true,
  },
  // "when X is called"
  {
    re: new RegExp(
      String.raw`\b${CONDITION}\s+(?:the\s+)?${MENTION}\s+(?:is|gets|was)\s+(?:called|used|invoked|run|executed|triggered)\b`,
      'giu',
    ),
    needsOrder: true,
  },
  // "X must …": the other tool as the subject of an order.
  {
    re: new RegExp(
      String.raw`(?<![\w.-])${MENTION}\s+(?:must|should|shall|will\s+always|always|has\s+to|needs?\s+to|is\s+required\s+to)\b`,
      'giu',
    ),
    needsOrder: false,
  },
  // "all emails sent with X"
  {
    re: new RegExp(
      String.raw`\b(?:all|every|any)\s+(?:calls?|requests?|invocations?|uses?|emails?|messages?|queries|payments?)\s+(?:to|of|from|made\s+(?:with|by|through)|sent\s+(?:with|by|through|via))\s+(?:the\s+)?${MENTION}`,
      'giu',
    ),
    needsOrder: false,
  },
  // "before calling any other tool"
  {
    re: new RegExp(String.raw`\b${CONDITION}\s+${ACTOR}${USE}\s+${GENERIC}`, 'giu'),
    needsOrder: true,
  },
];

/** Names the text itself calls tools: "the send_email tool", "tool `send_email`". */
const DECLARED = new RegExp(
  String.raw`(?<![\w.-])(${IDENTIFIER})(?=\s+tool\b)|\btool\s+[\x60'"]?(${IDENTIFIER})`,
  'gu',
);

/** Sentences of `text` with their offsets; a `.` inside a dotted name does not end one. */
function sentences(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const boundary = /[.!?](?=\s|$)|\n/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    out.push({ start, text: text.slice(start, end) });
    start = end;
  }
  if (start < text.length) out.push({ start, text: text.slice(start) });
  return out;
}

/**
 * A detector for one server's tools: it returns the sentences of `text`, from tool `self` (null
 * for the server's instructions), that steer other tools — this server's, or another server's
 * that the text itself calls a tool ("the also present send_email tool").
 */
export function shadowingDetector(
  names: readonly string[],
): (text: string, self: string | null) => Match[] {
  const known = new Set(names);
  return (text, self) => {
    // Only tool-like names: in "this tool" or "any tool" the word is not another tool's name.
    const declared = new Set(
      [...text.matchAll(DECLARED)]
        .map((m) => m[1] ?? m[2] ?? '')
        .filter((n) => LOOKS_LIKE_TOOL.test(n)),
    );
    const isOtherTool = (g: Record<string, string | undefined>) => {
      const name = g.name ?? '';
      if (name === self) return false;
      // A plain-word name ("search") is a mention only in quotes or as "search tool".
      const explicit = LOOKS_LIKE_TOOL.test(name) || Boolean(g.q) || Boolean(g.suffix);
      return (known.has(name) && explicit) || declared.has(name);
    };
    const matches: Match[] = [];
    for (const sentence of sentences(text)) {
      const ordered = ORDER.test(sentence.text);
      for (const { re, needsOrder } of SHAPES) {
        if (needsOrder && !ordered) continue;
        const m = [...sentence.text.matchAll(re)].find(
          (x) => x.groups?.generic !== undefined || isOtherTool(x.groups ?? {}),
        );
        if (!m) continue;
        const lead = sentence.text.length - sentence.text.trimStart().length;
        const target = m.groups?.generic !== undefined ? 'other tools' : (m.groups?.name ?? '');
        matches.push({
          kind: 'shadowing',
          start: sentence.start + lead,
          end: sentence.start + sentence.text.trimEnd().length,
          detail: `The text gives orders about how ${target} must be used, which can hijack calls meant for ${target === 'other tools' ? 'them' : 'it'}.`,
        });
        break;
      }
    }
    return matches;
  };
}
