// The previous deploy to the same environment: the commit what shipped is counted from. Pure: GitHub's
// API answers (untrusted JSON of any shape, read through json.ts) in, one PreviousDeploy out. The order
// in which the ways are tried lives in lookups.ts; each way's rule lives here.
import { list, record, text, type JsonObject } from '../common/json.js';

/** How the previous deploy was found, as `data.previous.found_by` says it. */
export type FoundBy = 'input' | 'deployment' | 'tag' | 'push';

export interface PreviousDeploy {
  /** What the compare starts from: a full SHA, or the tag or branch name GitHub resolves. */
  ref: string;
  /** Its SHA, when known before the compare resolves `ref`. */
  commit: string | undefined;
  /** Its version as this action would have recorded it: the tag name, else the 7-character SHA. */
  version: string | undefined;
  /** When it was deployed (a deployment's success, a release's publication); unknown for a push. */
  deployedAt: string | undefined;
  /** Where a person sees that deploy on GitHub. */
  url: string | undefined;
  foundBy: FoundBy;
}

const FULL_SHA = /^[0-9a-f]{40}$/i;
const ZERO_SHA = /^0{40}$/;

export interface Repository {
  /** `https://github.com`, or the GitHub Enterprise Server URL. */
  serverUrl: string;
  /** `owner/repo`. */
  repository: string;
}

/** The `since` input: a SHA, tag or branch, resolved by the compare itself (no request of its own). */
export function previousFromInput(since: string, repo: Repository): PreviousDeploy {
  const isSha = FULL_SHA.test(since);
  return {
    ref: since,
    commit: isSha ? since.toLowerCase() : undefined,
    version: isSha ? since.slice(0, 7).toLowerCase() : since,
    deployedAt: undefined,
    url: `${repo.serverUrl}/${repo.repository}/${isSha ? 'commit' : 'tree'}/${since}`,
    foundBy: 'input',
  };
}

/** A push run's `before`: the commit the branch pointed at before this push. Absent for a new branch. */
export function previousFromPush(before: string | undefined, repo: Repository): PreviousDeploy | undefined {
  if (!before || !FULL_SHA.test(before) || ZERO_SHA.test(before)) return undefined;
  return {
    ref: before,
    commit: before,
    version: before.slice(0, 7),
    deployedAt: undefined,
    url: `${repo.serverUrl}/${repo.repository}/commit/${before}`,
    foundBy: 'push',
  };
}

// ---- Deployments ----------------------------------------------------------------------------------

/** A deployment that may be the previous deploy, until its statuses say whether it reached success. */
export interface DeploymentCandidate {
  id: number;
  sha: string;
  ref: string | undefined;
}

/**
 * Out of `GET /deployments?environment=…` (newest first), the newest `max` to the same environment
 * (any letter case, as GitHub compares environment names) for another commit than `headSha`.
 */
export function deploymentCandidates(answer: unknown, environment: string, headSha: string, max: number): DeploymentCandidate[] {
  const wanted = environment.toLowerCase();
  const candidates: DeploymentCandidate[] = [];
  for (const item of list(answer)) {
    const deployment = record(item);
    const id = deployment?.id;
    const sha = text(deployment?.sha);
    if (typeof id !== 'number' || !sha || !FULL_SHA.test(sha)) continue;
    if (text(deployment?.environment)?.toLowerCase() !== wanted || sha.toLowerCase() === headSha.toLowerCase()) continue;
    candidates.push({ id, sha, ref: text(deployment?.ref) });
    if (candidates.length >= max) break;
  }
  return candidates;
}

/**
 * The newest candidate that reached `success` and was not made by this run, from each one's statuses
 * (`GET /deployments/{id}/statuses`, newest first). A successful deployment later marked `inactive` by
 * a newer one still reached success. Candidates whose statuses are unknown (their request failed) are
 * passed over. `runId` tells this run's own deployments by their status's log or target URL.
 */
