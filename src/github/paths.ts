// The `paths` input applied: which files a service's patterns cover, and what the GitHub API can be asked
// in their place. The glob library (picomatch) is loaded only when `paths` is set: its own bundle,
// dist/picomatch.cjs (scripts/build.mjs).

/** A file path of the repository -> whether the patterns cover it. */
export type PathMatcher = (file: string) => boolean;

/**
 * The patterns as one matcher: a file counts when an include pattern covers it (or there are only
 * exclusions) and no `!` pattern does. Matched as GitHub's own `paths:` filters match: `*` stays within
 * a folder, `**` crosses them, dot files included.
 */
export async function pathMatcher(patterns: readonly string[]): Promise<PathMatcher> {
  const { default: picomatch } = await import('picomatch');
  const includes = patterns.filter((pattern) => !pattern.startsWith('!'));
  const excludes = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
  const options = { dot: true };
  const included = includes.length > 0 ? picomatch(includes, options) : () => true;
  const excluded = excludes.length > 0 ? picomatch(excludes, options) : () => false;
  return (file) => included(file) && !excluded(file);
}

/** What the commits list's `path` filter can answer for the patterns. */
export interface ApiPaths {
  /** One folder or file per include pattern: the part before its first wildcard. */
  prefixes: string[];
  /** Why the answer is wider than the patterns (a wildcard inside a folder, an exclusion), else undefined. */
  approximate: string | undefined;
  /** Why the API cannot answer at all (an include pattern with a wildcard at its root), else undefined. */
  impossible: string | undefined;
}

/** Prefixes asked for at most: one request each. */
export const MAX_API_PREFIXES = 5;

/**
 * The commits list takes one `path` (a file or a folder; GitHub's docs say "Only commits containing this
 * file path will be returned" and leave folders and wildcards unmentioned, so a folder is asked for and a
 * wildcard never is): each include pattern becomes the folder before its first wildcard.
 */
export async function apiPaths(patterns: readonly string[]): Promise<ApiPaths> {
  const { default: picomatch } = await import('picomatch');
  const prefixes = new Set<string>();
  let approximate: string | undefined;
  let impossible: string | undefined;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      approximate ??= `the exclusion ${JSON.stringify(pattern)} needs each commit's files`;
      continue;
    }
    const scan = picomatch.scan(pattern);
    const base = scan.base.replace(/^\.\//, '').replace(/\/+$/, '');
    if (!base) {
      impossible ??= `${JSON.stringify(pattern)} has a wildcard at the repository's root`;
      continue;
    }
    prefixes.add(base);
    if (scan.isGlob && !/^\*\*(\/\*)?$/.test(scan.glob)) approximate ??= `${JSON.stringify(pattern)} is read as all of ${base}/`;
  }
  if (prefixes.size > MAX_API_PREFIXES) impossible ??= `more than ${MAX_API_PREFIXES} folders would each need a request`;
  return { prefixes: [...prefixes], approximate, impossible };
}

/** Commits (by full SHA) whose files include one the matcher covers, from `sha -> files`. */
export function touchingCommits(files: ReadonlyMap<string, readonly string[]>, matches: PathMatcher): Set<string> {
  const touching = new Set<string>();
  for (const [sha, changed] of files) if (changed.some(matches)) touching.add(sha);
  return touching;
}
