// A loopback HTTP server that plays the part of the GitHub REST API the action uses, answering with the
// shapes GitHub documents: the pull requests of a commit, deployments and their statuses, compare,
// tags, releases and the commit list. Point GITHUB_API_URL at `url`.
//
// The repository is one linear history (`history`, oldest first) with named refs (tags and branches);
// compare and the commit list are computed from it. The fake can add latency to every answer and fail
// any endpoint with 403, 404, 500, a rate limit, a body that is not JSON, or by never answering.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Endpoint = 'pulls' | 'deployments' | 'statuses' | 'compare' | 'tags' | 'releases' | 'commits' | 'matching-refs' | 'graphql' | 'runs' | 'commit';

export type GitHubBehaviour =
  /** Answer from the repository's state. */
  | 'normal'
  /** What a token without the permission gets (`deployments: read`, `contents: read`…). */
  | 'forbidden'
  /** An unknown repository or commit (also a private repository the token cannot see, or an old GHES). */
  | 'not-found'
  | 'server-error'
  /** 403 with `x-ratelimit-remaining: 0`, as GitHub answers a token over its rate limit. */
  | 'rate-limited'
  /** Accept the request and answer nothing until closed. */
  | 'hang'
  /** 200 with a body that is not JSON. */
  | 'malformed';

export interface GitHubRequest {
  method: string;
  path: string;
  endpoint: Endpoint | undefined;
  headers: IncomingHttpHeaders;
  /** ms since the fake started. */
  at: number;
  /** Answers the fake had sent when this request arrived: requests with the same count went out in one round trip. */
  answeredBefore: number;
  /** The request body (a GraphQL query), once read. */
  body?: string;
}

export interface FakeCommit {
  sha: string;
  message: string;
  /** The author's login; absent for a commit whose author has no GitHub account. */
  login?: string;
  name?: string;
  /** Author date, ISO 8601. */
  date?: string;
  /** The parent's SHA, for a commit off the line of `history` (a branch, a maintenance line); else the commit before it. */
  parent?: string;
  /** The files it changed, for the commits list's `path` filter. */
  files?: string[];
}

export interface FakeDeployment {
  id: number;
  sha: string;
  ref?: string;
  environment: string;
  created_at?: string;
  /** Newest first, as GitHub lists them. */
  statuses: Array<{ state: string; created_at?: string; log_url?: string; target_url?: string; environment_url?: string }>;
}

export interface FakeRelease {
  tag_name: string;
  name?: string;
  draft?: boolean;
  prerelease?: boolean;
  published_at?: string;
}

export interface FakeGitHub {
  /** REST API base, for GITHUB_API_URL, e.g. http://127.0.0.1:43211 */
  url: string;
  requests: GitHubRequest[];
  /** How every endpoint behaves, unless `fail` names it. */
  behaviour: GitHubBehaviour;
  /** How one endpoint misbehaves. */
  fail: Partial<Record<Endpoint, GitHubBehaviour>>;
  /** Added before every answer: one API round trip. */
  latencyMs: number;
  /**
   * When over 0, answers wait until no request has arrived for this long, then all go out at once: the
   * requests a step sends together count as one round trip even when a loaded machine spreads them out.
   */
  quietMs: number;
  /** The repository's commits, oldest first: one line of history, except commits that name another `parent`. */
  history: FakeCommit[];
  /**
   * Tag and branch names -> SHA. Tags are listed by `GET /tags` in the order set. An annotated tag's ref
   * points to its tag object, as `git/matching-refs` shows (`object.type: "tag"`, another SHA).
   */
  tags: Array<{ name: string; sha: string; annotated?: boolean }>;
  /**
   * `git/matching-refs`: GitHub documents no paging parameters for it, yet a `Link` header in its response,
   * and no order. Undefined: every match in one answer (one reading); a number: pages of that size linked
   * by `Link` (the other). Matches come in ref-name order, as git lists refs, never in version order.
   */
  matchingRefsPageSize: number | undefined;
  /**
   * Whether GraphQL `deployments(environments:)` matches names exactly or without regard to case:
   * GitHub does not document it, so the tests run both.
   */
  environmentFilter: 'exact' | 'any-case';
  /** `GET /actions/workflows/{file}/runs`: each workflow file's runs, newest first. */
  workflowRuns: Record<string, Array<{ id: number; created_at: string }>>;
  branches: Record<string, string>;
  /** Newest first, as GitHub lists them. */
  deployments: FakeDeployment[];
  /** Newest first. */
  releases: FakeRelease[];
  /** The pull requests `commits/{sha}/pulls` lists for `owner/repo` and `sha`. */
  pullsFor(repository: string, sha: string, pulls: unknown[]): void;
  /** Requests to one endpoint. */
  to(endpoint: Endpoint): GitHubRequest[];
  /** How many round trips the requests took: each waited for the answers of the one before. */
  roundTrips(): number;
  close(): Promise<void>;
}

