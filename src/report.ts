// Everything the step tells the user: outputs, the job summary, log lines and annotations.
// Every text passes through one redactor, so the API key cannot reach an output or the summary even if
// a server echoes it back (the runner masks logs, but not outputs or the summary).
import * as core from '@actions/core';
import type { CloudEvent } from './event.js';

export type DeliveryStatus = 'sent' | 'dry-run' | 'failed';

export interface EventReport {
  /** `Event` for a single event, `Start event` / `End event` for a tracked job. */
  title: string;
  event: CloudEvent;
  status: DeliveryStatus;
  /** Stored id and time, when the server answered. */
  storedId?: string | undefined;
  storedTime?: string | undefined;
  /** Why delivery failed, for the summary. */
  failure?: string | undefined;
  runUrl?: string | undefined;
}

export type Redact = (text: string) => string;

export function makeRedactor(secrets: readonly (string | undefined)[]): Redact {
  const values = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  return (text) => values.reduce((out, secret) => out.split(secret).join('***'), text);
}

export function setEventOutputs(report: EventReport, redact: Redact, extra: Record<string, string> = {}): void {
  core.setOutput('event-id', redact(report.storedId ?? report.event.id));
  core.setOutput('event-time', redact(report.storedTime ?? report.event.time));
  core.setOutput('event', redact(JSON.stringify(report.event)));
  core.setOutput('status', report.status);
  for (const [name, value] of Object.entries(extra)) core.setOutput(name, redact(value));
}

const STATUS_TEXT: Record<DeliveryStatus, string> = {
  sent: '✅ sent',
  'dry-run': '🧪 dry run: not sent',
  failed: '⚠️ not delivered',
};

function escapeCell(text: string): string {
  return text.replace(/[&<>"|]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\r\n]+/g, ' ');
}

/** Markdown for one event: a table of its fields, the full JSON (folded) for replay when undelivered. */
export function summaryMarkdown(report: EventReport, redact: Redact): string {
  const { event } = report;
  const rows: Array<[string, string | undefined]> = [
    ['type', event.type],
    ['subject', event.subject],
    ['severity', event.severity],
    ['version', event.version],
    ['source', event.source],
    ['id', report.storedId ?? event.id],
    ['time', report.storedTime ?? event.time],
    ['status', STATUS_TEXT[report.status]],
  ];
  const phase = event.data.phase;
  if (typeof phase === 'string') rows.push(['phase', phase]);
  const outcome = event.data.outcome;
  if (typeof outcome === 'string') rows.push(['outcome', outcome]);
  const duration = event.data.duration_seconds;
  if (typeof duration === 'number') rows.push(['duration', `${duration} s`]);
  // The two track-job sections of one job's summary pair up by these.
  const contextId = event.data.context_id;
  if (typeof contextId === 'string') rows.push(['context id', contextId]);
  const parentId = event.data.parent_id;
  if (typeof parentId === 'string') rows.push(['start event id', parentId]);
  const table = [
    '| field | value |',
    '|---|---|',
    ...rows.filter((row): row is [string, string] => row[1] !== undefined).map(([k, v]) => `| ${k} | ${escapeCell(v)} |`),
  ].join('\n');
  const parts = [`### OpsTrails: ${escapeCell(report.title)}`, '', table, ''];
  if (report.failure) parts.push(`**Why not delivered:** ${escapeCell(report.failure)}`, '');
  if (report.runUrl) parts.push(`[Workflow run](${report.runUrl})`, '');
  const json = JSON.stringify(event, null, 2).replace(/```/g, '`\u200b``');
  const folded = report.status === 'failed' ? 'Event to replay (JSON, as it would have been sent)' : 'Event JSON';
  parts.push(`<details${report.status === 'failed' ? ' open' : ''}><summary>${folded}</summary>`, '', '```json', json, '```', '', '</details>', '');
  return redact(parts.join('\n'));
}

/** Appends to the job summary; a summary that cannot be written is a warning, never a failure. */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown, true).write();
  } catch (error) {
    core.warning(`The job summary could not be written: ${(error as Error).message}`);
  }
}
