import { z } from 'zod';
import type { RunSummary } from './schema';

/** A history page's cursor: where the previous page ended (start time, then id), opaque to clients. */
const CursorSchema = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    const [startedAt, id] = Buffer.from(value, 'base64url').toString().split('\n');
    if (!startedAt || !id) {
      ctx.addIssue({ code: 'custom', message: 'cursor is not one this API gave' });
      return z.NEVER;
    }
    return { startedAt, id };
  });
export const encodeCursor = (run: Pick<RunSummary, 'startedAt' | 'id'>) =>
  Buffer.from(`${run.startedAt}\n${run.id}`).toString('base64url');
export const parseCursor = (value: string) => CursorSchema.safeParse(value);
