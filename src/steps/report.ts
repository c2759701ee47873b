// What the step reports about an event: its outputs and its section of the job summary. The markdown is
// built here, pure; output.ts writes it (redacted, as everything the action writes).
//
// The summary is read by people: a headline (outcome, type, subject, version), what shipped as a table,
// the previous deploy and the compare link, a tracked job's start and end in one section, rollback and
// restore lines, and the full event folded away. Every text in it that the action did not write (user
// inputs, payloads, GitHub's and OpsTrails' answers) goes through `escapeText`; the only links are built
// from the runner's own server and repository and from parts checked to be numbers or commit SHAs.
import type { CloudEvent } from '../event/cloud-event.js';
import { setOutput } from '../runner/output.js';
import type { DeliveryStatus } from '../common/step-contract.js';
import { details, num, restoreText, revertText, since, started, whatAndWhere, type Data } from './story.js';
import { plural, span } from '../common/log-text.js';
import { record, text } from '../common/json.js';

/** A tracked job's start event, as the post step knows it, to report with the end in one section. */
export interface StartReport {
  event: CloudEvent;
  /** `unknown` when the main step was stopped while delivering it. */
  status: DeliveryStatus | 'unknown';
  /** The id OpsTrails stored (else the id sent). */
  id: string;
}

export interface EventReport {
  event: CloudEvent;
  status: DeliveryStatus;
  /** Stored id and time, when the server answered. */
  storedId?: string | undefined;
  storedTime?: string | undefined;
  /** Why delivery failed, for the summary. */
  failure?: string | undefined;
  runUrl?: string | undefined;
  /** The start of the tracked job this end event closes: one section for both. */
  start?: StartReport | undefined;
}

export function setEventOutputs(report: EventReport, extra: Record<string, string> = {}): void {
  setOutput('event-id', report.storedId ?? report.event.id);
  setOutput('event-time', report.storedTime ?? report.event.time);
  setOutput('event', JSON.stringify(report.event));
  setOutput('status', report.status);
  for (const [name, value] of Object.entries(extra)) setOutput(name, value);
}

const STATUS_TEXT: Record<DeliveryStatus | 'unknown', string> = {
  sent: '✅ sent',
  'dry-run': '🧪 dry run: not sent',
  failed: '⚠️ not delivered',
  unknown: '❔ may not have been delivered (the step was stopped while sending it)',
};

const HEADLINE: Record<DeliveryStatus, string> = {
  sent: '✅ Recorded',
  'dry-run': '🧪 Dry run, not sent:',
  failed: '⚠️ Not recorded:',
};

/**
 * Text the action did not write, shown as itself. The characters that open HTML, links, images, code
 * or emphasis, or end a table cell, become character references (`!`, `(` and `#` are harmless once
 * `[` and `<` are), and so do those that open a block at the start of a line. Bare URLs, e-mail
 * addresses and @mentions need no markup to become links: a zero-width space after `@`, in `://` and
 * in `www.` keeps them text, and the text still reads the same.
 */
