import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEASE_SECONDS, DEFAULT_RETENTION, storeConfig } from '@/lib/store/config';

describe('storeConfig', () => {
  it('uses an SQLite file under ./data with the default retention when nothing is set', () => {
    expect(storeConfig({})).toEqual({
      database: { kind: 'sqlite', file: path.resolve('data/mcp-doctor.db') },
      retention: DEFAULT_RETENTION,
      leaseMs: DEFAULT_LEASE_SECONDS * 1000,
    });
  });

  it('uses PostgreSQL when DATABASE_URL names one, whatever MCP_DOCTOR_DB says', () => {
    expect(
      storeConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', MCP_DOCTOR_DB: '/tmp/x.db' })
        .database,
    ).toEqual({ kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/db' });
  });

  it('treats an empty DATABASE_URL as unset and reads the file path and retention', () => {
    expect(
      storeConfig({
        DATABASE_URL: '',
        MCP_DOCTOR_DB: '/tmp/e2e.db',
        MCP_DOCTOR_RETENTION_RUNS: '50',
        MCP_DOCTOR_RETENTION_DAYS: '7',
        MCP_DOCTOR_RUN_LEASE_SECONDS: '15',
      }),
    ).toEqual({
      database: { kind: 'sqlite', file: '/tmp/e2e.db' },
      retention: { runs: 50, days: 7 },
      leaseMs: 15_000,
    });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
    [{ MCP_DOCTOR_RETENTION_RUNS: '0' }, /MCP_DOCTOR_RETENTION_RUNS must be at least 1/],
    [{ MCP_DOCTOR_RETENTION_DAYS: 'soon' }, /MCP_DOCTOR_RETENTION_DAYS must be a whole number/],
    [{ MCP_DOCTOR_RUN_LEASE_SECONDS: '0' }, /MCP_DOCTOR_RUN_LEASE_SECONDS must be at least 1/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => storeConfig(env)).toThrow(message);
  });
});
