// The one log line that tells what was recorded: the type, what was deployed where, what shipped since
// the previous deploy and the lead time, or what a rollback takes out. Pure: a function of the event as
// it was sent (its type, subject, version and `data`) and of how its delivery went, so it says what the
// event says however `data` was computed. Keys may be absent (include-context: false, a lookup refused,
// an older producer); each part of the line is left out when its key is.
import type { CloudEvent } from '../event/cloud-event.js';
import type { DeliveryStatus } from '../common/step-contract.js';
import { oneLine, plural, span } from '../common/log-text.js';
import { record, text } from '../common/json.js';

/** What became of the event: the line starts differently for a dry run. */
export interface StoryDelivery {
  status: Exclude<DeliveryStatus, 'failed'>;
  /** The id OpsTrails stored, for the debug line. */
  storedId?: string | undefined;
}

export type Data = Record<string, unknown>;

/** Readers of `data` as sent: a key of another shape than expected counts as absent. */
export const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

/** The deployed thing's name: the repository's, else the last part of the source. */
export function serviceName(event: CloudEvent): string {
  const repository = text(event.data.repository) ?? event.source;
  return repository.split('/').filter(Boolean).pop() ?? repository;
}

/** The start event of a pair: `deployment-started` is the start of a deployment. */
export function started(event: CloudEvent): boolean {
  return event.data.phase === 'started';
}

/** `deployment of api 1.4.2 to PRODUCTION`: the type, the thing, its version and where. */
export function whatAndWhere(event: CloudEvent): string {
  const type = started(event) ? event.type.replace(/-started$/, '') : event.type;
  const preposition = type === 'deployment' ? 'to' : 'on';
  const parts = [`${type} of ${serviceName(event)}`];
  if (event.version) parts.push(event.version);
  if (event.subject) parts.push(`${preposition} ${event.subject}`);
  return parts.join(' ');
}

/** `7 commits, 3 pull requests`, with how much of the range was read when not all of it was. */
function changeCount(data: Data, rollback: boolean): string | undefined {
  const commits = record(data.commits);
  const removed = record(data.removed);
  const count = num(rollback ? (removed?.count ?? commits?.count) : commits?.count);
  if (count === undefined) return undefined;
  const parts = [plural(count, 'commit')];
  const pullRequests = Array.isArray(data.pull_requests) ? data.pull_requests.length : 0;
  if (pullRequests > 0) parts.push(plural(pullRequests, 'pull request'));
  const scanned = num(commits?.scanned);
  const rangeCount = num(commits?.range_count);
  if (scanned !== undefined && rangeCount !== undefined && scanned < rangeCount) parts.push(`partial: ${scanned} of ${rangeCount} read`);
  return parts.join(', ');
}

/** `since 1.4.1 (deployment, 2 days ago)`. */
export function since(data: Data, time: string, word: string): string | undefined {
  const previous = record(data.previous);
  const version = text(previous?.version) ?? text(previous?.commit)?.slice(0, 7);
  if (!previous || !version) return undefined;
  const how = [text(previous.found_by)];
  const deployedAt = Date.parse(text(previous.deployed_at) ?? '');
  const at = Date.parse(time);
  if (Number.isFinite(deployedAt) && Number.isFinite(at) && at >= deployedAt) how.push(`${span((at - deployedAt) / 1000)} ago`);
  const known = how.filter(Boolean);
  return `${word} ${version}${known.length ? ` (${known.join(', ')})` : ''}`;
}

/** `restores service 25 min after 1.4.2 failed`, from data.restores. */
export function restoreText(data: Data): string | undefined {
  const restores = record(data.restores);
  if (!restores) return undefined;
  const what = text(restores.version) ?? text(restores.commit)?.slice(0, 7);
  const seconds = num(restores.seconds);
  if (!what) return seconds === undefined ? undefined : `restores service after ${span(seconds)}`;
  return seconds === undefined ? `restores service after ${what} failed` : `restores service ${span(seconds)} after ${what} failed`;
}

/** What a revert names: one commit, or how many. */
export function revertText(data: Data): string | undefined {
  const reverted = data.reverted ?? data.reverts;
  if (Array.isArray(reverted)) return reverted.length ? `reverts ${plural(reverted.length, 'commit')}` : undefined;
  const sha = text(reverted) ?? text(record(reverted)?.commit) ?? text(record(reverted)?.sha);
  return sha ? `reverts ${sha.slice(0, 7)}` : undefined;
}

function pathsText(data: Data): string | undefined {
  const paths = Array.isArray(data.paths) ? data.paths : Array.isArray(record(data.paths)?.list) ? (record(data.paths)!.list as unknown[]) : [];
  const names = paths.filter((p): p is string => typeof p === 'string');
  if (!names.length) return undefined;
  return `in ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;
}

/** The details after the colon: what shipped (or what a rollback takes out), lead time, restore, outcome. */
export function details(event: CloudEvent): string[] {
  const data = event.data;
  const rollback = event.type === 'rollback' || text(data.rollback_of) !== undefined;
  const parts: string[] = [];
  if (data.phase === 'finished') {
    const outcome = text(data.outcome);
    const duration = num(data.duration_seconds);
    if (outcome) parts.push(duration === undefined ? outcome : `${outcome} after ${span(duration)}`);
  }
  const count = changeCount(data, rollback);
  if (rollback) {
    const of = text(data.rollback_of);
    if (of) parts.push(`rolls back ${of}`);
    if (count) parts.push(`takes out ${count}`);
  } else {
    const from = since(data, event.time, 'since');
    if (count) parts.push(from ? `${count} ${from}` : count);
    else if (from) parts.push(from);
    const lead = num(data.lead_time_seconds);
    if (lead !== undefined) parts.push(`lead time ${span(lead)}`);
  }
  const paths = pathsText(data);
  if (paths) parts.push(paths);
  const restore = restoreText(data);
  if (restore) parts.push(restore);
  const revert = revertText(data);
  if (revert) parts.push(revert);
  if (data.fork === true) parts.push("from a fork's run");
  return parts;
}

/**
 * The info line, and the debug line with the event id. A tracked job's start says what comes next; a
 * dry run says what would have been recorded.
 */
export function storyLines(event: CloudEvent, delivery: StoryDelivery): { info: string; debug: string } {
  const head = delivery.status === 'dry-run' ? 'Dry run, nothing sent: would record' : 'Recorded';
  const what = started(event) ? `the start of a ${whatAndWhere(event)}` : whatAndWhere(event);
  const parts = details(event);
  let line = `${head} ${what}${parts.length ? `: ${parts.join(', ')}` : ''}`;
  if (started(event)) line += '. The end event, with the outcome and duration, follows when the job ends';
  return {
    info: oneLine(line, 400),
    debug: `OpsTrails event id ${oneLine(delivery.storedId ?? event.id, 200)} (${oneLine(event.type, 80)}, at ${oneLine(event.time, 40)}).`,
  };
}
