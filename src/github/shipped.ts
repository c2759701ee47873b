// What shipped since the previous deploy: GitHub's compare answers in, the `data` keys out. Pure: the
// answers are untrusted JSON of any shape, read through json.ts, and the clock is passed in.
//
// `GET /compare/{previous}...{this}` lists the commits this deploy adds (oldest first); when this
// commit is behind the previous deploy, it lists none, and `GET /compare/{this}...{previous}` lists the
// ones this deploy takes out: a rollback.
import { compact, list, record, text } from '../common/json.js';
import { shorten } from '../common/log-text.js';
import type { PreviousDeploy } from './previous-deploy.js';

/** Commits and pull requests listed on the event; `count` says how many commits there were in all. */
export const MAX_LISTED = 20;
/** More authors than this on one event is a list nobody reads; the first ones are kept. */
export const MAX_AUTHORS = 50;
/** Longest commit line or pull request title kept. */
const MAX_LINE = 200;
/** Commits the compare is asked for on its first page (GitHub's maximum per page is 100). */
export const COMPARE_PAGE = 100;

export interface RangeCommit {
  sha: string;
  message: string;
  /** The login, else the git name; never the e-mail address, which is personal data. */
  author: string | undefined;
  /** The author date, ISO 8601. */
  authoredAt: string | undefined;
}

export interface Comparison {
  status: 'ahead' | 'behind' | 'diverged' | 'identical';
  /** Commits in the range in all (GitHub lists at most a page of them). */
  total: number;
  /** The resolved SHA of the base. */
  baseSha: string | undefined;
  htmlUrl: string | undefined;
  /** Oldest first, as GitHub lists them: the first page only. */
  commits: RangeCommit[];
}

const STATUSES = new Set(['ahead', 'behind', 'diverged', 'identical']);

function readCommit(value: unknown): RangeCommit | undefined {
  const item = record(value);
  const sha = text(item?.sha);
  const commit = record(item?.commit);
  if (!sha || !commit) return undefined;
  const gitAuthor = record(commit.author);
  return { sha, message: text(commit.message) ?? '', author: text(record(item?.author)?.login) ?? text(gitAuthor?.name), authoredAt: text(gitAuthor?.date) };
}

/** Reads `GET /compare/{base}...{head}`; undefined when it is not a compare answer. */
export function readComparison(answer: unknown): Comparison | undefined {
  const compare = record(answer);
  const status = text(compare?.status);
  if (!compare || !status || !STATUSES.has(status)) return undefined;
  const commits = list(compare.commits).flatMap((item) => readCommit(item) ?? []);
  const total = typeof compare.total_commits === 'number' && compare.total_commits >= commits.length ? compare.total_commits : commits.length;
  return { status: status as Comparison['status'], total, baseSha: text(record(compare.base_commit)?.sha), htmlUrl: text(compare.html_url), commits };
}

/** Reads `GET /commits?sha=…` (newest first), used for the newest commits of a range longer than a page. */
export function readCommitList(answer: unknown): RangeCommit[] {
  return list(answer).flatMap((item) => readCommit(item) ?? []);
}

export interface Shipped {
  previous: PreviousDeploy;
  /** This commit is behind the previous deploy: the commits are the ones taken out. */
  rollback: boolean;
  /** Commits added (or, for a rollback, taken out) in all. */
  count: number;
  /** The commits known, oldest first: the first page of the range. */
  commits: RangeCommit[];
  /** The newest commits, newest first, when the range is longer than its first page. */
  newest: RangeCommit[] | undefined;
  compareUrl: string | undefined;
}

/**
 * What shipped, from the compare of the previous deploy with this commit and, for a rollback, the
 * compare the other way. `newest` is the newest commits of this commit's history, for a range longer
 * than one page.
 */
export function shippedFrom(previous: PreviousDeploy, forward: Comparison, reverse: Comparison | undefined, newest?: RangeCommit[]): Shipped {
  const resolved: PreviousDeploy = { ...previous, commit: forward.baseSha ?? previous.commit };
  if (forward.status === 'behind' && reverse) {
    return { previous: resolved, rollback: true, count: reverse.total, commits: reverse.commits, newest: undefined, compareUrl: reverse.htmlUrl };
  }
  const longer = forward.total > forward.commits.length;
  return {
    previous: resolved,
    rollback: forward.status === 'behind',
    count: forward.total,
    commits: forward.commits,
    newest: longer ? newest : undefined,
    compareUrl: forward.htmlUrl,
  };
}

export interface PullRequestShipped {
  number: number;
  title: string | undefined;
  url: string;
  /** The head branch, from a merge commit's subject: read for tickets, not sent. */
  branch: string | undefined;
}

