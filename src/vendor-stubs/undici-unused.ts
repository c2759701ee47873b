// Stand-in for `undici` in dist/github.cjs, aliased in by scripts/build.mjs.
//
// When imported, @actions/github builds a fetch over undici, with a ProxyAgent from @actions/http-client
// when HTTPS_PROXY applies. The action never sends through it: Octokit is given src/github/fetch.ts,
// over http-client's agents, which honour the proxy themselves. So undici (~420 kB; its start-up cost is
// in BENCHMARKS.md) stays out; the ProxyAgent built at import does nothing, and a call of this fetch fails loudly.
export class ProxyAgent {}

export function fetch(): never {
  throw new Error('undici is not bundled with this action: Octokit must be given src/github/fetch.ts as request.fetch');
}
