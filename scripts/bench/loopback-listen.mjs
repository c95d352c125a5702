// Preloaded into the everything server for `npm run bench:cli` (node --import). That server calls
// `app.listen(PORT)`, which binds every interface and has no host option; this binds it to
// 127.0.0.1 instead (benchmarks stay on loopback) and reports the port the OS chose for PORT=0 on
// stderr as `bench-port=<n>`, since the server's own log line repeats the 0 it was given.
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (port, ...rest) {
  if (typeof port !== 'number' && !(typeof port === 'string' && /^\d+$/.test(port))) {
    return listen.call(this, port, ...rest);
  }
  const callback = rest.find((arg) => typeof arg === 'function');
  this.once('listening', () => process.stderr.write(`bench-port=${this.address().port}\n`));
  return listen.call(this, { port: Number(port), host: '127.0.0.1' }, callback);
};
