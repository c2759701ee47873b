// Asking GitHub for the previous deploy of this service: what to ask, in what order, and what at the same
// time. The rules live in deployments.ts, tag-line.ts and previous-deploy.ts; the HTTP in client.ts.
//
// Round trips: the deployments (one GraphQL request with each one's latest status), this workflow's
// runs, the tag line's three prefixes and the releases all go out in the first round, beside the pull
// request. Only tag prefixes whose matches GitHub pages (a `Link` header) ask a second time, for all their
// other pages at once. So the previous deploy is known after one round trip, two at most, and the
// compare follows.
import { record, text } from '../common/json.js';
import { oneLine, quote } from '../common/log-text.js';
import { chooseDeployment, DEPLOYMENTS_EXAMINED, DEPLOYMENTS_QUERY, environmentSpellings, readDeployments, readWorkflowRuns, RUNS_LISTED, type Deployment, type DeploymentChoice } from './deployments.js';
import { previousFromDeployment, previousFromPush, previousFromTag, type PreviousDeploy, type Repository } from './previous-deploy.js';
import { lastPage, linePrefixes, parseVersionTag, previousOnLine, readLineTags, type LineTag, type ReleaseFacts, type VersionTag } from './tag-line.js';

/** Pages of one tag prefix read at most (100 tags each): past that, the line says the answer may be partial. */
export const MAX_TAG_PAGES = 10;
const TAGS_PER_PAGE = 100;

/** The questions, each answering undefined when it failed (the caller records the failure for the notice). */
export interface Asker {
  get(part: 'deployments' | 'tags' | 'commit', route: string, params?: Record<string, string | number>): Promise<unknown>;
  page(part: 'tags', route: string, params?: Record<string, string | number>): Promise<{ data: unknown; link: string | undefined } | undefined>;
  graphql(part: 'deployments', query: string, variables: Record<string, unknown>): Promise<unknown>;
  /** A question whose failure is not a notice: this workflow's runs, which only sharpen the choice. */
  quiet(route: string, params?: Record<string, string | number>): Promise<{ data: unknown } | { failure: string }>;
}

export interface PreviousQuestion {
  /** The commit the event is about, or its SHA once the `commit` input's name resolves (undefined: unknown). */
  head: string | Promise<string | undefined>;
  runId: string | undefined;
  environment: string | undefined;
  /** The workflow file whose runs make this service's deployments (`deploy-api.yml`); undefined to not tell them apart. */
  workflowFile: string | undefined;
  tag: string | undefined;
  /**
   * For a tag that is only a possible one (a watched run's head_branch shaped like a version), whether
   * GitHub has it on this commit: its line is asked at once, beside the rest, and used only if so.
   */
  tagConfirmed?: Promise<boolean> | undefined;
  pushBefore: string | undefined;
  /** This deploy succeeds: a failed previous deploy of this service is then restored by it. */
  succeeds: boolean;
  eventTime: Date;
}

/** `data.restores`: this deploy ends a failure of this service in this environment. */
export interface Restores {
  commit: string;
  version: string;
  failed_at: string;
  seconds: number | undefined;
}

export interface PreviousAnswer {
  previous: PreviousDeploy | undefined;
  restores: Restores | undefined;
  /** Info lines: which deploy was taken when its owner could not be told, and each fallback with why. */
  lines: string[];
}

export async function findPrevious(question: PreviousQuestion, ask: Asker, repo: Repository): Promise<PreviousAnswer> {
  const { environment } = question;
  const named = question.tag ? parseVersionTag(question.tag) : undefined;
  // Round 1, all at once.
  const deployments = environment
    ? ask.graphql('deployments', DEPLOYMENTS_QUERY, { environments: environmentSpellings(environment), first: DEPLOYMENTS_EXAMINED })
    : undefined;
  const runs = environment && question.workflowFile
    ? ask.quiet('/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', { workflow_id: question.workflowFile, per_page: RUNS_LISTED })
    : undefined;
  const tags = named && question.tag ? readTagLine(question.tag, named, ask) : undefined;
  // Answered in the same round: a possible tag counts (its line, the deployments of that line) only once confirmed.
  const current = named && (question.tagConfirmed === undefined || (await question.tagConfirmed)) ? named : undefined;

  const lines: string[] = [];
  const why: string[] = [];
  let restores: Restores | undefined;
  if (environment && deployments) {
    const answer = await deployments;
    const runsAnswer = runs ? await runs : undefined;
    const workflowRuns = runsAnswer && 'data' in runsAnswer ? readWorkflowRuns(runsAnswer.data) : undefined;
    const listed = answer === undefined ? undefined : readDeployments(answer, environment);
    const head = await question.head;
    const choice = listed && head ? chooseDeployment(listed, { runId: question.runId, runs: workflowRuns, tagLine: current?.prefix }, head) : undefined;
    if (choice) restores = question.succeeds ? restoresOf(choice, question.eventTime) : undefined;
    if (choice?.previous) {
      if (choice.uncertain) lines.push(uncertainLine(choice.previous, environment, question.workflowFile, runsAnswer));
      return { previous: previousFromDeployment(choice.previous, repo), restores, lines };
    }
    why.push(choice ? noDeploymentReason(choice, environment) : `the deployments to ${oneLine(environment, 60)} could not be read`);
  }
  if (current && tags && question.tag) {
    const line = await tags;
    if (line.tag) return { previous: previousFromTag(line.tag, line.releases, repo), restores, lines: [...lines, ...fallbackLines(why, `tag ${line.tag.name}`)] };
    why.push(line.reason);
  }
  const push = previousFromPush(question.pushBefore, repo);
  if (push) return { previous: push, restores, lines: [...lines, ...fallbackLines(why, `the push's before commit ${push.version ?? ''}`)] };
  if (why.length > 0) lines.push(`No previous deploy found: ${why.join('; ')}. The event carries no previous deploy and no change set from GitHub.`);
  return { previous: undefined, restores, lines };
}

