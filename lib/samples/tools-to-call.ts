import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type CallToolResult,
  type ListToolsResult,
} from '@modelcontextprotocol/sdk/types.js';

const ORDER_SCHEMA = {
  type: 'object' as const,
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['open', 'shipped', 'cancelled'] },
    items: { type: 'integer', minimum: 0 },
    total: { type: 'number', minimum: 0 },
  },
  required: ['id', 'status', 'items', 'total'],
  additionalProperties: false,
};

const TOTALS_SCHEMA = {
  type: 'object' as const,
  properties: {
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    count: { type: 'integer' },
    revenue: { type: 'number' },
  },
  required: ['currency', 'count', 'revenue'],
};

/** Four order tools, each annotated as the spec's ToolAnnotations describe. */
const TOOLS: ListToolsResult['tools'] = [
  {
    name: 'get_order',
    title: 'Get order',
    description: 'Returns one order (status, item count and total) by its id, for example A-1001.',
    inputSchema: {
      type: 'object',
      properties: { id: { type: 'string', description: 'Order id, such as A-1001' } },
      required: ['id'],
    },
    outputSchema: ORDER_SCHEMA,
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: 'order_totals',
    title: 'Order totals',
    description:
      'Sums the orders of a month: how many there were and the revenue, in the shop currency.',
    inputSchema: {
      type: 'object',
      properties: { month: { type: 'string', description: 'The month, as YYYY-MM' } },
    },
    outputSchema: TOTALS_SCHEMA,
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: 'recent_orders',
    title: 'Recent orders',
    description: 'Lists the most recent orders, newest first, up to a limit.',
    inputSchema: {
      type: 'object',
      properties: {
        limit: { type: 'integer', minimum: 1, maximum: 10, default: 3 },
        status: { type: 'string', enum: ['open', 'shipped', 'cancelled'] },
      },
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: 'cancel_order',
    title: 'Cancel order',
    description: 'Cancels an open order by its id; the order cannot be reopened afterwards.',
    inputSchema: {
      type: 'object',
      properties: { id: { type: 'string', description: 'Order id, such as A-1001' } },
      required: ['id'],
    },
    annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: false },
  },
];

const ORDERS = [
  { id: 'A-1003', status: 'open', items: 1, total: 12.5 },
  { id: 'A-1002', status: 'shipped', items: 2, total: 40 },
  { id: 'A-1001', status: 'open', items: 3, total: 27.9 },
] as const;

const text = (value: unknown): CallToolResult['content'] => [
  { type: 'text', text: JSON.stringify(value) },
];

function call(name: string, args: Record<string, unknown>): CallToolResult {
  const id = typeof args.id === 'string' ? args.id : '';
  const order = ORDERS.find((o) => o.id === id);
  switch (name) {
    case 'get_order':
      if (!order)
        return { content: [{ type: 'text', text: `No order ${id.slice(0, 40)}` }], isError: true };
      return { content: text(order), structuredContent: { ...order } };
    case 'order_totals': {
      // Deliberately not what the outputSchema says: a lower-case currency and the count as text.
      const totals = { currency: 'eur', count: String(ORDERS.length), revenue: 80.4 };
      return { content: text(totals), structuredContent: totals };
    }
    case 'recent_orders': {
      const limit = typeof args.limit === 'number' ? Math.max(1, Math.min(10, args.limit)) : 3;
      const orders = ORDERS.filter((o) => !args.status || o.status === args.status).slice(0, limit);
      return { content: text(orders) };
    }
    case 'cancel_order':
      // Nothing is kept: every request gets a fresh server, so "cancelling" changes no state.
      if (!order)
        return { content: [{ type: 'text', text: `No order ${id.slice(0, 40)}` }], isError: true };
      return { content: [{ type: 'text', text: `Order ${order.id} cancelled.` }] };
    default:
      return {
        content: [{ type: 'text', text: `Unknown tool ${name.slice(0, 40)}` }],
        isError: true,
      };
  }
}

/**
 * Tools to call from the run page: read-only ones whose `structuredContent` conforms to the
 * `outputSchema` (get_order) or does not (order_totals), one without an `outputSchema`
 * (recent_orders), and a destructive one (cancel_order) that asks for a confirmation. Built on the
 * low-level Server: `McpServer` checks `structuredContent` itself and would refuse order_totals.
 */
export function toolsToCallServer(): Server {
  const server = new Server(
    { name: 'sample-tools-to-call', version: '1.0.0' },
    { capabilities: { tools: {} } },
  );
  server.setRequestHandler(ListToolsRequestSchema, (): ListToolsResult => ({ tools: TOOLS }));
  server.setRequestHandler(CallToolRequestSchema, (request) =>
    call(request.params.name, request.params.arguments ?? {}),
  );
  return server;
}
