import type { CheckDefinition } from '../define';
import nonempty from './nonempty';

/** The Tools row's checks, sorted by id. */
export const TOOLS_CHECKS: CheckDefinition[] = [nonempty];
