import { handleAuthSample } from './auth/handler';
import { AUTH_SAMPLE_DEFINITIONS } from './auth/samples';
import type { Sample } from './types';

/**
 * Samples for the Auth row: an OAuth-protected notes server with a real authorization server served
 * by the app, and variants that each break one thing ChatGPT depends on.
 */
export const AUTH_SAMPLES: Sample[] = AUTH_SAMPLE_DEFINITIONS.map(
  ({ slug, title, demonstrates, expected }) => ({
    slug,
    title,
    demonstrates,
    expected,
    handle: (request) => handleAuthSample(slug, request),
  }),
);
