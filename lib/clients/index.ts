import { BROWSER } from './browser';
import { CHATGPT } from './chatgpt';
import { CLAUDE } from './claude';
import { CURSOR } from './cursor';
import { GENERIC } from './generic';
import { CLIENT_IDS, ClientIdSchema, type ClientId } from './ids';
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

export { CLIENT_IDS, ClientIdSchema, type ClientId };

export function profileOf(id: ClientId): ClientProfile {
  const profile = CLIENT_PROFILES.find((p) => p.id === id);
  if (!profile) throw new Error(`unknown client ${id}`);
  return profile;
}
