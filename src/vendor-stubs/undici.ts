// Stand-in for `undici`, aliased in by scripts/build.mjs.
//
// @actions/http-client imports undici only for getAgentDispatcher(), which serves callers of the
// global fetch. This action sends its requests through http-client's classic agents (see deliver.ts)
// and never calls it, while evaluating undici would cost ~420 kB of JavaScript at every start.
// If a future code path reaches it, it fails loudly instead of silently ignoring a proxy.
export class ProxyAgent {
  constructor() {
    throw new Error('undici is not bundled with this action: use HttpClient.getAgent() instead');
  }
}
