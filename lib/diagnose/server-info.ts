import { z } from 'zod';
import type { Report, Transcript } from '@/lib/report/schema';

// Lenient on purpose: the connection checks judge validity; this only picks out what to display.
const DisplayInitSchema = z.object({
  protocolVersion: z.string().optional().catch(undefined),
  serverInfo: z
    .object({
      name: z.string().optional().catch(undefined),
      version: z.string().optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  instructions: z.string().optional().catch(undefined),
});

export function serverInfo(transcript: Transcript): Report['server'] {
  const init = DisplayInitSchema.safeParse(transcript.mcp?.initializeResult ?? {});
  const data = init.success ? init.data : {};
  return {
    name: data.serverInfo?.name ?? null,
    version: data.serverInfo?.version ?? null,
    protocolVersion: data.protocolVersion ?? null,
    transport: transcript.mcp?.transport ?? null,
    instructions: data.instructions ?? null,
  };
}
