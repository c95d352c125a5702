import { z } from 'zod';
import { advertisedVersions, serverEra } from '@/lib/checks/shared/era';
import type { Report, Transcript } from '@/lib/report/schema';

// Lenient on purpose: the connection checks judge validity; this only picks out what to display.
const text = z.string().optional().catch(undefined);
const IdentitySchema = z.object({ name: text, version: text }).optional().catch(undefined);
const DisplayInitSchema = z.object({
  protocolVersion: text,
  serverInfo: IdentitySchema,
  instructions: text,
});
// 2026-07-28 carries the server's identity in `_meta` (server/discover, "DiscoverResult").
const DisplayDiscoverSchema = z.object({
  instructions: text,
  _meta: z
    .object({ 'io.modelcontextprotocol/serverInfo': IdentitySchema })
    .optional()
    .catch(undefined),
});

/** Who the server says it is and what it speaks, from whichever leg the run used. */
export function serverInfo(transcript: Transcript): Report['server'] {
  const init = DisplayInitSchema.safeParse(transcript.mcp?.initializeResult ?? {});
  const discover = DisplayDiscoverSchema.safeParse(transcript.mcp?.modern?.discover ?? {});
  const legacy = init.success ? init.data : {};
  const modern = discover.success ? discover.data : {};
  const modernInfo = modern._meta?.['io.modelcontextprotocol/serverInfo'];
  const useModern = transcript.mcp?.sessionEra === 'modern';
  const identity = useModern ? modernInfo : (legacy.serverInfo ?? modernInfo);
  return {
    name: identity?.name ?? null,
    version: identity?.version ?? null,
    protocolVersion: useModern ? '2026-07-28' : (legacy.protocolVersion ?? null),
    era: serverEra(transcript),
    versions: advertisedVersions(transcript),
    transport: transcript.mcp?.transport ?? null,
    instructions: (useModern ? modern.instructions : legacy.instructions) ?? null,
  };
}
