/** XML text and attributes for the JUnit writers (./junit.ts, ./junit-clients.ts). */

/**
 * Characters XML 1.0 cannot carry at all (§2.2 Char: most C0 controls, lone surrogates, U+FFFE/F),
 * plus DEL and the C1 controls, which it allows but which only ever arrive here as terminal
 * escapes from a hostile server. They are dropped, not escaped: a character reference to them
 * would be just as ill-formed.
 */
const NOT_XML = /[^\t\n\r\x20-\x7E\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/**
 * Text for an attribute value. Line breaks and tabs become character references, or attribute
 * normalisation (XML 1.0 §3.3.3) would turn them into spaces. Every `>` is escaped, so a `]]>`
 * in remote text can never close anything.
 */
export function xmlAttribute(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"'\n\r\t]/g, (c) => ENTITIES[c] ?? c);
}

/** Text for element content: line breaks kept as they are, markup characters escaped. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>]/g, (c) => ENTITIES[c] ?? c);
}

export const attributes = (pairs: Record<string, string | number | undefined>): string =>
  Object.entries(pairs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');

export const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** A suite's (or the whole document's) test counts. */
export interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}