export function previousFromDeployments(
  candidates: readonly DeploymentCandidate[],
  statuses: ReadonlyMap<number, unknown>,
  runId: string | undefined,
  repo: Repository,
): PreviousDeploy | undefined {
  const thisRun = runId ? new RegExp(`/actions/runs/${runId}(?:/|$)`) : undefined;
  for (const candidate of candidates) {
    const states = list(statuses.get(candidate.id))
      .map(record)
      .filter((status): status is JsonObject => status !== undefined);
    const madeHere = thisRun && states.some((status) => [status.log_url, status.target_url].some((url) => thisRun.test(text(url) ?? '')));
    const success = states.find((status) => status.state === 'success');
    if (madeHere || !success) continue;
    return {
      ref: candidate.sha,
      commit: candidate.sha,
      version: candidate.ref && parseVersionTag(candidate.ref) ? candidate.ref : candidate.sha.slice(0, 7),
      deployedAt: text(success.created_at),
      url: text(success.log_url) ?? text(success.target_url) ?? `${repo.serverUrl}/${repo.repository}/deployments`,
      foundBy: 'deployment',
    };
  }
  return undefined;
}

// ---- Tags and releases ----------------------------------------------------------------------------

/** A tag read as a semantic version: `v1.10.0`, `api-v2.0.0-rc.1`, `1.4`. */
export interface VersionTag {
  /** What comes before the numbers (`v`, `api-v`, ``): tags with the same prefix form one line. */
  prefix: string;
  numbers: readonly [number, number, number];
  /** Dot-separated prerelease identifiers (`rc.1` -> ['rc', '1']); empty for a final release. */
  prerelease: readonly string[];
}

const VERSION_TAG = /^(.*?)(\d{1,9})\.(\d{1,9})(?:\.(\d{1,9}))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersionTag(name: string): VersionTag | undefined {
  const match = VERSION_TAG.exec(name);
  if (!match) return undefined;
  const [, prefix = '', major, minor, patch, prerelease] = match;
  return { prefix, numbers: [Number(major), Number(minor), Number(patch ?? 0)], prerelease: prerelease ? prerelease.split('.') : [] };
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

/**
 * The tag before `currentTag` on its line (same prefix), in semantic-version order, out of
 * `GET /tags` (in no useful order) and `GET /releases` (for publication time, page and prerelease flag).
 * A final release skips the prereleases before it; draft releases are not deploys.
 */
export function previousFromTags(currentTag: string, tagsAnswer: unknown, releasesAnswer: unknown, repo: Repository): PreviousDeploy | undefined {
  const current = parseVersionTag(currentTag);
  if (!current) return undefined;
  const releases = new Map<string, Readonly<Record<string, unknown>>>();
  for (const item of list(releasesAnswer)) {
    const release = record(item);
    const tag = text(release?.tag_name);
    if (release && tag) releases.set(tag, release);
  }
  let best: { name: string; version: VersionTag; sha: string | undefined } | undefined;
  for (const item of list(tagsAnswer)) {
    const tag = record(item);
    const name = text(tag?.name);
    const version = name === undefined ? undefined : parseVersionTag(name);
    if (!name || !version || version.prefix !== current.prefix || compareVersions(version, current) >= 0) continue;
    const release = releases.get(name);
    if (release?.draft === true) continue;
    const isPrerelease = version.prerelease.length > 0 || release?.prerelease === true;
    if (current.prerelease.length === 0 && isPrerelease) continue;
    if (best && compareVersions(version, best.version) <= 0) continue;
    const sha = text(record(tag?.commit)?.sha);
    best = { name, version, sha: sha && FULL_SHA.test(sha) ? sha : undefined };
  }
  if (!best) return undefined;
  const release = releases.get(best.name);
  return {
    ref: best.sha ?? best.name,
    commit: best.sha,
    version: best.name,
    deployedAt: text(release?.published_at) ?? text(release?.created_at),
    url: text(release?.html_url) ?? `${repo.serverUrl}/${repo.repository}/tree/${best.name}`,
    foundBy: 'tag',
  };
}
