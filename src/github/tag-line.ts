// The previous tag of a tag line, however many tags the repository holds. Pure: the answers of
// `GET /repos/{o}/{r}/git/matching-refs/tags/<prefix>` in, one tag out.
//
// A line is what comes before the version: `v` in `v1.2.3`, `api-v` in `api-v1.2.3`, `api/v` in
// `api/v1.2.3`, `@scope/pkg@` in `@scope/pkg@1.2.3`. Why matching-refs and not the alternatives:
// - `GET /tags` lists every line mixed, 100 a page, in an undocumented order: a repository of thousands of
//   tags needs dozens of pages to be sure of one line;
// - GraphQL `refs(orderBy: TAG_COMMIT_DATE)` orders by date, not by version: the tag before a maintenance
//   release (v1.9.1 after v2.3.0) can sit beyond the first page;
// - matching-refs filters by name prefix on GitHub's side. Its documentation lists no paging parameters
//   and no order, but its response documents a `Link` header. So both readings are handled: one answer
//   holding every match, or pages linked by `Link` (the rest fetched at once). The order is never relied on.
//
// Three prefixes are asked at once, narrowest first: the same minor (`api-v1.4`), the same major
// (`api-v1`), the whole line (`api-v`). Every tag before 1.4.2 is in the narrowest of them that holds any
// tag before it, so the answer comes from the smallest list that has one: a long line costs no more
// than a short one, unless one minor alone holds more than a page of tags.
import { list, record, text } from '../common/json.js';

/** Longer names are not version tags this action reads: the cap bounds every regex run on a name. */
export const MAX_TAG_NAME = 255;

/** A tag read as a semantic version: `v1.10.0`, `api-v2.0.0-rc.1`, `1.4`. */
export interface VersionTag {
  /** What comes before the numbers (`v`, `api-v`, ``): tags with the same prefix form one line. */
  prefix: string;
  numbers: readonly [number, number, number];
  /** Dot-separated prerelease identifiers (`rc.1` -> ['rc', '1']); empty for a final release. */
  prerelease: readonly string[];
}

// The version part is anchored at the end and its prefix may not end in a digit: one way to split a
// name, found in one pass, whatever its length (names are capped before anyway).
const VERSION_TAG = /(?:^|[^0-9])(\d{1,9})\.(\d{1,9})(?:\.(\d{1,9}))?(?:-([0-9A-Za-z.-]{1,128}))?(?:\+[0-9A-Za-z.-]{1,128})?$/;

export function parseVersionTag(name: string): VersionTag | undefined {
  if (name.length > MAX_TAG_NAME) return undefined;
  const match = VERSION_TAG.exec(name);
  if (!match) return undefined;
  const [whole, major, minor, patch, prerelease] = match;
  // The match may start with the one character before the major number, which belongs to the prefix.
  const start = match.index + (/^\d/.test(whole) ? 0 : 1);
  return { prefix: name.slice(0, start), numbers: [Number(major), Number(minor), Number(patch ?? 0)], prerelease: prerelease ? prerelease.split('.') : [] };
}

/** Semantic-version precedence (semver.org §11): negative when `a` comes before `b`. Prefixes are not compared. */
export function compareVersions(a: VersionTag, b: VersionTag): number {
  for (let i = 0; i < 3; i++) {
    const difference = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (difference !== 0) return difference;
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i] ?? '';
    const y = b.prerelease[i] ?? '';
    if (x === y) continue;
    const xNumeric = /^\d+$/.test(x);
    const yNumeric = /^\d+$/.test(y);
    if (xNumeric && yNumeric) return Number(x) - Number(y);
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.prerelease.length - b.prerelease.length;
}

/** The matching-refs prefixes to ask for the tag before `current`, narrowest first (without `tags/`). */
export function linePrefixes(current: VersionTag): string[] {
  const [major, minor] = current.numbers;
  return [`${current.prefix}${major}.${minor}`, `${current.prefix}${major}`, current.prefix];
}

/** A tag of the line read from a matching-refs answer. */
export interface LineTag {
  name: string;
  version: VersionTag;
  /** The commit, for a lightweight tag; an annotated tag's ref points to the tag object, so undefined. */
  sha: string | undefined;
}

const FULL_SHA = /^[0-9a-f]{40}$/i;

/** The tags of `line` in one matching-refs answer (`[{ref: 'refs/tags/…', object: {sha, type}}]`). */
export function readLineTags(answer: unknown, line: string): LineTag[] {
  const tags: LineTag[] = [];
  for (const item of list(answer)) {
    const ref = record(item);
    const full = text(ref?.ref);
    if (!full?.startsWith('refs/tags/') || full.length > MAX_TAG_NAME + 10) continue;
    const name = full.slice('refs/tags/'.length);
    const version = parseVersionTag(name);
    if (!version || version.prefix !== line) continue;
    const object = record(ref?.object);
    const sha = text(object?.sha);
    tags.push({ name, version, sha: object?.type === 'commit' && sha && FULL_SHA.test(sha) ? sha.toLowerCase() : undefined });
  }
  return tags;
}

/** What a release says about its tag: a draft is not a deploy, a prerelease is skipped by a final one. */
export interface ReleaseFacts {
  draft: boolean;
  prerelease: boolean;
}

/**
 * The tag right before `current` on its line, out of every bucket's tags (narrowest first): the greatest
 * version below it in the narrowest bucket that holds any. A final release skips the prereleases before
 * it; drafts are not deploys. Linear in the tags read.
 */
export function previousOnLine(current: VersionTag, buckets: ReadonlyArray<readonly LineTag[]>, releases: ReadonlyMap<string, ReleaseFacts>): LineTag | undefined {
  for (const bucket of buckets) {
    let best: LineTag | undefined;
    for (const tag of bucket) {
      if (compareVersions(tag.version, current) >= 0) continue;
      const release = releases.get(tag.name);
      if (release?.draft) continue;
      if (current.prerelease.length === 0 && (tag.version.prerelease.length > 0 || release?.prerelease)) continue;
      if (!best || compareVersions(tag.version, best.version) > 0) best = tag;
    }
    if (best) return best;
  }
  return undefined;
}

/** The last page a `Link` header names (`<…&page=7>; rel="last"`), or undefined when it names none. */
export function lastPage(link: string | undefined): number | undefined {
  if (!link || link.length > 4000) return undefined;
  for (const part of link.split(',')) {
    if (!/;\s*rel="last"/.test(part)) continue;
    const page = /[?&]page=(\d{1,6})(?:[&>])/.exec(part);
    if (page) return Number(page[1]);
  }
  return undefined;
}
