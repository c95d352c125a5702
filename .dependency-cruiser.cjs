/**
 * The architecture's boundaries, checked on every `npm test` (`npm run lint`): the layers read
 * top-down (../shared/design/architecture.md), only the probe touches the network, checks stay pure
 * functions of the transcript, and no module imports itself round a cycle.
 */
const TESTS = '\\.test\\.tsx?$|^test/|^e2e/|^scripts/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make layers impossible to read top-down and to load lazily.',
      from: { path: '^(lib|app|components|bin)/' },
      to: { circular: true },
    },
    {
      name: 'checks-are-pure',
      severity: 'error',
      comment:
        'A check is a pure function of the transcript: it imports the schema and small helpers, never the probe, the store, the diagnosis or anything that presents.',
      from: { path: '^lib/checks/', pathNot: TESTS },
      to: {
        path: '^(lib/(probe|store|runs|sessions|security|diagnose|samples|oauth-flow|monitors|mcp-server|cli|api)|app|components)/',
      },
    },
    {
      name: 'report-is-schema-and-renderers',
      severity: 'error',
      comment: 'lib/report holds the schema and the renderers; judging and probing live above it.',
      from: { path: '^lib/report/', pathNot: TESTS },
      to: { path: '^(lib/(checks|diagnose|probe|store|runs|sessions)|app|components)/' },
    },
    {
      name: 'lib-does-not-present',
      severity: 'error',
      comment: 'app/ and components/ present; lib/ never imports them.',
      from: { path: '^lib/', pathNot: TESTS },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'network-only-in-the-probe',
      severity: 'error',
      comment:
        'Only lib/probe dials: every request goes through the recorder and the guarded dialer, so it is bounded, redacted and subject to the address policy. (The samples are the servers under test, not MCP Doctor.)',
      from: {
        path: '^(lib|app|components)/',
        pathNot: `^lib/(probe|samples|security/peer\\.ts)|${TESTS}`,
      },
      to: {
        path: '^(net|tls|dns|http|https|undici)$|^node:(net|tls|dns|dns/promises|http|https)$',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|\\.scratch)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
