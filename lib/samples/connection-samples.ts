import { handleEdgePage } from './edge-page';
import { handleMcpRequest } from './handler';
import { healthyServer } from './healthy';
import { handleHtmlPage } from './html-page';
import { invalidToolsServer } from './invalid-tools';
import { handleSlow } from './slow';
import { toolsToCallServer } from './tools-to-call';
import type { Sample } from './types';

/** Samples for the Connection and Tools rows. */
export const CONNECTION_SAMPLES: Sample[] = [
  {
    slug: 'healthy',
    title: 'Healthy server',
    demonstrates:
      'A well-behaved MCP server with three annotated tools: every check passes, except that on localhost the Connection row warns that ChatGPT cannot reach this machine (and that any web page could, as the SDK’s default transport takes any Origin and Host).',
    expected: { connection: 'pass', tools: 'pass' },
    handle: (request) => handleMcpRequest(request, healthyServer),
  },
  {
    slug: 'wrong-path',
    title: 'Wrong path',
    demonstrates:
      'A typo in the path (/mpc): the app answers 404, and the probe finds the MCP endpoint one segment over at /samples/healthy/mcp.',
    path: '/samples/healthy/mpc',
    expected: { connection: 'fail', tools: 'unverified' },
  },
  {
    slug: 'html-page',
    title: 'Web page instead of MCP',
    demonstrates:
      'The URL serves an HTML page with status 200 to every request, as a marketing site or an SPA fallback route does.',
    expected: { connection: 'fail', tools: 'unverified' },
    handle: handleHtmlPage,
  },
  {
    slug: 'bot-challenge',
    title: 'Behind a bot challenge',
    demonstrates:
      'A CDN answers instead of the server: 403 with cf-mitigated: challenge and a "Just a moment..." page, as Cloudflare bot protection sends to callers that run no JavaScript, ChatGPT\'s servers among them. Named as the edge, not as an auth error.',
    expected: { connection: 'fail', tools: 'unverified' },
    handle: handleEdgePage('cloudflare-challenge'),
  },
  {
    slug: 'invalid-tools',
    title: 'Invalid tools',
    demonstrates:
      'The session opens, but tools/list has an array input schema, a schema that does not compile, a duplicate name, a name with a space and a tool without a description.',
    expected: { connection: 'pass', tools: 'fail' },
    handle: (request) => handleMcpRequest(request, invalidToolsServer),
  },
  {
    slug: 'slow',
    title: 'Slow server',
    demonstrates:
      'initialize is answered after 3.5 s: past the 3 s after which ChatGPT may give up.',
    expected: { connection: 'warn', tools: 'pass' },
    handle: handleSlow,
  },
  {
    slug: 'tools-to-call',
    title: 'Tools to call',
    demonstrates:
      'Four order tools to try from the run page: get_order returns structuredContent that conforms to its outputSchema, order_totals returns some that does not, recent_orders has no outputSchema, and cancel_order is destructive, so it is called only after a confirmation (it changes nothing).',
    expected: { connection: 'pass', tools: 'pass' },
    handle: (request) => handleMcpRequest(request, toolsToCallServer),
  },
];
