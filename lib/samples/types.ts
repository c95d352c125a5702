import type { Area, RowStatus } from '@/lib/report/schema';

/** A built-in sample endpoint: a real MCP server (or a deliberately broken one) served by the app. */
export interface Sample {
  /** Served at `/samples/<slug>/mcp`. */
  slug: string;
  title: string;
  /** One sentence: what checking this sample demonstrates. */
  demonstrates: string;
  /** The path to check, when it is not `/samples/<slug>/mcp` (the wrong-path sample points elsewhere). */
  path?: string;
  /**
   * The row statuses a diagnosis of this sample must show when the dashboard is publicly reachable
   * (used by the tests; on localhost `connection.public` adds a warning to the Connection row).
   */
  expected: Partial<Record<Area, RowStatus>>;
  /** Answers every request to `/samples/<slug>/mcp`; absent for samples that are only a path. */
  handle?: (request: Request) => Promise<Response>;
}

export const samplePath = (sample: Sample): string => sample.path ?? `/samples/${sample.slug}/mcp`;
