import { defineCheck, pass } from '../define';

/** ChatGPT's connector takes one absolute URL; credentials and fragments in it are never sent. */
export default defineCheck({
  id: 'connection.url',
  area: 'connection',
  severity: 'error',
  title: 'The URL is a plain absolute http(s) URL',
  failureTitle: 'The URL cannot be used as given',
  fix: 'Give the full endpoint URL, such as https://example.com/mcp, without user:password@ or #fragment.',
  docs: 'https://developers.openai.com/apps-sdk/deploy/connect-chatgpt',
  codes: ['credentials-in-url', 'fragment'],
  run(t) {
    if (t.target.credentialsInUrl) {
      return {
        status: 'fail',
        code: 'credentials-in-url',
        message:
          'The URL carries a user name or password (user:password@host); MCP clients drop them.',
        fix: 'Remove user:password@ from the URL; send credentials as a bearer token or header instead.',
      };
    }
    if (t.target.fragment !== null) {
      return {
        status: 'fail',
        code: 'fragment',
        message: `The URL ends in a fragment (#${t.target.fragment.slice(0, 40)}) that is never sent to the server.`,
        fix: 'Remove the #fragment from the URL.',
      };
    }
    return pass(`${t.target.url} is a valid endpoint URL`);
  },
});
