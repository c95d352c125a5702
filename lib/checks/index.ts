import { CONNECTION_CHECKS } from './connection';
import type { CheckDefinition } from './define';
import { TOOLS_CHECKS } from './tools';

/** Every check, in area order (connection, tools, widgets, auth), each area sorted by id. */
export const CHECKS: readonly CheckDefinition[] = [...CONNECTION_CHECKS, ...TOOLS_CHECKS];
