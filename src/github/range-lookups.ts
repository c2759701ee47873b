// What shipped between the previous deploy and this commit: the compare's pages, both ways, and the
// commits that touch the `paths` input. Two round trips: (1) the first page of the compare each way,
// which gives each side's total; (2) every other page of both sides at once, with the API's path lists
// when the workspace's git history cannot say which commits touch the paths. lookups.ts runs the rounds
// before; the rules live in range.ts, shipped.ts and paths.ts.
import { oneLine } from '../common/log-text.js';
import type { PreviousDeploy } from './previous-deploy.js';
import { apiPaths, MAX_API_PREFIXES, pathMatcher, touchingCommits } from './paths.js';
import { changedFilesFromGit } from './paths-git.js';
import { COMPARE_PAGE, joinPages, laterPages, MAX_PAGES, MAX_SCANNED } from './range.js';
import { readComparison, shippedFrom, type Comparison, type PathScope, type RangeCommit, type Shipped } from './shipped.js';

/** Requests of the second round at most: every later page of both sides, and two path lists per folder. */
export const RANGE_PAGE_REQUESTS = 2 * (MAX_PAGES - 1) + 2 * MAX_API_PREFIXES;

/** A GET through the lookups' client; undefined when it failed (lookups.ts records why, under `part`). */
export type Ask = (part: 'compare' | 'pages' | 'commits', route: string, params: Record<string, string | number>) => Promise<unknown>;

export interface RangeRequest {
  previous: PreviousDeploy;
  /** This deploy's commit. */
  head: string;
  /** The `paths` input. */
  paths: readonly string[] | undefined;
  /** GITHUB_WORKSPACE: a checkout whose git history may say which commits touch the paths. */
  workspace: string | undefined;
  /** The lookups' deadline. */
  signal: AbortSignal;
}

export interface RangeOutcome {
  shipped: Shipped | undefined;
  /** The `paths` input as applied; undefined when it is not set or could not be applied. */
  scope: PathScope | undefined;
  /** The first compare answered with something that is not a comparison. */
  malformed: boolean;
  /** One line per partial answer: what the event holds and why. */
  notes: string[];
}

/** The commits read of one side, and why they are fewer than its count when they are. */
interface Pages {
  commits: RangeCommit[];
  why?: string;
}

const COMPARE_ROUTE = '/repos/{owner}/{repo}/compare/{basehead}';
const COMMITS_ROUTE = '/repos/{owner}/{repo}/commits';

export async function lookUpRange(ask: Ask, request: RangeRequest): Promise<RangeOutcome> {
  const { previous, head } = request;
  const notes: string[] = [];
  // `page` and `per_page` make GitHub page over the whole range, oldest first (range.ts says why).
  const compare = (base: string, tip: string, page: number) => ask(page === 1 ? 'compare' : 'pages', COMPARE_ROUTE, { basehead: `${base}...${tip}`, per_page: COMPARE_PAGE, page });

  // Round 1: the first page each way (the other way lists what a rollback or a diverged deploy takes out).
  const [forwardAnswer, reverseAnswer] = await Promise.all([compare(previous.ref, head, 1), compare(head, previous.ref, 1)]);
  const forward = readComparison(forwardAnswer);
  if (!forward) return { shipped: undefined, scope: undefined, malformed: forwardAnswer !== undefined, notes };
  const reverse = readComparison(reverseAnswer);
  const base = forward.baseSha ?? previous.commit ?? previous.ref;
  const addsCommits = forward.status !== 'behind';
  const takesOut = forward.status === 'behind' || forward.status === 'diverged';

  // Round 2: every other page of each side at once, and which commits touch the paths.
  const none: Pages = { commits: [] };
  const pagesOf = async (first: Comparison | undefined, from: string, to: string): Promise<Pages> => {
    if (!first) return { commits: [], why: 'the compare the other way did not answer' };
    // A first page over the page size was not paged as asked: its later pages would only repeat it.
    if (first.commits.length > COMPARE_PAGE) return { commits: joinPages([first.commits]), why: `GitHub's answer was not paged as asked; its first ${MAX_SCANNED} commits are read` };
    const later = await Promise.all(laterPages(first.total).map(async (page) => readComparison(await compare(from, to, page))?.commits));
    const commits = joinPages([first.commits, ...later]);
    return {
      commits,
      why: later.some((page) => page === undefined)
        ? 'some pages of the compare did not answer'
        : `a range over ${MAX_SCANNED} commits is read in part: its oldest ${COMPARE_PAGE} and newest ${commits.length - COMPARE_PAGE} commits`,
    };
  };
  const [added, removed, scope] = await Promise.all([
    addsCommits ? pagesOf(forward, previous.ref, head) : none,
    takesOut ? pagesOf(reverse, head, previous.ref) : none,
    request.paths ? pathScope(ask, request.paths, request, base, { addsCommits, takesOut }, notes) : undefined,
  ]);
  const shipped = shippedFrom(previous, forward, added.commits, reverse, removed.commits);
  const sides = [
    { key: 'commits', verb: shipped.behind ? 'takes out' : 'ships', range: shipped.added, why: (shipped.behind ? removed : added).why },
    { key: 'removed', verb: 'takes out', range: shipped.removed, why: removed.why },
  ];
  for (const { key, verb, range, why } of sides) {
    if (!range || range.commits.length >= range.count) continue;
    notes.push(
      `This deploy ${verb} ${range.count} commits since ${previous.version ?? previous.ref}; the event's pull requests, tickets and authors come from the ${range.commits.length} read (${why}), and data.${key}.scanned says so.`,
    );
  }
  return { shipped, scope, malformed: false, notes };
}

