// A pull request as the webhook payload and the REST API describe it, and which of a commit's pull
// requests brought it in. Pure.
import { list, record, text } from '../common/json.js';
import { shorten } from '../common/log-text.js';
import { firstLine } from '../common/subject-line.js';
import { userLogin } from './github-user.js';

/** A pull request as the webhook payload and the REST API both describe it. */
export interface PullRequest {
  number: number;
  title: string | undefined;
  url: string | undefined;
  author: string | undefined;
  base: string | undefined;
  head: string | undefined;
  /** Read for tickets only, never sent: it can be megabytes. */
  body: string | undefined;
  /** The commit GitHub made when merging it (merge, squash or rebase), when merged. */
  mergeCommitSha: string | undefined;
  merged: boolean;
  /** `open` or `closed`, as GitHub says. */
  state: string | undefined;
  /** The head branch's last commit: what a pull request run tested. */
  headSha: string | undefined;
}

/** Reads a pull request object of the webhook payload or of the REST API. */
export function readPullRequest(value: unknown): PullRequest | undefined {
  const pr = record(value);
  const number = pr?.number;
  if (!pr || typeof number !== 'number' || !Number.isSafeInteger(number)) return undefined;
  const ref = (side: unknown) => text(record(side)?.ref);
  const state = text(pr.state);
  return {
    number,
    title: firstLine(text(pr.title)),
    url: text(pr.html_url),
    author: userLogin(pr.user),
    base: ref(pr.base),
    head: ref(pr.head),
    body: text(pr.body),
    mergeCommitSha: text(pr.merge_commit_sha),
    merged: pr.merged === true || text(pr.merged_at) !== undefined,
    state: state && shorten(state, 20),
    headSha: text(record(pr.head)?.sha),
  };
}

/**
 * The pull request that brought `sha` in, out of the REST API's list of pull requests associated with
 * a commit: the one whose merge made `sha`, else a merged one that contains it, else none. The list also
 * holds open (and closed, unmerged) pull requests that merely contain the commit, such as a release pull
 * request from main to production: they were not deployed, so their title and tickets must not be.
 */
export function choosePullRequest(pulls: unknown, sha: string): PullRequest | undefined {
  const merged = list(pulls).flatMap((item) => readPullRequest(item) ?? []).filter((pr) => pr.merged);
  return merged.find((pr) => pr.mergeCommitSha === sha) ?? merged[0];
}
