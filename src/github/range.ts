// The commits of a range, read from GitHub's compare one page at a time. Pure: which pages to ask for
// once the first page gives the total, and how the pages join into one list.
//
// What GitHub's documentation of "Compare two commits" (GET /repos/{o}/{r}/compare/{base}...{head}) states:
// - the commits are those of `git log base..head`, "returned in chronological order" (oldest first);
// - without `per_page` or `page` the list is limited to 250 commits, "the last commit in the list is the
//   most recent of the entire comparison" (so the newest 250);
// - with `per_page` or `page` the whole comparison is paginated; the changed files come only with page 1.
// What it leaves unsaid, and how this module copes with either reading:
// - the largest `per_page`: REST's usual maximum is 100, so pages are asked for at 100 and a page that
//   holds fewer (or more) commits is read as it comes: the pages are joined by SHA, not by position;
// - whether `total_commits` counts the whole range or the commits listed: it is taken as the whole
//   range's count, and never as less than the commits actually read;
// - whether "chronological" means author or committer date, or the graph's order: the oldest author
//   date is therefore found by reading every commit's date (shipped.ts), not taken from the first one;
// - what a page past the end holds: nothing is asked past ceil(total / 100).

/** Commits per compare page: REST's largest page. */
export const COMPARE_PAGE = 100;
/** Commits read from one range at most; beyond, `data.commits.scanned` says how many were read. */
export const MAX_SCANNED = 1000;
/** Pages read from one range at most. */
export const MAX_PAGES = MAX_SCANNED / COMPARE_PAGE;

/**
 * The pages to ask for after page 1, all at once: every page of a range of up to MAX_SCANNED commits,
 * else the newest pages that fit beside the first (the oldest commits and the newest ones are read; the
 * middle of a very long range is not).
 */
export function laterPages(total: number): number[] {
  const pages = Math.ceil(Math.max(0, total) / COMPARE_PAGE);
  if (pages <= 1) return [];
  const first = pages <= MAX_PAGES ? 2 : pages - MAX_PAGES + 2;
  return Array.from({ length: pages - first + 1 }, (_, i) => first + i);
}

/** Pages of one range, in page order, joined into one list, oldest first: each SHA once, at most MAX_SCANNED. */
export function joinPages<T extends { sha: string }>(pages: ReadonlyArray<readonly T[] | undefined>): T[] {
  const seen = new Set<string>();
  const joined: T[] = [];
  for (const page of pages) {
    for (const commit of page ?? []) {
      if (joined.length >= MAX_SCANNED) return joined;
      if (seen.has(commit.sha)) continue;
      seen.add(commit.sha);
      joined.push(commit);
    }
  }
  return joined;
}
