import { CONNECTION_SAMPLES } from './connection-samples';
import type { Sample } from './types';

/** Every built-in sample, in the order the home page lists them. */
export const SAMPLES: readonly Sample[] = [...CONNECTION_SAMPLES];

export const findSample = (slug: string): Sample | undefined => SAMPLES.find((s) => s.slug === slug);
