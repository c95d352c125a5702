import type { CheckDefinition } from '../define';
import url from './url';

/** The Connection row's checks, sorted by id. */
export const CONNECTION_CHECKS: CheckDefinition[] = [url];