const ROUTES: Array<[Endpoint, RegExp]> = [
  ['pulls', /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/pulls$/],
  ['statuses', /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/],
  ['deployments', /^\/repos\/([^/]+)\/([^/]+)\/deployments$/],
  ['compare', /^\/repos\/([^/]+)\/([^/]+)\/compare\/(.+)$/],
  ['tags', /^\/repos\/([^/]+)\/([^/]+)\/tags$/],
  ['releases', /^\/repos\/([^/]+)\/([^/]+)\/releases$/],
  ['commits', /^\/repos\/([^/]+)\/([^/]+)\/commits$/],
  ['commit', /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)$/],
  ['matching-refs', /^\/repos\/([^/]+)\/([^/]+)\/git\/matching-refs\/(.+)$/],
  ['runs', /^\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+)\/runs$/],
  ['graphql', /^\/()()()graphql$/],
];

const DOCS = 'https://docs.github.com/rest';

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const started = Date.now();
  const requests: GitHubRequest[] = [];
  let answered = 0;
  const pulls = new Map<string, unknown[]>();
  const sockets = new Set<Socket>();
  /** Answers held back until the requests go quiet (`quietMs`). */
  const waiting: Array<() => void> = [];
  let quiet: NodeJS.Timeout | undefined;

  type Answer = { status: number; text: string; headers?: Record<string, string> };
  const json = (status: number, body: unknown, headers?: Record<string, string>): Answer => ({ status, text: JSON.stringify(body), headers });
  const notFound = () => json(404, { message: 'Not Found', documentation_url: DOCS });

  /** A commit SHA (or its start), a tag or branch name, or, as GitHub documents for `commits/{ref}`, `tags/TAG` or `heads/BRANCH`. */
  const resolve = (ref: string): number => {
    const tagSha = (name: string) => fake.tags.find((tag) => tag.name === name)?.sha;
    const named = ref.startsWith('tags/') ? tagSha(ref.slice(5)) : ref.startsWith('heads/') ? fake.branches[ref.slice(6)] : (tagSha(ref) ?? fake.branches[ref] ?? ref);
    if (named === undefined) return -1;
    return fake.history.findIndex((commit) => commit.sha === named || (named.length >= 7 && commit.sha.startsWith(named)));
  };
  /** A commit and its ancestors, newest first: the commit before it in `history`, unless it names a `parent`. */
  const ancestry = (index: number): FakeCommit[] => {
    const line: FakeCommit[] = [];
    const at = new Map(fake.history.map((commit, i) => [commit.sha, i]));
    for (let i: number | undefined = index; i !== undefined && i >= 0; ) {
      const commit: FakeCommit = fake.history[i]!;
      line.push(commit);
      i = commit.parent === undefined ? i - 1 : at.get(commit.parent);
    }
    return line;
  };
  const touches = (commit: FakeCommit, path: string) => (commit.files ?? []).some((file) => file === path || file.startsWith(`${path.replace(/\/+$/, '')}/`));
  const commitJson = (owner: string, repo: string, commit: FakeCommit) => ({
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 8)}`,
    commit: {
      author: { name: commit.name ?? commit.login ?? 'Someone', email: `${commit.login ?? 'someone'}@users.noreply.github.com`, date: commit.date ?? '2025-01-15T10:00:00Z' },
      committer: { name: 'GitHub', email: 'noreply@github.com', date: commit.date ?? '2025-01-15T10:00:00Z' },
      message: commit.message,
    },
    url: `${fake.url}/repos/${owner}/${repo}/commits/${commit.sha}`,
    html_url: `https://github.com/${owner}/${repo}/commit/${commit.sha}`,
    author: commit.login ? { login: commit.login, id: 1, type: 'User' } : null,
    committer: { login: 'web-flow', id: 19864447, type: 'User' },
    parents: [],
  });

  const tagObject = (name: string) => `${Buffer.from(name).toString('hex').slice(0, 32).padEnd(32, '0')}7a6f0000`;
  const matchingRefs = (owner: string, repo: string, prefix: string, query: URLSearchParams): Answer => {
    const all = fake.tags
      .map((tag) => ({ ref: `refs/tags/${tag.name}`, tag }))
      .filter(({ ref }) => ref.startsWith(`refs/${prefix}`))
      .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
      .map(({ ref, tag }) => ({
        ref,
        node_id: `REF_${tag.name}`,
        url: `${fake.url}/repos/${owner}/${repo}/git/${ref}`,
        object: tag.annotated
          ? { sha: tagObject(tag.name), type: 'tag', url: `${fake.url}/repos/${owner}/${repo}/git/tags/${tagObject(tag.name)}` }
          : { sha: tag.sha, type: 'commit', url: `${fake.url}/repos/${owner}/${repo}/git/commits/${tag.sha}` },
      }));
    const size = fake.matchingRefsPageSize;
    if (size === undefined) return json(200, all);
    const page = Math.max(1, Number(query.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(all.length / size));
    const link = (n: number, rel: string) => `<${fake.url}/repos/${owner}/${repo}/git/matching-refs/${prefix}?page=${n}>; rel="${rel}"`;
    const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
    return json(200, all.slice((page - 1) * size, page * size), links.length > 0 ? { link: links.join(', ') } : undefined);
  };
  const graphql = (body: string): Answer => {
    const request = JSON.parse(body || '{}') as { query?: string; variables?: { owner?: string; name?: string; environments?: string[]; first?: number } };
    const variables = request.variables ?? {};
    if (!request.query?.includes('deployments(')) return json(200, { errors: [{ message: 'Field is not supported by the fake' }] });
    const names = variables.environments;
    const matches = (environment: string) =>
      !names || names.some((name) => (fake.environmentFilter === 'exact' ? name === environment : name.toLowerCase() === environment.toLowerCase()));
    const nodes = fake.deployments
      .filter((d) => matches(d.environment))
      .slice(0, Math.min(variables.first ?? 100, 100))
      .map((d) => {
        const latest = d.statuses[0];
        return {
          databaseId: d.id,
          commitOid: d.sha,
          createdAt: d.created_at ?? '2025-01-15T10:00:00Z',
          latestEnvironment: d.environment,
          ref: d.ref ? { name: d.ref } : null,
          latestStatus: latest ? { state: latest.state.toUpperCase(), createdAt: latest.created_at ?? '2025-01-15T10:00:00Z', logUrl: latest.log_url ?? null } : null,
        };
      });
    return json(200, { data: { repository: { deployments: { nodes } } } });
  };

  const normal = (endpoint: Endpoint, match: RegExpExecArray, query: URLSearchParams, headers: IncomingHttpHeaders, body: string): Answer => {
    const [, owner = '', repo = '', arg = ''] = match;
    const perPage = Number(query.get('per_page') ?? 30);
    const page = Number(query.get('page') ?? 1);
    switch (endpoint) {
      case 'pulls':
        return json(200, pulls.get(`${owner}/${repo}@${arg}`) ?? []);
      case 'deployments': {
        const environment = query.get('environment');
        // GitHub compares environment names without regard to letter case.
        const listed = fake.deployments.filter((d) => !environment || d.environment.toLowerCase() === environment.toLowerCase());
        return json(
          200,
          listed.slice(0, perPage).map((d) => ({
            id: d.id,
            sha: d.sha,
            ref: d.ref ?? 'main',
            task: 'deploy',
            payload: {},
            environment: d.environment,
            creator: { login: 'github-actions[bot]' },
            created_at: d.created_at ?? '2025-01-15T10:00:00Z',
            statuses_url: `${fake.url}/repos/${owner}/${repo}/deployments/${d.id}/statuses`,
          })),
        );
      }
      case 'statuses': {
        const deployment = fake.deployments.find((d) => d.id === Number(arg));
        if (!deployment) return notFound();
        return json(200, deployment.statuses.slice(0, perPage).map((s, i) => ({ id: deployment.id * 100 + i, environment: deployment.environment, ...s })));
      }
      case 'compare': {
        const [base = '', head = ''] = decodeURIComponent(arg).split('...');
        const from = resolve(base);
        const to = resolve(head);
        if (from === -1 || to === -1) return notFound();
        // `git log base..head` and `git log head..base`, oldest first ("chronological order", GitHub's docs).
        const baseLine = ancestry(from);
        const headLine = ancestry(to);
        const inBase = new Set(baseLine.map((commit) => commit.sha));
        const inHead = new Set(headLine.map((commit) => commit.sha));
        const range = headLine.filter((commit) => !inBase.has(commit.sha)).reverse();
        const behindBy = baseLine.filter((commit) => !inHead.has(commit.sha)).length;
        const mergeBase = headLine.find((commit) => inBase.has(commit.sha)) ?? fake.history[0]!;
        const status = range.length === 0 ? (behindBy === 0 ? 'identical' : 'behind') : behindBy === 0 ? 'ahead' : 'diverged';
        // GitHub's docs: without `per_page` or `page` the list holds at most 250 commits, the last one the
        // newest of the range; with either, the whole range pages oldest first. The largest page is not
        // documented for compare: REST's usual 100 is assumed.
        const paged = query.has('page') || query.has('per_page');
        const size = Math.min(perPage, 100);
        const commits = paged ? range.slice((page - 1) * size, page * size) : range.slice(-250);
        return json(200, {
          url: `${fake.url}/repos/${owner}/${repo}/compare/${base}...${head}`,
          html_url: `https://github.com/${owner}/${repo}/compare/${base}...${head}`,
          base_commit: commitJson(owner, repo, fake.history[from]!),
          merge_base_commit: commitJson(owner, repo, mergeBase),
          status,
          ahead_by: range.length,
          behind_by: behindBy,
          total_commits: range.length,
          commits: commits.map((commit) => commitJson(owner, repo, commit)),
          files: page === 1 ? [{ filename: 'src/app.ts', status: 'modified', additions: 3, deletions: 1, changes: 4 }] : [],
        });
      }
      case 'tags':
        return json(200, fake.tags.slice(0, perPage).map((tag) => ({ name: tag.name, commit: { sha: tag.sha, url: `${fake.url}/repos/${owner}/${repo}/commits/${tag.sha}` }, node_id: `T_${tag.name}` })));
      case 'releases':
        return json(
          200,
          fake.releases.slice(0, perPage).map((release, i) => ({
            id: 1000 + i,
            html_url: `https://github.com/${owner}/${repo}/releases/tag/${release.tag_name}`,
            name: release.name ?? release.tag_name,
            draft: false,
            prerelease: false,
            created_at: release.published_at ?? '2025-01-10T10:00:00Z',
            ...release,
          })),
        );
      case 'matching-refs':
        return matchingRefs(owner, repo, decodeURIComponent(arg), query);
      case 'graphql':
        return graphql(body);
      case 'runs': {
        const runs = fake.workflowRuns[decodeURIComponent(arg)];
        if (!runs) return notFound();
        return json(200, { total_count: runs.length, workflow_runs: runs.slice(0, perPage).map((run) => ({ ...run, path: `.github/workflows/${decodeURIComponent(arg)}`, status: 'completed' })) });
      }
      case 'commit': {
        const index = resolve(decodeURIComponent(arg));
        if (index === -1) return json(422, { message: `No commit found for SHA: ${decodeURIComponent(arg)}`, documentation_url: DOCS });
        const commit = fake.history[index]!;
        // The SHA media type answers the 40 characters alone.
        if (headers.accept?.includes('application/vnd.github.sha')) return { status: 200, text: commit.sha, headers: { 'Content-Type': 'application/vnd.github.sha; charset=utf-8' } };
        return json(200, commitJson(owner, repo, commit));
      }
      case 'commits': {
        const head = resolve(query.get('sha') ?? fake.history.at(-1)?.sha ?? '');
        if (head === -1) return notFound();
        // `path`: "Only commits containing this file path will be returned"; a folder matches the files under it.
        const path = query.get('path');
        const listed = ancestry(head).filter((commit) => path === null || touches(commit, path));
        const size = Math.min(perPage, 100);
        return json(200, listed.slice((page - 1) * size, page * size).map((commit) => commitJson(owner, repo, commit)));
      }
    }
  };

  const answer = (method: string, path: string, endpoint: Endpoint | undefined, authorized: boolean, headers: IncomingHttpHeaders, body: string): Answer => {
    const url = new URL(path, 'http://fake');
    const route = ROUTES.find(([name]) => name === endpoint);
    const match = route?.[1].exec(url.pathname);
    if (method !== (endpoint === 'graphql' ? 'POST' : 'GET') || !endpoint || !match) return notFound();
    if (!authorized) return json(401, { message: 'Bad credentials', documentation_url: DOCS });
    const behaviour = fake.fail[endpoint] ?? fake.behaviour;
    // GraphQL answers a token without the permission with 200 and an error of type FORBIDDEN.
    if (endpoint === 'graphql' && behaviour === 'forbidden') return json(200, { data: { repository: { deployments: null } }, errors: [{ type: 'FORBIDDEN', path: ['repository', 'deployments'], message: 'Resource not accessible by integration' }] });
    switch (behaviour) {
      case 'forbidden':
        return json(403, { message: 'Resource not accessible by integration', documentation_url: DOCS });
      case 'not-found':
        return notFound();
      case 'server-error':
        return json(500, { message: 'Server Error' });
      case 'rate-limited':
        return json(403, { message: 'API rate limit exceeded for installation ID 1.', documentation_url: DOCS }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1736935200' });
      case 'malformed':
        return { status: 200, text: '[{"number": 57, "title": "Fix login' };
      default:
        return normal(endpoint, match, url.searchParams, headers, body);
    }
  };

  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    const pathname = new URL(path, 'http://fake').pathname;
    const endpoint = ROUTES.find(([, pattern]) => pattern.test(pathname))?.[0];
    const request: GitHubRequest = { method: req.method ?? '', path, endpoint, headers: req.headers, at: Date.now() - started, answeredBefore: answered };
    requests.push(request);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (((endpoint && fake.fail[endpoint]) ?? fake.behaviour) === 'hang') return;
      const body = Buffer.concat(chunks).toString('utf8');
      request.body = body;
      const reply = answer(request.method, path, endpoint, /^(Bearer|token) \S+$/.test(req.headers.authorization ?? ''), req.headers, body);
      const send = () => {
        if (res.destroyed) return;
        answered += 1;
        res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(reply.text), ...reply.headers });
        res.end(reply.text);
      };
      if (fake.quietMs > 0) {
        waiting.push(send);
        clearTimeout(quiet);
        quiet = setTimeout(() => waiting.splice(0).forEach((reply) => reply()), fake.quietMs);
      } else if (fake.latencyMs > 0) setTimeout(send, fake.latencyMs);
      else send();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeGitHub = {
    url: `http://127.0.0.1:${port}`,
    requests,
    behaviour: 'normal',
    fail: {},
    latencyMs: 0,
    quietMs: 0,
    history: [],
    tags: [],
    matchingRefsPageSize: undefined,
    environmentFilter: 'exact',
    workflowRuns: {},
    branches: {},
    deployments: [],
    releases: [],
    pullsFor: (repository, sha, list) => pulls.set(`${repository}@${sha}`, list),
    to: (endpoint) => requests.filter((request) => request.endpoint === endpoint),
    roundTrips: () => new Set(requests.map((request) => request.answeredBefore)).size,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(quiet);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}
