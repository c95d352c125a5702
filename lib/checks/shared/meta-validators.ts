import type { ValidateFunction } from 'ajv';

/**
 * Meta-schema validators compiled ahead of time, by dialect name (./tool-schema.ts DIALECTS). Empty here: the dashboard is a
 * long-lived process and compiles each once. The CLI bundle, which starts cold in every CI job,
 * replaces this module with Ajv's standalone code for the common dialects
 * (./meta-validators-source.ts, used by scripts/build-cli.mjs).
 */
export const PRECOMPILED_META: Partial<Record<string, ValidateFunction>> = {};
