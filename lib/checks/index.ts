import { AREA_TABLE, type Area } from '@/lib/report/areas';
import { AUTH_CHECKS } from './auth';
import { CONNECTION_CHECKS } from './connection';
import type { CheckDefinition } from './define';
import { TOOLS_CHECKS } from './tools';
import { WIDGETS_CHECKS } from './widgets';

/** Each area's checks, sorted by id; an area added to the table must register its checks here. */
const BY_AREA = {
  connection: CONNECTION_CHECKS,
  tools: TOOLS_CHECKS,
  widgets: WIDGETS_CHECKS,
  auth: AUTH_CHECKS,
} as const satisfies Record<Area, readonly CheckDefinition[]>;

type RegisteredCheck = (typeof BY_AREA)[Area][number];

/** Every check, in the areas' table order. */
export const CHECKS: readonly RegisteredCheck[] = AREA_TABLE.flatMap(
  (area): readonly RegisteredCheck[] => BY_AREA[area.id],
);

/** The id of a registered check: what the UI and tests name checks by, checked by the compiler. */
export type CheckId = RegisteredCheck['id'];

const IDS = new Set<string>(CHECKS.map((c) => c.id));
export const isCheckId = (id: string): id is CheckId => IDS.has(id);
