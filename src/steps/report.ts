// What the step reports about an event: its outputs and its section of the job summary. The markdown is
// built here, pure; output.ts writes it (redacted, as everything the action writes).
import type { CloudEvent } from '../event/cloud-event.js';
import { setOutput } from '../runner/output.js';
import type { DeliveryStatus } from '../common/step-contract.js';


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

export function setEventOutputs(report: EventReport, extra: Record<string, string> = {}): void {
  setOutput('event-id', report.storedId ?? report.event.id);
  setOutput('event-time', report.storedTime ?? report.event.time);
  setOutput('event', JSON.stringify(report.event));
  setOutput('status', report.status);
  for (const [name, value] of Object.entries(extra)) setOutput(name, value);
}

const STATUS_TEXT: Record<DeliveryStatus, string> = {
  sent: '✅ sent',
  'dry-run': '🧪 dry run: not sent',
  failed: '⚠️ not delivered',
};

/**
 * Text from users, payloads or the server, shown as itself in a table cell: HTML and markdown
 * punctuation become character references, so nothing in it can render as a link, an image, emphasis
 * or a tag, nor end the cell or the row.
 */
function escapeCell(text: string): string {
  return text.replace(/[&<>"'|\\`*_~[\]()!#]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\r\n]+/g, ' ');
}

/** Markdown for one event: a table of its fields, the full JSON (folded) for replay when undelivered. */
export function summaryMarkdown(report: EventReport): string {
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
  // Built from the runner's own variables (server URL, repository, run id), not from untrusted text.
  if (report.runUrl) parts.push(`[Workflow run](${encodeURI(report.runUrl)})`, '');
  const json = JSON.stringify(event, null, 2).replace(/```/g, '`\u200b``');
  const folded = report.status === 'failed' ? 'Event to replay (JSON, as it would have been sent)' : 'Event JSON';
  parts.push(`<details${report.status === 'failed' ? ' open' : ''}><summary>${folded}</summary>`, '', '```json', json, '```', '', '</details>', '');
  return parts.join('\n');
}
