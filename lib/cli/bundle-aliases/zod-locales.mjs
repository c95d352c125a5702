// zod's `locales` namespace, as the CLI bundle has it: English only. zod re-exports its ~50
// locales from the namespaces of v4/classic, v4/core and v4/mini (`z.locales`, `z.core.locales`),
// and esbuild keeps every member of a namespace that is used as a value: a sixth of the bundle,
// which no run reads. English is the locale zod sets itself (v4/classic/schemas.js); nothing in
// MCP Doctor or the MCP SDK calls `z.config` with another. Used by scripts/build-cli.mjs.
export { default as en } from 'zod/v4/locales/en.js';
