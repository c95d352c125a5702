import { AUTH_CHECKS } from './auth';
import { CONNECTION_CHECKS } from './connection';
import type { CheckDefinition } from './define';
import { TOOLS_CHECKS } from './tools';
import { WIDGETS_CHECKS } from './widgets';

/** Every check, in area order (connection, tools, widgets, auth), each area sorted by id. */
export const CHECKS: readonly CheckDefinition[] = [
  ...CONNECTION_CHECKS,
  ...TOOLS_CHECKS,
  ...WIDGETS_CHECKS,
  ...AUTH_CHECKS,
];
