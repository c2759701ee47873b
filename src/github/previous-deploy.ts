// The previous deploy: the commit what shipped is counted from, as `data.previous` describes it. Pure:
// what deployments.ts and tag-line.ts chose in, one PreviousDeploy out. The order in which the ways are
// tried lives in previous-lookup.ts.
import { text, type JsonObject } from '../common/json.js';
import type { Deployment } from './deployments.js';
import { parseVersionTag, type LineTag } from './tag-line.js';

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

/** A deployment of this service that reached success (deployments.ts chose it). */
export function previousFromDeployment(deployment: Deployment, repo: Repository): PreviousDeploy {
  return {
    ref: deployment.sha,
    commit: deployment.sha,
    version: deployment.ref && parseVersionTag(deployment.ref) ? deployment.ref : deployment.sha.slice(0, 7),
    deployedAt: deployment.at,
    url: deployment.logUrl ?? `${repo.serverUrl}/${repo.repository}/deployments`,
    foundBy: 'deployment',
  };
}

/** The tag before this one on its line (tag-line.ts chose it), with its release when it has one. */
export function previousFromTag(tag: LineTag, releases: ReadonlyMap<string, JsonObject>, repo: Repository): PreviousDeploy {
  const release = releases.get(tag.name);
  const url = text(release?.html_url);
  return {
    ref: tag.sha ?? tag.name,
    commit: tag.sha,
    version: tag.name,
    deployedAt: text(release?.published_at) ?? text(release?.created_at),
    url: url && url.length <= 2000 ? url : `${repo.serverUrl}/${repo.repository}/tree/${tag.name}`,
    foundBy: 'tag',
  };
}
