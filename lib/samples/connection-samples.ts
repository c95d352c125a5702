import { handleMcpRequest } from './handler';
import { healthyServer } from './healthy';
import type { Sample } from './types';

/** Samples for the Connection and Tools rows. */
export const CONNECTION_SAMPLES: Sample[] = [
  {
    slug: 'healthy',
    title: 'Healthy server',
    demonstrates: 'A well-behaved MCP server with three annotated tools: every row passes.',
    expected: { connection: 'pass', tools: 'pass' },
    handle: (request) => handleMcpRequest(request, healthyServer),
  },
];
