import { z } from 'zod';

/**
 * The clients judged, in the order reports list them. Kept apart from the profiles so the report
 * schema can name a client without importing the rules, which read reports.
 */
export const CLIENT_IDS = ['chatgpt', 'claude', 'vscode', 'cursor', 'browser', 'generic'] as const;

export type ClientId = (typeof CLIENT_IDS)[number];

export const ClientIdSchema = z.enum(CLIENT_IDS, {
  error: (issue) =>
    `"${String(issue.input).slice(0, 40)}" is unknown; the clients judged are ${CLIENT_IDS.join(', ')}`,
});
