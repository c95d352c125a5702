import type { Sample } from './types';

/** Samples for the Auth row. */
export const AUTH_SAMPLES: Sample[] = [];
