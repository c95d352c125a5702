import type { CheckDefinition } from '../define';

/** The Auth row's checks, sorted by id. */
export const AUTH_CHECKS: CheckDefinition[] = [];
