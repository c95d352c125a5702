import type { CheckDefinition } from '../define';

/** The Widget row's checks, sorted by id. */
export const WIDGETS_CHECKS: CheckDefinition[] = [];
