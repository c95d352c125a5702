// What lib/probe/dialer.ts uses of undici, imported from the modules that define it. undici's
// index requires every part of the library (mock agents, WebSocket, caches, proxies…) when it
// loads; a CLI that starts in every CI job should not pay for that. Used by scripts/build-cli.mjs.
export { default as Agent } from 'undici/lib/dispatcher/agent.js';
export { default as buildConnector } from 'undici/lib/core/connect.js';
export { fetch } from 'undici/lib/web/fetch/index.js';
