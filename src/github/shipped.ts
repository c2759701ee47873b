// What shipped since the previous deploy: GitHub's compare answers in, the `data` keys out. Pure: the
// answers are untrusted JSON of any shape, read through json.ts, and the clock is passed in.
//
// `GET /compare/{previous}...{this}` lists the commits this deploy adds (oldest first) and
// `GET /compare/{this}...{previous}` the ones it takes out. A commit behind the previous deploy only takes
// out: a rollback. A diverged one does both; it is a rollback when it takes out more than it adds.
//
// Every field read is capped before any pattern runs on it, and every pass over the commits is linear
// (sets and maps, never a search inside a loop): an answer of any size costs time in proportion to it.
import { compact, list, record, text } from '../common/json.js';
import { shorten } from '../common/log-text.js';
import { firstLine, MAX_LINE, MAX_LISTED, subjectOf } from '../common/subject-line.js';
import type { PreviousDeploy } from './previous-deploy.js';
import { MAX_SCANNED } from './range.js';

/** More authors than this on one event is a list nobody reads; the first ones are kept. */
export const MAX_AUTHORS = 50;
/** Longest commit message read: enough for a subject, a body's ticket keys and git's revert line. */
export const MAX_MESSAGE = 4096;
/** Longest login or git name read. */
const MAX_NAME = 100;

export interface RangeCommit {
  sha: string;
  /** Capped at MAX_MESSAGE characters. */
  message: string;
  /** The login, else the git name; never the e-mail address, which is personal data. */
  author: string | undefined;
  /** The author date, ISO 8601. */
  authoredAt: string | undefined;
}

export interface Comparison {
  status: 'ahead' | 'behind' | 'diverged' | 'identical';
  /** Commits in the range in all (`total_commits`): never less than the commits read. */
  total: number;
  /** Commits the base has that the head lacks (`behind_by`): what a diverged deploy takes out. */
  behindBy: number;
  /** The resolved SHA of the base. */
  baseSha: string | undefined;
  htmlUrl: string | undefined;
  /** Oldest first, as GitHub lists them: this page's commits. */
  commits: RangeCommit[];
}

const STATUSES = new Set(['ahead', 'behind', 'diverged', 'identical']);
const SHA = /^[0-9a-f]{7,64}$/i;

function capped(value: unknown, max: number): string | undefined {
  const found = text(value);
  return found === undefined ? undefined : found.slice(0, max);
}

function readCommit(value: unknown): RangeCommit | undefined {
  const item = record(value);
  const sha = capped(item?.sha, 64);
  const commit = record(item?.commit);
  if (!sha || !SHA.test(sha) || !commit) return undefined;
  const gitAuthor = record(commit.author);
  return {
    sha: sha.toLowerCase(),
    message: capped(commit.message, MAX_MESSAGE) ?? '',
    author: capped(record(item?.author)?.login, MAX_NAME) ?? capped(gitAuthor?.name, MAX_NAME),
    authoredAt: capped(gitAuthor?.date, 40),
  };
}

/** Commits of one answer, at most MAX_SCANNED of them: a server that sends more than it was asked for gets no more read. */
function readCommits(value: unknown): RangeCommit[] {
  const commits: RangeCommit[] = [];
  for (const item of list(value)) {
    if (commits.length >= MAX_SCANNED) break;
    const commit = readCommit(item);
    if (commit) commits.push(commit);
  }
  return commits;
}

const count = (value: unknown, least: number) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= least ? value : least);

/** Reads `GET /compare/{base}...{head}`; undefined when it is not a compare answer. */
export function readComparison(answer: unknown): Comparison | undefined {
  const compare = record(answer);
  const status = text(compare?.status);
  if (!compare || !status || !STATUSES.has(status)) return undefined;
  const commits = readCommits(compare.commits);
  return {
    status: status as Comparison['status'],
    total: count(compare.total_commits, commits.length),
    behindBy: count(compare.behind_by, 0),
    baseSha: capped(record(compare.base_commit)?.sha, 64),
    htmlUrl: capped(compare.html_url, 2048),
    commits,
  };
}

