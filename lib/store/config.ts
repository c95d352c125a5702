import path from 'node:path';
import { z } from 'zod';

/** Where the store keeps its data, and for how long. Read from the environment once per process. */
export type StoreConfig = {
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  retention: { runs: number; days: number };
  /** How long a running run stays claimed without a heartbeat from its instance. */
  leaseMs: number;
};

export const DEFAULT_DB_FILE = './data/mcp-doctor.db';
/** A team's history for a quarter; beyond that a run is rarely the one anyone points at. */
export const DEFAULT_RETENTION = { runs: 1000, days: 90 } as const;
/**
 * A minute: an instance renews its leases every third of it, so a stall of the event loop (a big
 * import) does not cost a run, and a run whose instance died elsewhere is marked within a minute.
 */
export const DEFAULT_LEASE_SECONDS = 60;

const PositiveInt = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be at least 1`);

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .transform((v) => v || undefined)
    .pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
        .optional(),
    )
    .optional(),
  MCP_DOCTOR_DB: z
    .string()
    .trim()
    .transform((v) => v || undefined)
    .optional(),
  MCP_DOCTOR_RETENTION_RUNS: PositiveInt('MCP_DOCTOR_RETENTION_RUNS').optional(),
  MCP_DOCTOR_RETENTION_DAYS: PositiveInt('MCP_DOCTOR_RETENTION_DAYS').optional(),
  MCP_DOCTOR_RUN_LEASE_SECONDS: PositiveInt('MCP_DOCTOR_RUN_LEASE_SECONDS')
    .max(3600, 'MCP_DOCTOR_RUN_LEASE_SECONDS must be at most 3600')
    .optional(),
});

/**
 * PostgreSQL when `DATABASE_URL` names one (several dashboard instances then share their runs and
 * sessions); otherwise an embedded SQLite file, `MCP_DOCTOR_DB` or ./data/mcp-doctor.db, with no
 * set-up. A misconfiguration throws with the variable's name rather than silently using a default.
 */
export function storeConfig(env: Record<string, string | undefined> = process.env): StoreConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`store configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const e = parsed.data;
  return {
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : {
          kind: 'sqlite',
          // A path chosen at run time, not a file of the project: nothing for the bundler to trace.
          file: path.resolve(/* turbopackIgnore: true */ e.MCP_DOCTOR_DB ?? DEFAULT_DB_FILE),
        },
    retention: {
      runs: e.MCP_DOCTOR_RETENTION_RUNS ?? DEFAULT_RETENTION.runs,
      days: e.MCP_DOCTOR_RETENTION_DAYS ?? DEFAULT_RETENTION.days,
    },
    leaseMs: (e.MCP_DOCTOR_RUN_LEASE_SECONDS ?? DEFAULT_LEASE_SECONDS) * 1000,
  };
}
