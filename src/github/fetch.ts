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
/** The media types Octokit reads as JSON. */
const JSON_TYPE = /^\s*application\/(scim\+)?json\s*(;|$)/i;

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
  /**
   * The answer as client.ts takes it: Octokit hands `body` over as the data when told not to parse a
   * success (`parseSuccessResponseBody: false`). JSON is parsed with plain JSON.parse, anything else is
   * the text, as Octokit would. Octokit's own parse calls a reviver on every value, to keep integers past
   * 2^53 that no answer the lookups read holds, which makes a large compare several times slower to read.
   */
  readonly body: unknown;
}

export type Fetch = (url: string, init?: FetchInit) => Promise<FetchAnswer>;

/**
 * A fetch over one keep-alive agent per origin, so the rounds of one step reuse their connections.
 *
 * The token stays with the API: the Authorization header goes only to the origin (scheme, host and port)
 * of `apiUrl`, on the first request and on every redirect, and once a redirect leads elsewhere it is gone
 * for the rest of that request. Comparing origins, not host names, is what keeps it off `http:`: a redirect
 * from `https://api.github.com` to `http://api.github.com` (same host) would otherwise carry it in clear
 * text, and past an HTTPS_PROXY, since plain `http:` does not go through that proxy. The token travels
 * over `http:` only when GITHUB_API_URL itself is `http:`.
 */
export function fetchOverHttpClient(userAgent: string, apiUrl: string): Fetch {
  const apiOrigin = new URL(apiUrl).origin;
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
      if (target.origin !== apiOrigin) withoutCredentials(headers);
      const answer = await send(target, init, headers, agentFor(target));
      const location = answer.headers.location;
      if (answer.status < 300 || answer.status > 399 || !location || redirects >= MAX_REDIRECTS || (init.method ?? 'GET') !== 'GET') {
        return response(target.href, answer.status, answer.headers, answer.body);
      }
      target = new URL(String(location), target);
    }
  };
}

/** Drops the token, whatever the letter case of its header's name. */
function withoutCredentials(headers: Record<string, string>): void {
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
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
    get body() {
      const textValue = body.toString('utf8');
      if (!JSON_TYPE.test(headers.get('content-type') ?? '')) return textValue;
      try {
        return JSON.parse(textValue) as unknown;
      } catch {
        return textValue;
      }
    },
  };
}