function fallbackLines(why: readonly string[], took: string): string[] {
  return why.length === 0 ? [] : [`The previous deploy is ${took}: ${why.join('; ')}.`];
}

function noDeploymentReason(choice: DeploymentChoice, environment: string): string {
  const env = oneLine(environment, 60);
  if (choice.examined === 0) return `no deployment to ${env}`;
  const others = choice.othersSkipped > 0 ? `, ${choice.othersSkipped} of them another service's` : '';
  return `no successful deployment of this service to ${env} for another commit (${choice.examined} examined${others})`;
}

function uncertainLine(previous: Deployment, environment: string, workflowFile: string | undefined, runs: { data: unknown } | { failure: string } | undefined): string {
  const reason = !workflowFile
    ? 'this run names no workflow file'
    : runs && 'failure' in runs
      ? `the runs of ${oneLine(workflowFile, 80)} could not be read (${oneLine(runs.failure, 100)}; grant actions: read)`
      : `its run ${previous.runId ?? ''} is older than the ${RUNS_LISTED} newest runs of ${oneLine(workflowFile, 80)}`;
  return `The previous deploy is deployment ${previous.id} to ${oneLine(environment, 60)} (${previous.sha.slice(0, 7)}), the newest successful one: whether this service's workflow made it is unknown, as ${reason}.`;
}

/** The failure this deploy ends: the first of this service's failed deploys since its last success. */
function restoresOf(choice: DeploymentChoice, eventTime: Date): Restores | undefined {
  const failed = choice.failedSince.at(-1);
  if (!failed?.at) return undefined;
  const seconds = Math.round((eventTime.getTime() - Date.parse(failed.at)) / 1000);
  return {
    commit: failed.sha,
    version: failed.ref && parseVersionTag(failed.ref) ? failed.ref : failed.sha.slice(0, 7),
    failed_at: failed.at,
    seconds: Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined,
  };
}

interface TagLineAnswer {
  tag: LineTag | undefined;
  releases: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  reason: string;
}

/** The tag before `current` on its line: three prefixes and the releases at once, then the pages that matter. */
async function readTagLine(name: string, current: VersionTag, ask: Asker): Promise<TagLineAnswer> {
  const prefixes = linePrefixes(current);
  const firstPages = prefixes.map((prefix) => ask.page('tags', '/repos/{owner}/{repo}/git/matching-refs/{ref}', { ref: `tags/${prefix}`, per_page: TAGS_PER_PAGE }));
  const releasesAnswer = ask.get('tags', '/repos/{owner}/{repo}/releases', { per_page: 100 });
  const pages = await Promise.all(firstPages);
  const releases = readReleases(await releasesAnswer);
  const facts = new Map<string, ReleaseFacts>([...releases].map(([name, release]) => [name, { draft: release.draft === true, prerelease: release.prerelease === true }]));
  const line = oneLine(current.prefix || '(no prefix)', 80);
  if (pages.some((page) => page === undefined)) return { tag: undefined, releases, reason: `the tags of line ${quote(line)} could not be read` };
  const buckets = pages.map((page) => ({ tags: readLineTags(page?.data, current.prefix), last: Math.min(lastPage(page?.link) ?? 1, MAX_TAG_PAGES) }));
  // Round 2, only for prefixes GitHub pages: the other pages of each one that may hold the answer, all at once.
  const rest: Array<Promise<void>> = [];
  for (const [i, bucket] of buckets.entries()) {
    for (let page = 2; page <= bucket.last; page++) {
      rest.push(
        ask.page('tags', '/repos/{owner}/{repo}/git/matching-refs/{ref}', { ref: `tags/${prefixes[i] ?? ''}`, per_page: TAGS_PER_PAGE, page }).then((more) => {
          bucket.tags.push(...readLineTags(more?.data, current.prefix));
        }),
      );
    }
    // A prefix whose first page already holds an earlier tag holds the answer: wider ones are not needed.
    if (previousOnLine(current, [bucket.tags], facts)) break;
  }
  await Promise.all(rest);
  const found = previousOnLine(current, buckets.map((bucket) => bucket.tags), facts);
  if (found) return { tag: found, releases, reason: '' };
  // The last prefix is the whole line: its count is the line's.
  const read = buckets.at(-1)?.tags.length ?? 0;
  return { tag: undefined, releases, reason: `${read} tag${read === 1 ? '' : 's'} on line ${quote(line)}, none before ${oneLine(name, 80)}` };
}

function readReleases(answer: unknown): Map<string, Readonly<Record<string, unknown>>> {
  const releases = new Map<string, Readonly<Record<string, unknown>>>();
  if (!Array.isArray(answer)) return releases;
  for (const item of answer.slice(0, 100)) {
    const release = record(item);
    const tag = text(release?.tag_name);
    if (release && tag && tag.length <= 255) releases.set(tag, release);
  }
  return releases;
}
