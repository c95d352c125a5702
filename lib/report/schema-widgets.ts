import { z } from 'zod';

/**
 * What the probe records about widget templates (resources/list, resources/templates/list,
 * resources/read of each template, and the assets the HTML references). Filled in by issue #3.
 */
export const WidgetsProbeSchema = z.object({});
export type WidgetsProbe = z.infer<typeof WidgetsProbeSchema>;
