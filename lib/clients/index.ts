import { z } from 'zod';
import { BROWSER } from './browser';
import { CHATGPT } from './chatgpt';
import { CLAUDE } from './claude';
import { CURSOR } from './cursor';
import { GENERIC } from './generic';
import type { ClientProfile } from './rule';
import { VSCODE } from './vscode';

/** Every client profile, in the order reports list them. */
export const CLIENT_PROFILES = [
  CHATGPT,
  CLAUDE,
  VSCODE,
  CURSOR,
  BROWSER,
  GENERIC,
] as const satisfies readonly ClientProfile[];

export type ClientId = (typeof CLIENT_PROFILES)[number]['id'];

export const CLIENT_IDS = CLIENT_PROFILES.map((p) => p.id) as [ClientId, ...ClientId[]];

export const ClientIdSchema = z.enum(CLIENT_IDS, {
  error: (issue) =>
    `"${String(issue.input).slice(0, 40)}" is unknown; the clients judged are ${CLIENT_IDS.join(', ')}`,
});

export function profileOf(id: ClientId): ClientProfile {
  const profile = CLIENT_PROFILES.find((p) => p.id === id);
  if (!profile) throw new Error(`unknown client ${id}`);
  return profile;
}
