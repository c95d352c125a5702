import { z } from 'zod';
import type { ToolListingSchema } from '@/lib/report/schema';
import { plural } from '@/lib/text/plural';
import { failed, ok, skipped, type ProbeStep } from '../context';
import { asProbeError, type Session } from '../mcp';
import type { Recorder } from '../recorder';

type ToolListing = z.infer<typeof ToolListingSchema>;

/**
 * `tools/list` through every page, then the first page once more to see whether the list is
 * stable. Without a session nothing later can run: the run stops here.
 */
export const toolsStep: ProbeStep = {
  id: 'tools',
  async run({ session, recorder, limits, transcript }) {
    if (!session) {
      return skipped('skipped: no MCP session was opened', 'skipped: no MCP session was opened');
    }
    const { listing, tools } = await listTools(session, recorder, limits);
    transcript.listing = listing;
    transcript.tools = tools;
    const failedPage = listing.pages.find((p) => p.error);
    if (failedPage?.error) return failed(failedPage.error);
    listing.relist = await relistTools(session, recorder);
    return ok(`${plural(tools.length, 'tool')} in ${plural(listing.pages.length, 'page')}`);
  },
};

/**
 * Deliberately loose: the SDK's ToolSchema rejects the whole page when one tool is malformed, and a
 * malformed tool is exactly what the checks want to see.
 */
const LooseToolsPageSchema = z.looseObject({
  tools: z.array(z.unknown()),
  nextCursor: z.string().optional(),
});

type LooseToolsPage = z.infer<typeof LooseToolsPageSchema>;

export interface ListBounds {
  maxToolPages: number;
  maxTools: number;
}

/** Follows `nextCursor` through every page, bounded in pages, tools and repeated cursors. */
export async function listTools(
  session: Session,
  recorder: Recorder,
  bounds: ListBounds,
): Promise<{ listing: ToolListing; tools: unknown[] }> {
  const listing: ToolListing = { pages: [], stoppedEarly: null, relist: null };
  const tools: unknown[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  for (;;) {
    if (listing.pages.length >= bounds.maxToolPages) {
      listing.stoppedEarly = `stopped after ${bounds.maxToolPages} pages: the server keeps returning a nextCursor`;
      break;
    }
    const mark = recorder.mark();
    const started = recorder.now();
    try {
      const page: LooseToolsPage = await session.request(
        'tools/list',
        cursor === null ? {} : { cursor },
        LooseToolsPageSchema,
      );
      const nextCursor: string | null = page.nextCursor ?? null;
      listing.pages.push({
        cursor,
        nextCursor,
        count: page.tools.length,
        exchangeId: lastRpc(recorder, mark),
        durationMs: recorder.now() - started,
        error: null,
      });
      const room = bounds.maxTools - tools.length;
      tools.push(...page.tools.slice(0, room));
      // A list that ends exactly at the bound is complete; only one that goes on past it is not.
      if (nextCursor === null && page.tools.length <= room) break;
      if (tools.length >= bounds.maxTools) {
        const arrived = bounds.maxTools - room + page.tools.length;
        listing.stoppedEarly =
          page.tools.length > room
            ? `kept the first ${bounds.maxTools} of at least ${arrived} tools; the rest were not read`
            : `stopped at ${bounds.maxTools} tools: the server has more pages (nextCursor), which were not read`;
        break;
      }
      if (nextCursor === null) break;
      if (seen.has(nextCursor)) {
        listing.stoppedEarly = `the server returned the cursor "${nextCursor.slice(0, 40)}" twice: the pages loop`;
        break;
      }
      seen.add(nextCursor);
      cursor = nextCursor;
    } catch (error) {
      listing.pages.push({
        cursor,
        nextCursor: null,
        count: 0,
        exchangeId: lastRpc(recorder, mark),
        durationMs: recorder.now() - started,
        error: asProbeError(error, 'tools/list'),
      });
      break;
    }
  }
  return { listing, tools };
}

/** The first page again, later in the run: a list that changes between two calls confuses clients. */
export async function relistTools(
  session: Session,
  recorder: Recorder,
): Promise<ToolListing['relist']> {
  const mark = recorder.mark();
  try {
    const page = await session.request('tools/list', {}, LooseToolsPageSchema);
    return { tools: page.tools, exchangeId: lastRpc(recorder, mark) };
  } catch {
    return null;
  }
}

/** The exchange that carried the request (the first since the mark, for POST-based transports). */
function lastRpc(recorder: Recorder, mark: number): string | null {
  return recorder.idsSince(mark)[0] ?? null;
}
