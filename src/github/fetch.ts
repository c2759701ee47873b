// The `fetch` Octokit sends the lookups through: http/exchange.ts over @actions/http-client's agent, as
// deliver.ts sends events. Why not a real fetch: Node's global fetch ignores HTTPS_PROXY, and both its
// first use (Node's built-in undici) and evaluating a bundled undici cost several times what this does
// (BENCHMARKS.md, "What shipped"), while http-client's agent already honours HTTPS_PROXY / NO_PROXY.
//
// Only what Octokit's fetch wrapper uses is provided: status, url, headers (iterable, `get`), and the
// body as text or bytes. The AbortSignal ends the request wherever it stands.
import type { Agent, IncomingHttpHeaders } from 'node:http';
import { HttpClient } from '@actions/http-client';
import { exchange, type HttpAnswer } from '../http/exchange.js';

/** An answer larger than this is not one the lookups need (a compare with huge diffs); it is refused. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
const MAX_REDIRECTS = 3;

export interface FetchInit {
  method?: string | undefined;
  headers?: Record<string, string> | undefined;
  body?: string | undefined;
  signal?: AbortSignal | undefined;
}

export interface FetchAnswer {
  url: string;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null; [Symbol.iterator](): Iterator<[string, string]> };
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type Fetch = (url: string, init?: FetchInit) => Promise<FetchAnswer>;

/** A fetch over one keep-alive agent per origin, so the rounds of one step reuse their connections. */
export function fetchOverHttpClient(userAgent: string): Fetch {
  const client = new HttpClient(userAgent, undefined, { keepAlive: true });
  const agents = new Map<string, Agent>();
  const agentFor = (url: URL) => {
    let agent = agents.get(url.origin);
    if (!agent) agents.set(url.origin, (agent = client.getAgent(url.href) as Agent));
    return agent;
  };
  return async function fetch(url, init = {}) {
    let target = new URL(url);
    const headers = { ...init.headers };
    for (let redirects = 0; ; redirects++) {
      const answer = await send(target, init, headers, agentFor(target));
      const location = answer.headers.location;
      if (answer.status < 300 || answer.status > 399 || !location || redirects >= MAX_REDIRECTS || (init.method ?? 'GET') !== 'GET') {
        return response(target.href, answer.status, answer.headers, answer.body);
      }
      const next = new URL(String(location), target);
      // The token goes to the API's host only, never where a redirect points elsewhere.
      if (next.host !== target.host) delete headers.authorization;
      target = next;
    }
  };
}

/** One request under the signal; an answer over MAX_ANSWER_BYTES is refused, not cut. */
async function send(url: URL, init: FetchInit, headers: Record<string, string>, agent: Agent): Promise<HttpAnswer> {
  const signal = init.signal ?? new AbortController().signal;
  try {
    const answer = await exchange({ url, method: init.method ?? 'GET', agent, headers, body: init.body, signal, maxBodyBytes: MAX_ANSWER_BYTES });
    if (answer.bodyCut) throw new Error(`the answer is over ${MAX_ANSWER_BYTES / 1024 / 1024} MB`);
    return answer;
  } catch (error) {
    throw signal.aborted ? abortError(signal) : error;
  }
}

/** What fetch rejects with when its signal aborts: Octokit tells it apart by its name. */
function abortError(signal: AbortSignal | undefined): Error {
  return Object.assign(new Error('the lookups\' deadline passed'), { name: 'AbortError', cause: signal?.reason });
}

function response(url: string, status: number, raw: IncomingHttpHeaders, body: Buffer): FetchAnswer {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(raw)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  return {
    url,
    status,
    statusText: '',
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null, [Symbol.iterator]: () => headers.entries() },
    text: async () => body.toString('utf8'),
    json: async () => JSON.parse(body.toString('utf8')) as unknown,
    arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
  };
}
