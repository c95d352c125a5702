import { z } from 'zod';

/**
 * The messages a widget preview's iframe may post to the dashboard, as zod schemas: the page
 * parses every message with these, after checking it came from that iframe's window. Anything else
 * — however it is shaped — is dropped. Strings are cut short rather than refused.
 */
const text = (max = 1000) =>
  z.string().transform((s) => (s.length > max ? `${s.slice(0, max - 1)}…` : s));

const BridgeDataSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready'), data: z.object({ appsSdk: z.boolean() }) }),
  z.object({ kind: z.literal('loaded'), data: z.object({}) }),
  z.object({ kind: z.literal('error'), data: z.object({ message: text() }) }),
  z.object({ kind: z.literal('rejection'), data: z.object({ message: text() }) }),
  z.object({
    kind: z.literal('console'),
    data: z.object({ level: z.enum(['error', 'warn']), message: text() }),
  }),
  z.object({
    kind: z.literal('csp'),
    data: z.object({ directive: text(100), blocked: text(500), sample: text(200) }),
  }),
  z.object({ kind: z.literal('asset'), data: z.object({ tag: text(40), url: text(500) }) }),
  z.object({ kind: z.literal('host'), data: z.object({ api: text(100), detail: text(500) }) }),
  // window.openai.requestDisplayMode({ mode }) from an Apps SDK widget; `id` pairs the answer.
  z.object({
    kind: z.literal('display'),
    data: z.object({ id: z.number().int().nonnegative(), mode: text(40) }),
  }),
  z.object({
    kind: z.literal('size'),
    data: z.object({ height: z.number().finite().nonnegative() }),
  }),
]);

/** A report from the bridge script: only trusted when its nonce is this preview's. */
export const BridgeMessageSchema = z
  .object({ channel: z.literal('mcp-doctor-preview'), nonce: z.string().max(200) })
  .and(BridgeDataSchema);
export type BridgeMessage = z.infer<typeof BridgeMessageSchema>;

const JsonRpcId = z.union([z.string().max(200), z.number().finite()]);

/** A JSON-RPC request or notification from an MCP Apps widget (SEP-1865 "Communication Protocol"). */
export const WidgetRpcSchema = z.object({
  jsonrpc: z.literal('2.0'),
  id: JsonRpcId.optional(),
  method: z.string().max(200),
  params: z.unknown().optional(),
});
export type WidgetRpc = z.infer<typeof WidgetRpcSchema>;

export const SizeChangedParamsSchema = z.object({
  width: z.number().finite().optional(),
  height: z.number().finite().optional(),
});

export const LogParamsSchema = z.object({
  level: text(20).optional(),
  data: z.unknown().optional(),
  logger: text(100).optional(),
});

export const OpenLinkParamsSchema = z.object({ url: text(500) });

/** `ui/request-display-mode` params; the mode is judged by the host (preview-display.ts). */
export const RequestDisplayModeParamsSchema = z.object({ mode: text(40) });

export const CallToolParamsSchema = z.object({
  name: text(200),
  arguments: z.unknown().optional(),
});