/**
 * Which commits touch the paths: from the workspace's git history when it holds both commits (no
 * request), else from the commits list's `path` filter, one folder per request. Undefined, with a note,
 * when neither can tell.
 */
async function pathScope(
  ask: Ask,
  patterns: readonly string[],
  request: RangeRequest,
  base: string,
  sides: { addsCommits: boolean; takesOut: boolean },
  notes: string[],
): Promise<PathScope | undefined> {
  const [matches, fromGit] = await Promise.all([pathMatcher(patterns), changedFilesFromGit(request.workspace, base, request.head, request.signal)]);
  if (!('unavailable' in fromGit)) {
    const added = touchingCommits(fromGit.added, matches);
    const removed = touchingCommits(fromGit.removed, matches);
    return { patterns, touching: new Set([...added, ...removed]), exact: { added: added.size, removed: removed.size } };
  }
  const api = await apiPaths(patterns);
  const unscoped = `the event counts every commit of the range, not only those touching input "paths"`;
  if (api.impossible) {
    notes.push(`Input "paths" could not be applied: ${fromGit.unavailable}, and the GitHub API cannot filter by it (${api.impossible}); ${unscoped}.`);
    return undefined;
  }
  const tips = [...(sides.addsCommits ? [request.head] : []), ...(sides.takesOut ? [base] : [])];
  const lists = await Promise.all(
    tips.flatMap((sha) => api.prefixes.map((path) => ask('commits', COMMITS_ROUTE, { sha, path, per_page: COMPARE_PAGE }))),
  );
  if (lists.some((answer) => !Array.isArray(answer))) {
    notes.push(`Input "paths" could not be applied: ${fromGit.unavailable}, and the GitHub API's commit lists did not answer; ${unscoped}.`);
    return undefined;
  }
  const touching = new Set<string>();
  let full = false;
  for (const answer of lists as unknown[][]) {
    if (answer.length >= COMPARE_PAGE) full = true;
    for (const item of answer.slice(0, COMPARE_PAGE)) {
      const sha = (item as { sha?: unknown } | null)?.sha;
      if (typeof sha === 'string') touching.add(sha.slice(0, 64).toLowerCase());
    }
  }
  const limits = [
    api.approximate,
    full ? `only the newest ${COMPARE_PAGE} commits touching each folder were listed` : undefined,
  ].filter((limit): limit is string => limit !== undefined);
  if (limits.length > 0) {
    notes.push(`Input "paths" was applied through the GitHub API (${fromGit.unavailable}): ${oneLine(limits.join('; '), 300)}. Check out with fetch-depth: 0 for an exact answer.`);
  }
  return { patterns, touching };
}
