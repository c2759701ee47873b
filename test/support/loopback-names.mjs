// Preloaded into a bundled step (NODE_OPTIONS=--import) by tests that need a remote-looking host name on
// this machine: names ending in `.loopback.test` resolve to 127.0.0.1 without any DNS query. The action's
// HTTP client exempts loopback names (localhost, 127.*) from the proxy; these names it treats as remote,
// as it would api.github.com, so a test can see which requests go through HTTPS_PROXY and which go direct.
import dns from 'node:dns';

const lookup = dns.lookup;
dns.lookup = function loopbackLookup(host, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  const settings = typeof options === 'object' && options !== null ? options : {};
  if (typeof host !== 'string' || !host.endsWith('.loopback.test')) return lookup.call(this, host, options, callback);
  if (settings.all) process.nextTick(done, null, [{ address: '127.0.0.1', family: 4 }]);
  else process.nextTick(done, null, '127.0.0.1', 4);
};