/** The commits of one side of a deploy: all of them counted, some or all of them read. */
export interface CommitRange {
  /** Commits in the range in all. */
  count: number;
  /** The commits read, oldest first: all of them up to MAX_SCANNED. */
  commits: RangeCommit[];
}

/** Which commits touch the `paths` input's patterns, when it is set and could be applied. */
export interface PathScope {
  patterns: readonly string[];
  /** Full SHAs of the commits, of either side, that touch the paths. */
  touching: ReadonlySet<string>;
  /** Commits touching the paths in each whole side, when known exactly (the workspace's git history). */
  exact?: { added: number; removed: number } | undefined;
}

export interface Shipped {
  previous: PreviousDeploy;
  /** This deploy takes out more than it adds (behind, or diverged the other way). */
  rollback: boolean;
  /** Only takes out: the commits listed are the ones taken out, as before a diverged deploy was told apart. */
  behind: boolean;
  /** Commits this deploy adds; for a rollback, the commits it takes out. */
  count: number;
  /** What this deploy adds (for a deploy behind the previous one: what it takes out). */
  added: CommitRange;
  /** What a diverged deploy also takes out. */
  removed: CommitRange | undefined;
  compareUrl: string | undefined;
}

/**
 * What shipped, from the compare of the previous deploy with this commit (its pages joined) and the
 * compare the other way (which lists what this deploy takes out).
 */
