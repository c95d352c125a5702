const which = process.argv[2];
const t0 = performance.now();
if (which === 'v1') {
  await import('@modelcontextprotocol/sdk/client/index.js');
  await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
  await import('@modelcontextprotocol/sdk/client/sse.js');
} else {
  await import('@modelcontextprotocol/client');
}
console.log((performance.now() - t0).toFixed(0));
