import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '@/lib/probe/redact';

describe('redaction of authorization challenges', () => {
  const redactor = new Redactor({ values: ['s3cret-token-value'] });

  it('keeps a Bearer challenge readable: its auth-params are not a credential', () => {
    const header =
      'Bearer resource_metadata="https://x.test/.well-known/oauth-protected-resource/mcp", scope="files:read"';
    expect(redactor.headers([['www-authenticate', header]])).toEqual([
      ['www-authenticate', header],
    ]);
    const error = 'Bearer error="invalid_token", error_description="The access token expired"';
    expect(redactor.headers([['WWW-Authenticate', error]])).toEqual([['WWW-Authenticate', error]]);
  });

  it('still removes the run’s own secrets from a challenge', () => {
    expect(
      redactor.headers([
        [
          'www-authenticate',
          'Bearer error="invalid_token", error_description="s3cret-token-value is unknown"',
        ],
      ]),
    ).toEqual([
      [
        'www-authenticate',
        `Bearer error="invalid_token", error_description="${REDACTED} is unknown"`,
      ],
    ]);
  });

  it('still redacts credentials in other headers and in text', () => {
    expect(redactor.headers([['x-echo', 'Bearer abc.def']])).toEqual([
      ['x-echo', `Bearer ${REDACTED}`],
    ]);
    expect(redactor.headers([['authorization', 'Bearer abc.def']])).toEqual([
      ['authorization', `Bearer ${REDACTED}`],
    ]);
  });
});

describe('redaction of text that mentions Bearer', () => {
  const redactor = new Redactor();

  it.each([
    ['Bearer realm="mcp", scope="notes:read"', 'Bearer realm="mcp", scope="notes:read"'],
    ['Bearer resource_metadata="https://x.test/m"', 'Bearer resource_metadata="https://x.test/m"'],
    ['Bearer error=invalid_token', 'Bearer error=invalid_token'],
    ['Bearer eyJhbGciOi.eyJzdWIi.c2ln', `Bearer ${REDACTED}`],
    ['{"authorization":"Basic dXNlcjpwYXNzd29yZA="}', `{"authorization":"Basic ${REDACTED}"}`],
    ['{"a":"Basic dXNlcjpwYXNz=","b":"c d"}', `{"a":"Basic ${REDACTED}","b":"c d"}`],
    ['Authorization: Bearer abc==', `Authorization: Bearer ${REDACTED}`],
  ])('%s', (input, expected) => {
    expect(redactor.text(input)).toBe(expected);
  });
});

describe('redaction of registration responses', () => {
  it('hides the client secret and the RFC 7592 registration access token', () => {
    const body =
      '{"client_id":"abc","client_secret":"s1","registration_access_token":"rat-123","redirect_uris":["https://x.test/cb"]}';
    expect(new Redactor().text(body)).toBe(
      `{"client_id":"abc","client_secret":"${REDACTED}","registration_access_token":"${REDACTED}","redirect_uris":["https://x.test/cb"]}`,
    );
  });
});
