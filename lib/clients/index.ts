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
