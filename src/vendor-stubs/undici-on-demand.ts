// Stand-in for `undici` in dist/github.cjs, aliased in by scripts/build.mjs.
//
// @actions/github sends Octokit's requests through undici's `fetch`, with a ProxyAgent from
// @actions/http-client when HTTPS_PROXY applies to the API URL. Evaluating undici costs ~60 ms of CPU
// at every lookup (measured, BENCHMARKS.md), while Node's own fetch is undici already, built in. So:
// without a proxy, Node's global fetch; behind a proxy, the real undici (dist/undici.cjs, loaded only
// then), whose fetch and ProxyAgent go together. The proxy rules (HTTPS_PROXY, NO_PROXY) are still
// decided by @actions/http-client, as @actions/github does.
type Undici = { fetch: typeof globalThis.fetch; ProxyAgent: new (...args: unknown[]) => object };

let real: Undici | undefined;
function realUndici(): Undici {
  // Resolved by scripts/build.mjs to ./undici.cjs beside dist/github.cjs. A plain require, because the
  // ProxyAgent constructor that needs it is synchronous.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  real ??= require('undici-behind-proxy') as Undici;
  return real;
}

export function fetch(input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit & { dispatcher?: unknown }): Promise<Response> {
  return init?.dispatcher ? realUndici().fetch(input, init) : globalThis.fetch(input, init);
}

export class ProxyAgent {
  constructor(...args: unknown[]) {
    // A constructor may return another object: the real ProxyAgent, which the real fetch understands.
    return new (realUndici().ProxyAgent)(...args);
  }
}
