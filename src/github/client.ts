// The GitHub REST client of the lookups: @actions/github's Octokit, sending through fetch.ts, held
// to one deadline and one request budget shared by every lookup of the step. Loaded only when a lookup runs: `@actions/github` is its own
// bundle (dist/github.cjs, see scripts/build.mjs), required on first use.
//
// One deadline for all: an AbortSignal every request carries, so a request still in flight when it
// fires is ended, not merely no longer awaited. Every failure becomes a LookupError that says what kind
// of failure it was; lookups.ts turns those into the one notice line.
import { fetchOverHttpClient } from './fetch.js';
import { list, record, text } from '../common/json.js';
import { oneLine } from '../common/log-text.js';
import { log } from '../runner/output.js';
import { USER_AGENT } from '../http/user-agent.js';

/** How a lookup failed, decided once here from the HTTP status and the deadline. */
export type LookupFailure = 'forbidden' | 'not-found' | 'rate-limited' | 'timeout' | 'unavailable' | 'over-budget';

export class LookupError extends Error {
  override readonly name = 'LookupError';
  constructor(
    readonly failure: LookupFailure,
    message: string,
    /** The HTTP status GitHub answered with, when it answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface GitHubClient {
  /** `GET` a REST route such as `/repos/{owner}/{repo}/tags`, with `owner` and `repo` filled in; the parsed body. */
  get(route: string, params?: Readonly<Record<string, string | number>>): Promise<unknown>;
  /** The same, with the `Link` header GitHub pages a list by (undefined when the answer has none). */
  page(route: string, params?: Readonly<Record<string, string | number>>): Promise<{ data: unknown; link: string | undefined }>;
  /** One GraphQL query (POST `{api}/graphql`, `{ghes}/api/graphql` on GitHub Enterprise Server); its `data`. */
  graphql(query: string, variables: Readonly<Record<string, unknown>>): Promise<unknown>;
  /** Requests sent so far. */
  readonly requestCount: number;
}

export interface ClientOptions {
  /** REST API base: `https://api.github.com` or `{ghes}/api/v3`. */
  apiUrl: string;
  token: string;
  /** `owner/repo`. */
  repository: string;
  /** Aborts every request still running when the shared deadline passes. */
  signal: AbortSignal;
  /** At most this many requests; asking for more fails that lookup with `over-budget`. */
  maxRequests: number;
  /** Seconds of the deadline, for the message of a request it ended. */
  deadlineSeconds: number;
}

interface OctokitLike {
  request(route: string, params: Record<string, unknown>): Promise<{ data: unknown; headers?: Record<string, unknown> }>;
  graphql(query: string, params: Record<string, unknown>): Promise<unknown>;
}

export async function createGitHubClient(options: ClientOptions): Promise<GitHubClient> {
  const { getOctokit } = await import('@actions/github');
  const [owner = '', repo = ''] = options.repository.split('/');
  // Octokit's own log would write server text (deprecation notices) straight to the console: it goes
  // through output.ts instead, which defuses it, as a debug line.
  const quiet = (message: string) => log.debug(`GitHub API: ${oneLine(String(message))}`);
  const octokit: OctokitLike = getOctokit(options.token, {
    baseUrl: options.apiUrl,
    userAgent: USER_AGENT,
    log: { debug: () => undefined, info: () => undefined, warn: quiet, error: quiet },
    request: { fetch: fetchOverHttpClient(USER_AGENT, options.apiUrl) },
  });
  let requestCount = 0;
  const send = async <T>(ask: () => Promise<T>): Promise<T> => {
    if (options.signal.aborted) throw new LookupError('timeout', `no answer within ${options.deadlineSeconds} s`);
    if (requestCount >= options.maxRequests) throw new LookupError('over-budget', `the budget of ${options.maxRequests} requests was used up`);
    requestCount += 1;
    try {
      return await ask();
    } catch (error) {
      throw classify(error, options);
    }
  };
  const request = (route: string, params: Readonly<Record<string, string | number>>) =>
    // The body parsed by fetch.ts (`body`), not by Octokit: its parse is several times slower on a large answer.
    send(() => octokit.request(`GET ${route}`, { owner, repo, ...params, headers: { 'X-GitHub-Api-Version': '2022-11-28' }, request: { signal: options.signal, parseSuccessResponseBody: false } }));
  return {
    get requestCount() {
      return requestCount;
    },
    async get(route, params = {}) {
      return (await request(route, params)).data;
    },
    async page(route, params = {}) {
      const response = await request(route, params);
      const link = response.headers?.link;
      return { data: response.data, link: typeof link === 'string' ? link : undefined };
    },
    graphql(query, variables) {
      return send(() => octokit.graphql(query, { owner, name: repo, ...variables, request: { signal: options.signal } }));
    },
  };
}

/** Octokit's RequestError (or a fetch failure) -> what kind of failure it is, in one line. */
function classify(error: unknown, options: ClientOptions): LookupError {
  if (options.signal.aborted) return new LookupError('timeout', `no answer within ${options.deadlineSeconds} s`);
  const failed = error as { status?: unknown; message?: unknown; cause?: unknown; errors?: unknown; response?: { headers?: Record<string, unknown>; data?: unknown } };
  const status = typeof failed.status === 'number' ? failed.status : 0;
  // GitHub's own reason (`Resource not accessible by integration`), else the network error's.
  const cause = record(failed.cause) ?? (failed.cause instanceof Error ? { message: failed.cause.message, code: (failed.cause as NodeJS.ErrnoException).code } : undefined);
  const reason = oneLine(
    text(record(failed.response?.data)?.message) ??
      [typeof failed.message === 'string' ? failed.message : String(error), text(cause?.code) ?? text(cause?.message)].filter(Boolean).join(': '),
  );
  // A GraphQL answer with errors and no data: GitHub says FORBIDDEN or NOT_FOUND in the error's type.
  const graphqlError = record(list(failed.errors)[0]);
  if (graphqlError) {
    const said = `GraphQL: ${oneLine(text(graphqlError.message) ?? reason, 200)}`;
    if (graphqlError.type === 'FORBIDDEN') return new LookupError('forbidden', said);
    return new LookupError(graphqlError.type === 'NOT_FOUND' ? 'not-found' : 'unavailable', said);
  }
  const headers = failed.response?.headers ?? {};
  if (status === 429 || (status === 403 && headers['x-ratelimit-remaining'] === '0')) {
    return new LookupError('rate-limited', `HTTP ${status}: rate limited`);
  }
  // Octokit reports a network failure (refused, reset, DNS) as status 500 without a response.
  if (!failed.response) return new LookupError('unavailable', reason);
  if (status === 401 || status === 403) return new LookupError('forbidden', `HTTP ${status}: ${reason}`, status);
  if (status === 404 || status === 410) return new LookupError('not-found', `HTTP ${status}: ${reason}`, status);
  return new LookupError('unavailable', `HTTP ${status}: ${reason}`, status);
}
