// A minimal GitHub API on 127.0.0.1 for `npm run bench`: the answers a deploy's lookups need (the pull
// requests of a commit, deployments with their latest status over GraphQL, this workflow's runs, 3,200
// tags on four lines through git/matching-refs, 100 to a page, compare), in GitHub's shapes, after
// `latencyMs` per request, as one API round trip. Plain ESM so the bench runs without a build step; the
// full fake, with failures and a real history, is test/support/fake-github.ts.
import { createServer } from 'node:http';

const sha = (n) => n.toString(16).padStart(8, '0').repeat(5);

function commit(n) {
  return {
    sha: sha(n),
    commit: {
      message: n % 3 === 0 ? `Merge pull request #${n} from acme/OPS-${n}-work\n\nShip part ${n}` : `Move billing part ${n} to the new store (MIG-${n})`,
      author: { name: `Dev ${n % 5}`, email: `dev${n % 5}@example.com`, date: `2025-01-0${1 + (n % 9)}T10:00:00Z` },
    },
    author: { login: `dev-${n % 5}` },
  };
}

const LINES = ['v', 'api-v', 'web/v', '@acme/ui@'];
/** 800 tags on each line (majors 0-3, minors 0-19, patches 0-9), in ref-name order as git lists them. */
const TAG_REFS = LINES.flatMap((line) =>
  Array.from({ length: 800 }, (_, i) => `refs/tags/${line}${Math.floor(i / 200)}.${Math.floor(i / 10) % 20}.${i % 10}`),
).sort();
const TAGS_PER_PAGE = 100;

function matchingRefs(url, prefix) {
  const all = TAG_REFS.filter((ref) => ref.startsWith(`refs/${prefix}`)).map((ref) => ({ ref, object: { sha: sha(1), type: 'commit' } }));
  const page = Number(url.searchParams.get('page') ?? 1);
  const last = Math.max(1, Math.ceil(all.length / TAGS_PER_PAGE));
  const link = page < last ? `<${url.origin}${url.pathname}?page=${page + 1}>; rel="next", <${url.origin}${url.pathname}?page=${last}>; rel="last"` : undefined;
  return { body: all.slice((page - 1) * TAGS_PER_PAGE, page * TAGS_PER_PAGE), headers: link ? { link } : {} };
}

/** Three deployments, newest first: this commit's (in progress), a failed one, a successful one by this workflow's run 1. */
function deployments(head) {
  const node = (id, oid, state) => ({ databaseId: id, commitOid: oid, createdAt: '2025-01-08T09:00:00Z', latestEnvironment: 'production', ref: { name: 'main' }, latestStatus: { state, createdAt: '2025-01-08T10:00:00Z', logUrl: `https://github.com/acme/api/actions/runs/${id}/job/1` } });
  return { data: { repository: { deployments: { nodes: [node(3, head, 'IN_PROGRESS'), node(2, sha(2), 'FAILURE'), node(1, sha(1), 'SUCCESS')] } } } };
}

/**
 * Answers for `head` (the run's commit): a merged pull request, three deployments (GraphQL), this workflow's runs, four tag lines, a compare of
 * `rangeLength` commits paged as GitHub documents it (the newest 250 without page/per_page, the whole
 * range oldest first with them, up to 100 a page), and the commits list filtered by `path` (every other
 * commit of the range touches it).
 */
function answer(path, head, rangeLength) {
  const url = new URL(path, 'http://loopback');
  const route = url.pathname.replace(/^\/repos\/[^/]+\/[^/]+/, '');
  if (/^\/commits\/[^/]+\/pulls$/.test(route)) {
    return [{ number: 57, title: 'Fix login timeout (JIRA-1234)', html_url: 'https://github.com/acme/api/pull/57', user: { login: 'octocat' }, base: { ref: 'main' }, head: { ref: 'JIRA-1234-login' }, body: 'Closes #41', merged_at: '2025-01-09T10:00:00Z', merge_commit_sha: head }];
  }
  if (url.pathname === '/graphql') return deployments(head);
  if (/^\/actions\/workflows\/[^/]+\/runs$/.test(route)) return { total_count: 3, workflow_runs: [1, 2, 3].map((id) => ({ id, created_at: '2025-01-08T09:00:00Z' })) };
  if (route === '/releases') return [];
  const refs = /^\/git\/matching-refs\/(.+)$/.exec(route);
  if (refs) return matchingRefs(url, decodeURIComponent(refs[1]));
  if (route === '/deployments') {
    return [
      { id: 3, sha: head, ref: 'main', environment: url.searchParams.get('environment') },
      { id: 2, sha: sha(2), ref: 'main', environment: url.searchParams.get('environment') },
      { id: 1, sha: sha(1), ref: 'main', environment: url.searchParams.get('environment') },
    ];
  }
  const statuses = /^\/deployments\/(\d+)\/statuses$/.exec(route);
  if (statuses) return [{ state: statuses[1] === '1' ? 'success' : 'failure', created_at: '2025-01-08T10:00:00Z', log_url: 'https://github.com/acme/api/actions/runs/1/job/1' }];
  if (route === '/commits' && url.searchParams.has('path')) {
    return Array.from({ length: Math.min(Math.ceil(rangeLength / 2), 100) }, (_, i) => commit(rangeLength + 9 - 2 * i));
  }
  if (route.startsWith('/compare/')) {
    const forward = route.endsWith(`...${head}`);
    const range = forward ? Array.from({ length: rangeLength }, (_, i) => commit(i + 10)) : [];
    const paged = url.searchParams.has('page') || url.searchParams.has('per_page');
    const size = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
    const page = Number(url.searchParams.get('page') ?? 1);
    const commits = paged ? range.slice((page - 1) * size, page * size) : range.slice(-250);
    return {
      status: forward ? 'ahead' : 'behind',
      total_commits: range.length,
      html_url: `https://github.com/acme/api/compare/${decodeURIComponent(route.slice('/compare/'.length))}`,
      base_commit: { sha: sha(1) },
      commits,
      files: forward ? Array.from({ length: 20 }, (_, i) => ({ filename: `src/part${i}.ts`, status: 'modified', additions: 3, deletions: 1, patch: '@@ -1 +1 @@\n-old\n+new' })) : [],
    };
  }
  return undefined;
}

/** Starts the server; `requests` counts what it was asked. */
export async function startLoopbackGitHub({ latencyMs = 0, head, rangeLength = 30 }) {
  const requests = [];
  const server = createServer((request, response) => {
    requests.push(request.url);
    request.resume();
    request.on('end', () => {
      const found = answer(request.url ?? '', head, rangeLength);
      const paged = found && 'headers' in found && 'body' in found;
      const body = paged ? found.body : found;
      const text = JSON.stringify(body ?? { message: 'Not Found' });
      setTimeout(() => {
        response.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...(paged ? found.headers : {}) });
        response.end(text);
      }, latencyMs);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
