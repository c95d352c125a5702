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
      ['cookie', `sid=${REDACTED}`],
      ['x-team-key', REDACTED],
      ['accept', 'text/html'],
    ]);
  });

  it('keeps cookie names (a load balancer names its affinity cookie), never their values', () => {
    expect(
      new Redactor().headers([
        ['set-cookie', 'AWSALB=Xk2v9/abc+def; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Path=/'],
        ['Cookie', 'a=1; __cflb=0H28vgH; theme=dark'],
        ['set-cookie', 'no pair here'],
        ['set-cookie', '<script>=x'],
      ]),
    ).toEqual([
      ['set-cookie', `AWSALB=${REDACTED}`],
      ['Cookie', `a=${REDACTED}; __cflb=${REDACTED}; theme=${REDACTED}`],
      ['set-cookie', REDACTED],
      ['set-cookie', REDACTED],
    ]);
  });

  it.each([
    ['?key=7f3a9c1e5b2d8f4a', `?key=${REDACTED}`],
    ['?auth=4f1c2d3e5a6b7c8d9e', `?auth=${REDACTED}`],
    ['?sig=AbCdEf0123456789%2Bxyz%3D&x=1', `?sig=${REDACTED}&x=1`],
    ['?brain_key=7f3a9c1e5b2d8f4a', `?brain_key=${REDACTED}`],
    ['?x-brain-key=7f3a9c1e5b2d8f4a', `?x-brain-key=${REDACTED}`],
    ['?GITHUB_TOKEN=ghp_0123456789abcdef', `?GITHUB_TOKEN=${REDACTED}`],
    ['&webhook.secret=whsec_0123456789', `&webhook.secret=${REDACTED}`],
    // Short or worded values are not generated secrets: lookups and modes stay readable.
    ['?key=3', '?key=3'],
    ['?auth=oauth', '?auth=oauth'],
    ['?monkey=1234567890abcdef', '?monkey=1234567890abcdef'],
    ['?keyword=authentication', '?keyword=authentication'],
  ])('redacts %s when the value looks like a secret', (input, expected) => {
    expect(new Redactor().text(input)).toBe(expected);
  });

  it('a URL keeps the name of each credential parameter it redacts', () => {
    expect(
      new Redactor().url('https://acme.supabase.co/functions/v1/brain?key=7f3a9c1e5b2d8f4a'),
    ).toBe(`https://acme.supabase.co/functions/v1/brain?key=${REDACTED}`);
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