const MERGE_SUBJECT = /^Merge pull request #(\d{1,9}) from (\S+)$/;
const SQUASH_SUBJECT = /^(.*\S)\s+\(#(\d{1,9})\)$/;

function firstLine(message: string): string {
  const end = message.search(/[\r\n]/);
  return (end === -1 ? message : message.slice(0, end)).trim();
}

/**
 * The pull request a commit merged, from the subject GitHub writes: `Merge pull request #12 from
 * owner/branch` (the title is the first line of the body) or `Title (#12)` for a squash merge.
 */
export function pullRequestOf(commit: RangeCommit, repo: { serverUrl: string; repository: string }): PullRequestShipped | undefined {
  const subject = firstLine(commit.message);
  const url = (number: string) => `${repo.serverUrl}/${repo.repository}/pull/${number}`;
  const merge = MERGE_SUBJECT.exec(subject);
  if (merge) {
    const [, number = '', from = ''] = merge;
    const body = commit.message.slice(subject.length).trim();
    const slash = from.indexOf('/');
    return { number: Number(number), title: body ? shorten(firstLine(body), MAX_LINE) : undefined, url: url(number), branch: slash === -1 ? from : from.slice(slash + 1) };
  }
  const squash = SQUASH_SUBJECT.exec(subject);
  if (squash) {
    const [, title = '', number = ''] = squash;
    return { number: Number(number), title: shorten(title, MAX_LINE), url: url(number), branch: undefined };
  }
  return undefined;
}

export interface ShippedFacts {
  /** Keys for `data`: previous, commits, pull_requests, authors, first_commit_at, lead_time_seconds, compare_url. */
  data: Record<string, unknown>;
  /** Messages, pull request titles and branch names of the range, newest first, to find tickets in. */
  ticketTexts: string[];
  /** For a rollback found by the compare: the previous deploy's version, for `data.rollback_of`. */
  rollbackOf?: string | undefined;
}

export interface ShippedContext {
  serverUrl: string;
  repository: string;
  /** The event's time: the lead time runs from the oldest commit to it. */
  eventTime: Date;
}

/** The `data` keys of what shipped: previous, commits, pull_requests, authors, first_commit_at, lead_time_seconds, compare_url. */
export function shippedData(shipped: Shipped, context: ShippedContext): ShippedFacts {
  const newestFirst = [...shipped.commits].reverse();
  const listed = (shipped.newest ?? newestFirst).slice(0, MAX_LISTED);
  const known = [...listed, ...newestFirst.filter((commit) => !listed.some((l) => l.sha === commit.sha))];
  const pullRequests: PullRequestShipped[] = [];
  for (const commit of known) {
    const pr = pullRequestOf(commit, context);
    if (pr && !pullRequests.some((p) => p.number === pr.number)) pullRequests.push(pr);
  }
  const authors = [...new Set(known.flatMap((commit) => commit.author ?? []))].slice(0, MAX_AUTHORS);
  // The oldest commit is on the first page, whatever the range's length: the lead time is exact.
  const firstCommitAt = shipped.rollback ? undefined : shipped.commits[0]?.authoredAt;
  const firstMs = firstCommitAt === undefined ? NaN : Date.parse(firstCommitAt);
  const leadSeconds = Number.isNaN(firstMs) ? undefined : Math.round((context.eventTime.getTime() - firstMs) / 1000);

  const data = compact({
    ...previousData(shipped.previous),
    commits: {
      count: shipped.count,
      list: listed.map((commit) => compact({ sha: commit.sha, message: shorten(firstLine(commit.message), MAX_LINE) || undefined, author: commit.author }) ?? {}),
    },
    pull_requests: pullRequests.length > 0 ? pullRequests.slice(0, MAX_LISTED).map(({ number, title, url }) => compact({ number, title, url })) : undefined,
    authors: authors.length > 0 ? authors : undefined,
    first_commit_at: firstCommitAt,
    lead_time_seconds: leadSeconds !== undefined && leadSeconds >= 0 ? leadSeconds : undefined,
    compare_url: shipped.compareUrl,
  });
  const ticketTexts = [...pullRequests.flatMap((pr) => [pr.title, pr.branch]), ...known.map((commit) => commit.message)].filter((t): t is string => !!t);
  return { data: data ?? {}, ticketTexts };
}

/** `data.previous` alone, for a previous deploy found when its compare could not be made. */
export function previousData(previous: PreviousDeploy): Record<string, unknown> {
  return {
    previous: compact({ commit: previous.commit, version: previous.version, deployed_at: previous.deployedAt, url: previous.url, found_by: previous.foundBy }),
  };
}

/**
 * The event's type: `rollback` when this deploy takes changes out, the user left `type` at its
 * default and did not turn detection off; else the type as given.
 */
export function eventType(type: string, defaultType: string | undefined, detectRollback: boolean, shipped: Shipped | undefined): string {
  return shipped?.rollback && detectRollback && type === defaultType ? 'rollback' : type;
}
