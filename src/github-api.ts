// The one GitHub REST lookup the action makes: which pull request brought a pushed commit in.
// Loaded by main.ts with a dynamic import, only for push runs that can use it. Best effort by design:
// the event is worth sending without a pull request, so any failure is a debug line and `undefined`.
//
// Why HttpClient and not global fetch or @actions/github: it honours HTTPS_PROXY/NO_PROXY (fetch does
// not), strips the token on a redirect to another host, and is already in the bundle.
import * as core from '@actions/core';
import { HttpClient } from '@actions/http-client';
import { choosePullRequest, type LookupTarget, type PullRequest } from './change.js';
import { USER_AGENT } from './user-agent.js';

/** The lookup must never hold up a deployment's event by more than a moment. */
export const LOOKUP_DEADLINE_MS = 4_000;

/** `GET {api}/repos/{owner}/{repo}/commits/{sha}/pulls`, the pull request that brought `sha` in. */
export async function findPullRequest(target: LookupTarget, token: string): Promise<PullRequest | undefined> {
  const url = `${target.apiUrl}/repos/${target.repository.split('/').map(encodeURIComponent).join('/')}/commits/${encodeURIComponent(target.sha)}/pulls`;
  const client = new HttpClient(USER_AGENT, undefined, { socketTimeout: LOOKUP_DEADLINE_MS, allowRetries: false, maxRedirects: 3 });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${LOOKUP_DEADLINE_MS / 1000} s`)), LOOKUP_DEADLINE_MS);
  });
  try {
    const pulls = await Promise.race([fetchJson(client, url, token), deadline]);
    const pullRequest = choosePullRequest(pulls, target.sha);
    if (!pullRequest) core.debug(`No pull request is associated with commit ${target.sha}; the event names none.`);
    return pullRequest;
  } catch (error) {
    core.debug(`The pull request lookup for commit ${target.sha} failed (${(error as Error).message}); the event names no pull request.`);
    return undefined;
  } finally {
    clearTimeout(timer);
    // Ends a direct request still in flight after the deadline; the step's prompt exit ends any other.
    client.dispose();
  }
}

async function fetchJson(client: HttpClient, url: string, token: string): Promise<unknown> {
  const response = await client.get(url, {
    Authorization: `Bearer ${token}`,
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
  });
  const status = response.message.statusCode ?? 0;
  const body = await response.readBody();
  if (status < 200 || status > 299) throw new Error(`HTTP ${status}${githubMessage(body)}`);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new Error(`HTTP ${status} with a body that is not JSON`);
  }
}

/** GitHub's own reason (`Resource not accessible by integration`), one line, for the debug log. */
function githubMessage(body: string): string {
  try {
    const message = (JSON.parse(body) as { message?: unknown }).message;
    return typeof message === 'string' ? `: ${message.replace(/\s+/g, ' ').slice(0, 200)}` : '';
  } catch {
    return '';
  }
}