export function shippedFrom(previous: PreviousDeploy, forward: Comparison, forwardCommits: RangeCommit[], reverse: Comparison | undefined, reverseCommits: RangeCommit[]): Shipped {
  const resolved: PreviousDeploy = { ...previous, commit: forward.baseSha ?? previous.commit };
  const takenOut: CommitRange | undefined = reverse ? { count: Math.max(reverse.total, reverseCommits.length), commits: reverseCommits } : undefined;
  if (forward.status === 'behind') {
    const added = takenOut ?? { count: forward.behindBy, commits: [] };
    return { previous: resolved, rollback: true, behind: true, count: added.count, added, removed: undefined, compareUrl: reverse?.htmlUrl ?? forward.htmlUrl };
  }
  const added = { count: forward.total, commits: forwardCommits };
  const removed = forward.status === 'diverged' ? (takenOut ?? { count: forward.behindBy, commits: [] }) : undefined;
  const rollback = removed !== undefined && removed.count > added.count;
  return { previous: resolved, rollback, behind: false, count: rollback ? removed.count : added.count, added, removed, compareUrl: forward.htmlUrl };
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
const REVERT_SUBJECT = /^Revert "/;
const REVERTS = /This reverts commit ([0-9a-f]{7,40})(?![0-9a-f])/;

/**
 * The pull request a commit merged, from the subject GitHub writes: `Merge pull request #12 from
 * owner/branch` (the title is the first line of the body) or `Title (#12)` for a squash merge.
 */
export function pullRequestOf(commit: RangeCommit, repo: { serverUrl: string; repository: string }): PullRequestShipped | undefined {
  const subject = shorten(subjectOf(commit.message), 1000);
  const url = (number: string) => `${repo.serverUrl}/${repo.repository}/pull/${number}`;
  const merge = MERGE_SUBJECT.exec(subject);
  if (merge) {
    const [, number = '', from = ''] = merge;
    const end = commit.message.search(/[\r\n]/);
    const body = end === -1 ? '' : commit.message.slice(end).trim();
    const slash = from.indexOf('/');
    return { number: Number(number), title: body ? shorten(subjectOf(body), MAX_LINE) : undefined, url: url(number), branch: slash === -1 ? from : from.slice(slash + 1) };
  }
  const squash = SQUASH_SUBJECT.exec(subject);
  if (squash) {
    const [, title = '', number = ''] = squash;
    return { number: Number(number), title: shorten(title, MAX_LINE), url: url(number), branch: undefined };
  }
  return undefined;
}

/** A commit reverted within the range, and the commit that reverted it. */
export interface RevertPair {
  reverted: RangeCommit;
  by: RangeCommit;
}

/**
 * The commits of `commits` (oldest first) reverted by a later commit of the same list, with GitHub's (and
 * git's) revert message: subject `Revert "…"`, body `This reverts commit <sha>.` Read newest first, so a
 * revert that is itself reverted undoes nothing: its original stays shipped.
 */
export function revertPairs(commits: readonly RangeCommit[]): RevertPair[] {
  const bySha = new Map<string, RangeCommit>();
  const byShort = new Map<string, RangeCommit[]>();
  for (const commit of commits) {
    bySha.set(commit.sha, commit);
    const short = commit.sha.slice(0, 7);
    const bucket = byShort.get(short);
    if (bucket) bucket.push(commit);
    else byShort.set(short, [commit]);
  }
  // A short SHA names a commit only when it names one alone, as git resolves it.
  const named = (sha: string): RangeCommit | undefined => {
    if (sha.length === 40) return bySha.get(sha);
    const matching = (byShort.get(sha.slice(0, 7)) ?? []).filter((commit) => commit.sha.startsWith(sha));
    return matching.length === 1 ? matching[0] : undefined;
  };
  const cancelled = new Set<string>();
  const pairs: RevertPair[] = [];
  for (let i = commits.length - 1; i >= 0; i--) {
    const commit = commits[i]!;
    if (cancelled.has(commit.sha) || !REVERT_SUBJECT.test(commit.message)) continue;
    const sha = REVERTS.exec(commit.message)?.[1]?.toLowerCase();
    const reverted = sha === undefined ? undefined : named(sha);
    if (!reverted || reverted === commit || cancelled.has(reverted.sha)) continue;
    cancelled.add(commit.sha).add(reverted.sha);
    pairs.push({ reverted, by: commit });
  }
  return pairs.reverse();
}

export interface ShippedFacts {
  /** Keys for `data`: previous, commits, removed, reverted, pull_requests, authors, first_commit_at, lead_time_seconds, compare_url, paths. */
  data: Record<string, unknown>;
  /** Messages, pull request titles and branch names of what shipped, newest first, to find tickets in. */
  ticketTexts: string[];
  /** For a rollback found by the compare: the previous deploy's version, for `data.rollback_of`. */
  rollbackOf?: string | undefined;
  /** The `paths` input scoped the change: the payload's own commits (the whole push) say nothing more. */
  scoped?: boolean | undefined;
}

export interface ShippedContext {
  serverUrl: string;
  repository: string;
  /** The event's time: the lead time runs from the oldest commit to it. */
  eventTime: Date;
  /** The `paths` input, applied. */
  paths?: PathScope | undefined;
}

function listedCommit(commit: RangeCommit): Record<string, unknown> {
  return compact({ sha: commit.sha, message: firstLine(commit.message), author: commit.author }) ?? {};
}

/** `{count, list}`: the newest MAX_LISTED first, `scanned` when fewer than all were read. */
function commitList(total: number, newestFirst: readonly RangeCommit[], scanned: number): Record<string, unknown> {
  return compact({ count: total, scanned: scanned < total ? scanned : undefined, list: newestFirst.slice(0, MAX_LISTED).map(listedCommit) }) ?? {};
}

/** The oldest valid author date, as GitHub wrote it. */
function oldestAuthorDate(commits: readonly RangeCommit[]): string | undefined {
  let oldest: { at: number; text: string } | undefined;
  for (const commit of commits) {
    const at = commit.authoredAt === undefined ? NaN : Date.parse(commit.authoredAt);
    if (!Number.isNaN(at) && (!oldest || at < oldest.at)) oldest = { at, text: commit.authoredAt! };
  }
  return oldest?.text;
}

/** One side of the deploy, scoped to the paths: how many commits, which were read, and how many of all were read. */
function side(range: CommitRange, paths: PathScope | undefined, exact: number | undefined) {
  if (!paths) return { count: range.count, commits: range.commits, scanned: range.commits.length };
  const commits = range.commits.filter((commit) => paths.touching.has(commit.sha));
  // The workspace's git history counts the whole side; the API knows only the commits read.
  const total = exact ?? commits.length;
  return { count: total, commits, scanned: range.commits.length >= range.count ? total : commits.length };
}

/** The `data` keys of what shipped, and the texts to find its tickets in. */
export function shippedData(shipped: Shipped, context: ShippedContext): ShippedFacts {
  const { paths } = context;
  const added = side(shipped.added, paths, shipped.behind ? paths?.exact?.removed : paths?.exact?.added);
  const removed = shipped.removed && side(shipped.removed, paths, paths?.exact?.removed);
  const pairs = shipped.behind ? [] : revertPairs(added.commits);
  const undone = new Set<string>();
  for (const pair of pairs) undone.add(pair.reverted.sha).add(pair.by.sha);

  const shippedNewestFirst: RangeCommit[] = [];
  for (let i = added.commits.length - 1; i >= 0; i--) if (!undone.has(added.commits[i]!.sha)) shippedNewestFirst.push(added.commits[i]!);
  const pullRequests: PullRequestShipped[] = [];
  const numbers = new Set<number>();
  for (const commit of shippedNewestFirst) {
    const pr = pullRequestOf(commit, context);
    if (pr && !numbers.has(pr.number)) {
      numbers.add(pr.number);
      pullRequests.push(pr);
    }
  }
  const authors = new Set<string>();
  for (const commit of shippedNewestFirst) if (commit.author && authors.size < MAX_AUTHORS) authors.add(commit.author);
  const firstCommitAt = shipped.behind ? undefined : oldestAuthorDate(shippedNewestFirst);
  const firstMs = firstCommitAt === undefined ? NaN : Date.parse(firstCommitAt);
  const leadSeconds = Number.isNaN(firstMs) ? undefined : Math.round((context.eventTime.getTime() - firstMs) / 1000);
  const shippedCount = Math.max(0, added.count - undone.size);

  const data = compact({
    ...previousData(shipped.previous),
    commits: compact({
      ...commitList(shippedCount, shippedNewestFirst, Math.max(0, added.scanned - undone.size)),
      range_count: paths ? shipped.added.count : undefined,
    }),
    removed: removed ? commitList(removed.count, [...removed.commits].reverse(), removed.scanned) : undefined,
    reverted:
      pairs.length > 0
        ? { count: pairs.length, list: [...pairs].reverse().slice(0, MAX_LISTED).map((pair) => ({ ...listedCommit(pair.reverted), reverted_by: pair.by.sha })) }
        : undefined,
    pull_requests: pullRequests.length > 0 ? pullRequests.slice(0, MAX_LISTED).map(({ number, title, url }) => compact({ number, title, url })) : undefined,
    authors: authors.size > 0 ? [...authors] : undefined,
    first_commit_at: firstCommitAt,
    lead_time_seconds: leadSeconds !== undefined && leadSeconds >= 0 ? leadSeconds : undefined,
    compare_url: shipped.compareUrl,
    paths: paths ? [...paths.patterns] : undefined,
  });
  const ticketTexts: string[] = [];
  for (const pr of pullRequests) {
    if (pr.title) ticketTexts.push(pr.title);
    if (pr.branch) ticketTexts.push(pr.branch);
  }
  for (const commit of shippedNewestFirst) ticketTexts.push(commit.message);
  return { data: data ?? {}, ticketTexts, scoped: paths !== undefined };
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
