import type { Sample } from './types';

/** Samples for the Widget row. */
export const WIDGET_SAMPLES: Sample[] = [];
