// A loopback HTTP server that plays the part of the GitHub REST API the action uses:
// `GET /repos/{owner}/{repo}/commits/{sha}/pulls`. Point GITHUB_API_URL at `url`. It answers from the
// pull requests given per commit, or misbehaves as told: 403, 404, an answer too slow, malformed JSON.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type GitHubBehaviour =
  /** Answer with the pull requests registered for the commit (an empty list when none). */
  | 'normal'
  /** What a token without `pull-requests: read` (or `contents: read`) gets. */
  | 'forbidden'
  /** What an unknown repository or commit gets (also a private repository the token cannot see). */
  | 'not-found'
  /** Accept the request and answer nothing until closed. */
  | 'hang'
  /** 200 with a body that is not JSON. */
  | 'malformed';

export interface GitHubRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface FakeGitHub {
  /** REST API base, for GITHUB_API_URL, e.g. http://127.0.0.1:43211 */
  url: string;
  requests: GitHubRequest[];
  behaviour: GitHubBehaviour;
  /** The pull requests `commits/{sha}/pulls` lists for `owner/repo` and `sha`. */
  pullsFor(repository: string, sha: string, pulls: unknown[]): void;
  close(): Promise<void>;
}

const PULLS_PATH = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/pulls(\?.*)?$/;

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const requests: GitHubRequest[] = [];
  const pulls = new Map<string, unknown[]>();
  const sockets = new Set<Socket>();

  const json = (status: number, body: unknown) => ({ status, text: JSON.stringify(body), type: 'application/json; charset=utf-8' });

  const answer = (method: string, path: string, authorized: boolean) => {
    const match = PULLS_PATH.exec(path);
    if (method !== 'GET' || !match) return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    if (!authorized) return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    switch (fake.behaviour) {
      case 'forbidden':
        return json(403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/commits/commits#list-pull-requests-associated-with-a-commit',
        });
      case 'not-found':
        return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
      case 'malformed':
        return { status: 200, text: '[{"number": 57, "title": "Fix login', type: 'application/json; charset=utf-8' };
      default: {
        const [, owner, repo, sha] = match;
        return json(200, pulls.get(`${owner}/${repo}@${sha}`) ?? []);
      }
    }
  };

  const server: Server = createServer((req, res) => {
    const request: GitHubRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers };
    requests.push(request);
    req.resume();
    req.on('end', () => {
      if (fake.behaviour === 'hang') return;
      const { status, text, type } = answer(request.method, request.path, /^(Bearer|token) \S+$/.test(req.headers.authorization ?? ''));
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
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
    pullsFor: (repository, sha, list) => pulls.set(`${repository}@${sha}`, list),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}
