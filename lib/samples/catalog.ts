import { AUTH_SAMPLES } from './auth-samples';
import { CONNECTION_SAMPLES } from './connection-samples';
import { ERA_SAMPLES } from './era-samples';
import { SECURITY_SAMPLES } from './security-samples';
import type { Sample } from './types';
import { WIDGET_SAMPLES } from './widget-samples';

/** Every built-in sample, in the order the home page lists them. */
export const SAMPLES: readonly Sample[] = [
  ...CONNECTION_SAMPLES,
  ...ERA_SAMPLES,
  ...WIDGET_SAMPLES,
  ...AUTH_SAMPLES,
  ...SECURITY_SAMPLES,
];

export const findSample = (slug: string): Sample | undefined =>
  SAMPLES.find((s) => s.slug === slug);