export function escapeText(untrusted: string): string {
  return untrusted
    .replace(/[&<>|\\`*_~[\]]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/@/g, '@\u200b')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/(w{3})\./gi, '$1\u200b.')
    .replace(/[\r\n]+/g, ' ')
    // At the start of a line, these would open a heading, a quote or a list.
    .replace(/^(\s*)([#>+=-]|\d+[.)])/, (_, space: string, opener: string) => space + opener.replace(/\D/, (m) => `&#${m.charCodeAt(0)};`));
}

/** The repository's page, from the run URL the runner's own variables made (`{server}/{repo}/actions/runs/…`). */
function repositoryUrl(runUrl: string | undefined): string | undefined {
  const at = runUrl?.indexOf('/actions/runs/') ?? -1;
  return runUrl && at > 0 ? runUrl.slice(0, at) : undefined;
}

const SHA = /^[0-9a-f]{40}$/;
const sha = (value: unknown): string | undefined => (typeof value === 'string' && SHA.test(value) ? value : undefined);

/** A link whose every part was checked: the repository's page and a path of numbers or SHAs. */
function link(label: string, repo: string | undefined, path: string): string {
  return repo ? `[${label}](${encodeURI(`${repo}/${path}`)})` : label;
}

interface ListedCommit {
  sha: string | undefined;
  message: string;
  author: string | undefined;
}

interface ListedPull {
  number: number;
  title: string;
}

function pullRequests(data: Data): ListedPull[] {
  const items = Array.isArray(data.pull_requests) ? data.pull_requests : [];
  return items.flatMap((item) => {
    const pr = record(item);
    const number = num(pr?.number);
    return number !== undefined && Number.isInteger(number) ? [{ number, title: text(pr?.title) ?? '' }] : [];
  });
}

function commitsOf(data: Data, rollback: boolean): ListedCommit[] {
  const source = rollback ? (record(data.removed) ?? record(data.commits)) : record(data.commits);
  const items = Array.isArray(source?.list) ? source.list : [];
  return items.flatMap((item) => {
    const commit = record(item);
    return commit ? [{ sha: sha(commit.sha), message: text(commit.message) ?? '', author: text(commit.author) }] : [];
  });
}

/** Whether a commit is the merge or squash of a listed pull request (GitHub's subjects name it). */
function inPullRequest(commit: ListedCommit, numbers: ReadonlySet<number>): boolean {
  const named = /^Merge pull request #(\d+) /.exec(commit.message) ?? /\(#(\d+)\)$/.exec(commit.message);
  return named !== null && numbers.has(Number(named[1]));
}

const names = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** "What shipped" (or, for a rollback, what it takes out): a table, then tickets and authors. */
function shippedSection(event: CloudEvent, repo: string | undefined): string[] {
  const data = event.data;
  const rollback = event.type === 'rollback' || text(data.rollback_of) !== undefined;
  const pulls = pullRequests(data);
  const numbers = new Set(pulls.map((p) => p.number));
  const commits = commitsOf(data, rollback).filter((c) => !inPullRequest(c, numbers));
  const tickets = names(data.tickets);
  const authors = names(data.authors);
  if (!pulls.length && !commits.length && !tickets.length && !authors.length) return [];
  const out = [`#### ${rollback ? 'What this takes out' : 'What shipped'}`, ''];
  if (pulls.length || commits.length) {
    out.push('| change | title | author |', '|---|---|---|');
    for (const pr of pulls) out.push(`| ${link(`#${pr.number}`, repo, `pull/${pr.number}`)} | ${escapeText(pr.title)} | |`);
    for (const c of commits) {
      const label = c.sha ? link(`\`${c.sha.slice(0, 7)}\``, repo, `commit/${c.sha}`) : '';
      out.push(`| ${label} | ${escapeText(c.message)} | ${escapeText(c.author ?? '')} |`);
    }
    const listed = commitsOf(data, rollback).length;
    const count = num(record(rollback ? (data.removed ?? data.commits) : data.commits)?.count);
    if (count !== undefined && count > listed) out.push('', `${plural(count - listed, 'older commit')} not listed.`);
    out.push('');
  }
  if (tickets.length) out.push(`**Tickets:** ${tickets.map(escapeText).join(', ')}`, '');
  if (authors.length) out.push(`**Authors:** ${authors.map(escapeText).join(', ')}`, '');
  return out;
}

/** The previous deploy, how it was found, and the compare link built from the two SHAs. */
function previousLine(event: CloudEvent, repo: string | undefined): string[] {
  const data = event.data;
  const previous = record(data.previous);
  const from = since(data, event.time, 'Previous deploy:');
  if (!previous || !from) return [];
  const rollback = event.type === 'rollback';
  const [base, head] = rollback ? [sha(data.commit), sha(previous.commit)] : [sha(previous.commit), sha(data.commit)];
  const compare = base && head && repo ? ` · ${link('compare', repo, `compare/${base}...${head}`)}` : '';
  return [`${escapeText(from)}${compare}`, ''];
}

/** Rollback, restore and revert lines: what this event undoes. */
function undoLines(event: CloudEvent): string[] {
  const data = event.data;
  const out: string[] = [];
  const of = text(data.rollback_of);
  if (of) out.push(`↩️ **Rollback** of ${escapeText(of)}.`);
  const restore = restoreText(data);
  if (restore) out.push(`🩹 **Restore:** ${escapeText(restore)}.`);
  const revert = revertText(data);
  if (revert) out.push(`🔁 ${escapeText(revert)}.`);
  if (data.fork === true) out.push("🍴 Recorded from a fork's run.");
  return out.flatMap((l) => [l, '']);
}

function row(name: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : `| ${name} | ${escapeText(value)} |`;
}

/** The fields of one event a person may need: where it is, when, and whether it was delivered. */
function fieldsTable(report: EventReport): string[] {
  const { event } = report;
  const rows = [
    `| status | ${STATUS_TEXT[report.status]} |`,
    row('type', event.type),
    row('subject', event.subject),
    row('version', event.version),
    row('severity', event.severity),
    row('source', event.source),
    row('id', report.storedId ?? event.id),
    row('time', report.storedTime ?? event.time),
  ];
  return ['| field | value |', '|---|---|', ...rows.filter((r): r is string => r !== undefined), ''];
}

/** A tracked job's start and end in one table, with the job's outcome and duration. */
function trackedJobTable(report: EventReport, start: StartReport): string[] {
  const { event } = report;
  const outcome = text(event.data.outcome) ?? 'unknown';
  const duration = num(event.data.duration_seconds);
  return [
    `**Tracked job:** ${escapeText(outcome)}${duration === undefined ? '' : ` after ${span(duration)}`}.`,
    '',
    '| event | status | type | id | time |',
    '|---|---|---|---|---|',
    `| start | ${STATUS_TEXT[start.status]} | ${escapeText(start.event.type)} | ${escapeText(start.id)} | ${escapeText(start.event.time)} |`,
    `| end | ${STATUS_TEXT[report.status]} | ${escapeText(event.type)} | ${escapeText(report.storedId ?? event.id)} | ${escapeText(report.storedTime ?? event.time)} |`,
    '',
    `Severity ${escapeText(event.severity ?? 'none')}; context id ${escapeText(text(event.data.context_id) ?? 'none')}.`,
    '',
  ];
}

function folded(event: CloudEvent, title: string, open: boolean): string[] {
  const json = JSON.stringify(event, null, 2).replace(/```/g, '`\u200b``');
  return [`<details${open ? ' open' : ''}><summary>${title}</summary>`, '', '```json', json, '```', '', '</details>', ''];
}

/** Markdown for one event (or, with `start`, a tracked job's pair): see the top of this file. */
export function summaryMarkdown(report: EventReport): string {
  const { event, start } = report;
  const repo = repositoryUrl(report.runUrl);
  const what = started(event) ? `the start of a ${whatAndWhere(event)}` : whatAndWhere(event);
  const parts = [`### ${HEADLINE[report.status]} ${escapeText(what)}`, ''];
  const story = details(event);
  if (story.length) parts.push(`${escapeText(story.join(', '))}.`, '');
  if (report.failure) parts.push(`**Why not delivered:** ${escapeText(report.failure)}`, '');
  parts.push(...(start ? trackedJobTable(report, start) : fieldsTable(report)));
  parts.push(...undoLines(event), ...shippedSection(event, repo), ...previousLine(event, repo));
  // Built from the runner's own variables (server URL, repository, run id), not from untrusted text.
  if (report.runUrl) parts.push(`[Workflow run](${encodeURI(report.runUrl)})`, '');
  const failed = report.status === 'failed';
  if (start?.status === 'failed') parts.push(...folded(start.event, 'Start event to replay (JSON, as it would have been sent)', true));
  else if (start) parts.push(...folded(start.event, 'Start event JSON', false));
  const title = failed ? 'Event to replay (JSON, as it would have been sent)' : start ? 'End event JSON' : 'Event JSON';
  parts.push(...folded(event, title, failed));
  return parts.join('\n');
}
