import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from './redact';

describe('Redactor', () => {
  const redactor = new Redactor({
    values: ['s3cr3t-token-value', 'team-key-123456'],
    headerNames: ['X-Team-Key'],
  });

  it('replaces known secret values wherever they appear', () => {
    expect(redactor.text('echo: s3cr3t-token-value and team-key-123456')).toBe(
      `echo: ${REDACTED} and ${REDACTED}`,
    );
  });

  it('keeps the auth scheme but hides the credential', () => {
    expect(redactor.headers([['Authorization', 'Bearer abc.def']])).toEqual([
      ['Authorization', `Bearer ${REDACTED}`],
    ]);
    expect(
      redactor.headers([
        ['cookie', 'sid=1'],
        ['x-team-key', 'whatever'],
        ['accept', 'text/html'],
      ]),
    ).toEqual([
      ['cookie', REDACTED],
      ['x-team-key', REDACTED],
      ['accept', 'text/html'],
    ]);
  });

  it.each([
    [
      '{"access_token":"abc","token_type":"Bearer"}',
      `{"access_token":"${REDACTED}","token_type":"Bearer"}`,
    ],
    ['{"refresh_token" : "r\\"x", "ok": 1}', `{"refresh_token" : "${REDACTED}", "ok": 1}`],
    [
      'grant_type=authorization_code&code=xyz&code_verifier=abc',
      `grant_type=authorization_code&code=${REDACTED}&code_verifier=${REDACTED}`,
    ],
    ['client_secret=shh', `client_secret=${REDACTED}`],
    ['{"error":{"code":-32600,"message":"bad"}}', '{"error":{"code":-32600,"message":"bad"}}'],
    ['error_code=7', 'error_code=7'],
    ['WWW-Authenticate: Bearer abcdef', `WWW-Authenticate: Bearer ${REDACTED}`],
  ])('redacts credentials by name in %s', (input, expected) => {
    expect(new Redactor().text(input)).toBe(expected);
  });

  it('redacts credentials in URLs', () => {
    expect(new Redactor().url('https://u:p@h.example/cb?code=abc&state=s1')).toBe(
      `https://${REDACTED}@h.example/cb?code=${REDACTED}&state=s1`,
    );
    expect(new Redactor().url('https://h.example/mcp?access_token=t0k3n')).toBe(
      `https://h.example/mcp?access_token=${REDACTED}`,
    );
  });

  it('cuts text without keeping the start of a secret the cut splits', () => {
    const redactor = new Redactor({ values: ['sekret-token-123'] });
    const text = 'abc sekret-token-123 tail';
    expect(redactor.cut(text, 12)).toBe('abc ');
    expect(redactor.cut('x"access_token":"abcdef" y', 20)).toBe('x');
    expect(redactor.cut(text, 30)).toBe(`abc ${REDACTED} tail`);
    expect(redactor.cut(text, 3)).toBe('abc');
  });

  it('ignores very short values that would redact ordinary text', () => {
    expect(new Redactor({ values: ['a'] }).text('a cat')).toBe('a cat');
  });
});
