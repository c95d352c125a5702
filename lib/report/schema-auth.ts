import { z } from 'zod';

/**
 * What the probe records about authorization: the challenge, every discovery URL tried and the
 * documents found. Filled in by issue #4.
 */
export const AuthProbeSchema = z.object({});
export type AuthProbe = z.infer<typeof AuthProbeSchema>;
