/**
 * The four rows of ChatGPT's connection-issues table, declared once. The area enum, the row titles,
 * the order of rows and checks, which areas a run may skip, and which probe steps feed each row
 * (JUnit suite times, raw-log filters) all derive from this table.
 */
export const AREA_TABLE = [
  {
    id: 'connection',
    title: 'Connection fails',
    name: 'Connection',
    steps: [
      'dns',
      'tcp',
      'tls',
      'initialize',
      'negotiation',
      'affinity',
      'eras',
      'cors',
      'exposure',
    ],
    // Every other row depends on the connection, so a run can never leave it out.
    skippable: false,
  },
  { id: 'tools', title: 'Tools not showing', name: 'Tools', steps: ['tools'], skippable: true },
  {
    id: 'widgets',
    title: 'Widget not rendering',
    name: 'Widgets',
    steps: ['resources'],
    skippable: true,
  },
  { id: 'auth', title: 'Auth errors', name: 'Auth', steps: ['auth'], skippable: true },
] as const;

export type AreaDefinition = (typeof AREA_TABLE)[number];
export type Area = AreaDefinition['id'];
export type StepId = AreaDefinition['steps'][number];

export const AREA_IDS = AREA_TABLE.map((a) => a.id) as [Area, ...Area[]];

export const STEP_IDS = AREA_TABLE.flatMap((a) => a.steps) as [StepId, ...StepId[]];

/**
 * The order the probe runs its steps in (lib/probe/probe.ts maps each id to its module), so a run
 * in progress can say which step it is waiting on.
 */
export const PROBE_ORDER = [
  'dns',
  'tcp',
  'tls',
  'initialize',
  'negotiation',
  'affinity',
  'auth',
  'cors',
  'exposure',
  'tools',
  'resources',
  'eras',
] as const satisfies readonly StepId[];

/** How each probe step is named where people read it (progress, the step list, the raw log). */
export const STEP_LABELS: Record<StepId, string> = {
  dns: 'DNS',
  tcp: 'TCP connect',
  tls: 'TLS certificate',
  initialize: 'MCP handshake',
  negotiation: 'Accept and Content-Type variants',
  affinity: 'Session affinity',
  eras: 'Protocol eras',
  cors: 'CORS (browser clients)',
  exposure: 'Local exposure (foreign Origin and Host)',
  auth: 'Authorization',
  tools: 'Tools',
  resources: 'Widget resources',
};

const BY_ID = new Map<Area, AreaDefinition>(AREA_TABLE.map((a) => [a.id, a]));

export function areaOf(id: Area): AreaDefinition {
  const area = BY_ID.get(id);
  if (!area) throw new Error(`unknown area ${id}`);
  return area;
}

/** The area a probe step's exchanges and time count towards. */
export function areaOfStep(step: StepId): Area {
  const area = AREA_TABLE.find((a) => (a.steps as readonly StepId[]).includes(step));
  if (!area) throw new Error(`no area owns step ${step}`);
  return area.id;
}

export type SkippableArea = Extract<AreaDefinition, { skippable: true }>['id'];
export const SKIPPABLE_AREAS = AREA_TABLE.flatMap((a) => (a.skippable ? [a.id] : [])) as [
  SkippableArea,
  ...SkippableArea[],
];
