// Stand-in for `tunnel` in the step bundles, put in by scripts/build.mjs: the real module, loaded on the
// first call instead of at start.
//
// @actions/http-client imports tunnel when it loads, for the agents it builds only when a proxy applies
// (HTTPS_PROXY, with no NO_PROXY match). Most runs have no proxy, and loading tunnel also loads
// node:assert and its helpers at every start. Each agent factory http-client calls forwards to the real
// tunnel, required on first use: a run behind a proxy behaves exactly as before (test/e2e/proxy.test.ts).
import type { Agent } from 'node:http';

type AgentFactory = (options: object) => Agent;
interface Tunnel {
  httpOverHttp: AgentFactory;
  httpsOverHttp: AgentFactory;
  httpOverHttps: AgentFactory;
  httpsOverHttps: AgentFactory;
}

let tunnel: Tunnel | undefined;
function real(): Tunnel {
  // A require, not an import, so that esbuild evaluates tunnel here, on the first call, and not at start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  tunnel ??= require('tunnel') as Tunnel;
  return tunnel;
}

export const httpOverHttp: AgentFactory = (options) => real().httpOverHttp(options);
export const httpsOverHttp: AgentFactory = (options) => real().httpsOverHttp(options);
export const httpOverHttps: AgentFactory = (options) => real().httpOverHttps(options);
export const httpsOverHttps: AgentFactory = (options) => real().httpsOverHttps(options);
