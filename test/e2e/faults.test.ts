// The fault suite: the bundled main step against a loopback OpsTrails that misbehaves (errors, rate limits,
// redirects, answers that are not the API's, bodies and headers without end), under the on-error modes.
// For each fault: how many attempts, the same event id on all of them, one stored event where recovery is
// possible, the exit status, the warning or error line, the deadline, and the undelivered event kept for
// replay.
import { describe, expect, it } from 'vitest';
import { READ_ONLY_KEY, READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails, type Scripted } from '../support/fake-opstrails.js';
import { annotations, nodeRuntimes, runStep, type StepResult } from '../support/run-action.js';

type OnError = 'auto' | 'warn' | 'fail';
const MODES: OnError[] = ['auto', 'warn', 'fail'];

/**
 * How a fault ends: `recovered` (recorded despite it), `outage` (not recorded, not the user's fault:
 * fails only with on-error: fail) or `rejected` (not recorded, a configuration problem: fails unless warn).
 */
type Ending = 'recovered' | 'outage' | 'rejected';

const EXIT_CODE: Record<Ending, Record<OnError, number>> = {
  recovered: { auto: 0, warn: 0, fail: 0 },
  outage: { auto: 0, warn: 0, fail: 1 },
  rejected: { auto: 1, warn: 0, fail: 1 },
};

// Deadline margins, not speed checks. From the first request to the step's end: the last attempt's
// teardown, the summary and the exit. For the whole process: Node start-up on top, which on this shared
// 2-core machine was measured at 0.8-1.1 s before the first request.
const DELIVERY_MARGIN_MS = 1000;
const PROCESS_MARGIN_MS = 3000;

interface Fault {
  name: string;
  /** Answers for the server's next requests; called per run, so HTTP dates are fresh. */
  prepare?: () => { answers: Scripted[]; retryNotBefore?: number };
  inputs?: Record<string, string>;
  /** Overrides the loopback server's URL (DNS failure). */
  apiUrl?: string;
  timeoutS: number;
  attempts: number;
  ending: Ending;
  /** Events the server holds after the step; unchecked where a late answer may still store one. */
  stored?: number;
  /** Part of the warning or error line (or, when recovered, of the log). */
  line: string | RegExp;
  /** Smallest gap between the first two attempts (Retry-After in seconds). */
  minGapMs?: number;
  /** What warnings about the server's answer look like, for a recovered fault: how many, and each one. */
  serverWarnings?: { count: number; each: RegExp };
}

const json503 = (retryAfter?: string): Scripted => ({
  status: 503,
  body: { success: false, error: 'Service temporarily unavailable' },
  ...(retryAfter === undefined ? {} : { headers: { 'Retry-After': retryAfter } }),
});
const rateLimited = (retryAfter: string): Scripted => ({ status: 429, body: { success: false, error: 'Too many requests' }, headers: { 'Retry-After': retryAfter } });
const proxyPage = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

const FAULTS: Fault[] = [
  {
    name: '500, 502, 503, then success',
    prepare: () => ({
      answers: [
        { status: 500, body: { success: false, error: 'Internal server error' }, headers: { 'Retry-After': '0' } },
        { status: 502, body: proxyPage, headers: { 'Retry-After': '0' } },
        json503('0'),
      ],
    }),
    timeoutS: 5,
    attempts: 4,
    ending: 'recovered',
    stored: 1,
    // Retry-After: 0 plus the spread, up to half the backoff: 0.5 s, 1 s, 2 s.
    line: /Attempt 3 failed: 503: OpsTrails is unavailable \(Service temporarily unavailable\)\. Retrying in [0-2](\.\d)? s\./,
  },
  {
    name: 'a 503 that outlasts the retries',
    prepare: () => ({ answers: [json503('0'), json503('0'), json503('0')] }),
    inputs: { retries: '2' },
    timeoutS: 5,
    attempts: 3,
    ending: 'outage',
    stored: 0,
    line: 'OpsTrails did not record the event: 503: OpsTrails is unavailable (Service temporarily unavailable) (after 3 attempts).',
  },
  {
    name: '429 with Retry-After in seconds',
    prepare: () => ({ answers: [{ status: 429, body: { success: false, error: 'Too many requests' }, headers: { 'Retry-After': '1' } }] }),
    timeoutS: 5,
    attempts: 2,
    ending: 'recovered',
    stored: 1,
    line: /Attempt 1 failed: 429: rate limited, asked to wait 1 s\. Retrying in 1(\.[0-5])? s\./,
    minGapMs: 980,
  },
  {
    name: 'rate limits beyond "retries"',
    prepare: () => ({ answers: [rateLimited('0'), rateLimited('0')] }),
    inputs: { retries: '0' },
    timeoutS: 5,
    attempts: 3,
    ending: 'recovered',
    stored: 1,
    line: /Attempt 2 failed: 429: rate limited, asked to wait 0 s\. Retrying in [01](\.\d)? s\./,
  },
  {
    name: '429 with Retry-After as an HTTP date',
    prepare: () => {
      const retryNotBefore = Math.ceil((Date.now() + 1200) / 1000) * 1000;
      return { answers: [{ status: 429, body: { success: false, error: 'Too many requests' }, headers: { 'Retry-After': new Date(retryNotBefore).toUTCString() } }], retryNotBefore };
    },
    timeoutS: 5,
    attempts: 2,
    ending: 'recovered',
    stored: 1,
    line: /Attempt 1 failed: 429: rate limited, asked to wait \d+(\.\d)? s\./,
  },
  {
    name: 'Retry-After longer than the timeout',
    prepare: () => ({ answers: [{ status: 429, body: { success: false, error: 'Too many requests' }, headers: { 'Retry-After': '60' } }] }),
    timeoutS: 3,
    attempts: 1,
    ending: 'outage',
    stored: 0,
    line: '429: rate limited, asked to wait 60 s (after 1 attempt; a retry in 60 s would not fit in the 3 s timeout)',
  },
  {
    name: 'Retry-After: 99999999999999999999',
    prepare: () => ({ answers: [rateLimited('99999999999999999999')] }),
    timeoutS: 3,
    attempts: 1,
    ending: 'outage',
    stored: 0,
    line: '429: rate limited, asked to wait a day or more (after 1 attempt; a retry in a day or more would not fit in the 3 s timeout)',
  },
  {
    name: '429 QUOTA_EXCEEDED',
    prepare: () => ({ answers: [{ status: 429, body: { success: false, error: 'Monthly event quota exceeded', code: 'QUOTA_EXCEEDED' }, headers: { 'Retry-After': '0' } }] }),
    timeoutS: 5,
    attempts: 1,
    ending: 'outage',
    stored: 0,
    line: "429 QUOTA_EXCEEDED: the monthly event quota is used up, so retrying cannot help. Raise the plan's quota or wait for next month (after 1 attempt)",
  },
  {
    name: 'a connection reset, then an answer',
    prepare: () => ({ answers: [{ kind: 'reset' }] }),
    timeoutS: 5,
    attempts: 2,
    ending: 'recovered',
    stored: 1,
    line: /Attempt 1 failed: the connection to 127\.0\.0\.1:\d+ was reset \(ECONNRESET\)\. Retrying in/,
  },
  {
    name: 'a server that accepts and never answers',
    prepare: () => ({ answers: [{ kind: 'hang' }] }),
    timeoutS: 2,
    attempts: 1,
    ending: 'outage',
    stored: 0,
    line: /no answer from 127\.0\.0\.1:\d+ within the 2 s timeout \(the last attempt had [12](\.\d)? s\) \(after 1 attempt\)/,
  },
  {
    name: 'a non-JSON 502 page from a proxy',
    prepare: () => ({ answers: [{ status: 502, body: proxyPage }, { status: 502, body: proxyPage }] }),
    inputs: { retries: '1' },
    timeoutS: 5,
    attempts: 2,
    ending: 'outage',
    stored: 0,
    line: '502: OpsTrails is unavailable (not a JSON answer, likely a proxy or load balancer) (after 2 attempts)',
  },
  {
    name: '{"success": false} with 200',
    prepare: () => ({ answers: [{ status: 200, body: { success: false } }, { status: 200, body: { success: false } }] }),
    inputs: { retries: '1' },
    timeoutS: 5,
    attempts: 2,
    ending: 'outage',
    stored: 0,
    line: '200: the server answered success: false (no reason given) (after 2 attempts)',
  },
  {
    name: '409 on a retry (stored, then the answer was lost)',
    prepare: () => ({ answers: [{ kind: 'store-then-reset' }] }),
    timeoutS: 5,
    attempts: 2,
    ending: 'recovered',
    stored: 1,
    line: 'A retry found the event already recorded: it was recorded once.',
  },
  {
    name: 'DNS failure',
    // A 64-character label is not a valid DNS name: the resolver fails at once and sends no query,
    // so the test never reaches a name server off this machine.
    apiUrl: `https://${'a'.repeat(64)}.opstrails.invalid`,
    inputs: { retries: '1' },
    timeoutS: 5,
    attempts: 2,
    ending: 'outage',
    line: /the host a{64}\.opstrails\.invalid could not be resolved \(ENOTFOUND\); check "api-url" and the runner's DNS \(after 2 attempts\)/,
  },
  {
    name: 'a slow answer that crosses the deadline',
    prepare: () => ({ answers: [json503('0'), { kind: 'delay', ms: 6000 }] }),
    timeoutS: 2,
    attempts: 2,
    ending: 'outage',
    line: /no answer from 127\.0\.0\.1:\d+ within the 2 s timeout \(the last attempt had [0-2](\.\d)? s\) \(after 2 attempts\)/,
  },
  {
    name: 'a permanent redirect (301) elsewhere',
    prepare: () => ({ answers: [{ status: 301, body: '', headers: { Location: 'https://user:secret@api.example.org/api/v1/events?token=abc' } }] }),
    timeoutS: 5,
    attempts: 1,
    ending: 'rejected',
    stored: 0,
    line: /^OpsTrails did not record the event: 301: http:\/\/127\.0\.0\.1:\d+\/api\/v1\/events has moved to https:\/\/api\.example\.org\/api\/v1\/events\. Redirects are not followed, so the API key goes only to "api-url": set "api-url" to https:\/\/api\.example\.org \(after 1 attempt\)/,
  },
  {
    name: 'a temporary redirect (307)',
    prepare: () => ({ answers: [{ status: 307, body: '', headers: { Location: 'https://status.example.org/maintenance' } }] }),
    timeoutS: 5,
    attempts: 1,
    ending: 'outage',
    stored: 0,
    line: /307: http:\/\/127\.0\.0\.1:\d+\/api\/v1\/events redirects for now to https:\/\/status\.example\.org\/maintenance\. Redirects are not followed/,
  },
  {
    name: '204 No Content',
    prepare: () => ({ answers: [{ status: 204 }] }),
    timeoutS: 5,
    attempts: 1,
    ending: 'outage',
    stored: 0,
    line: /204: 127\.0\.0\.1:\d+ answered with no content instead of the OpsTrails API's JSON answer, so whether the event was recorded is unknown\. Check "api-url"/,
  },
  {
    name: 'a web page with 200',
    prepare: () => ({ answers: [{ status: 200, body: '<html><body>Welcome to our portal</body></html>' }] }),
    timeoutS: 5,
    attempts: 1,
    ending: 'outage',
    stored: 0,
    line: /200: 127\.0\.0\.1:\d+ answered with a web page instead of the OpsTrails API's JSON answer, so whether the event was recorded is unknown/,
  },
  {
    name: 'a 200 body that never ends',
    prepare: () => ({ answers: [{ kind: 'big-body', status: 200 }] }),
    timeoutS: 5,
    attempts: 1,
    ending: 'outage',
    stored: 0,
    line: /200: 127\.0\.0\.1:\d+ answered with an answer longer than 64 KB \(reading stopped there\), which the OpsTrails API never sends, so whether the event was recorded is unknown/,
  },
  {
    name: 'a 100 MB error page, twice',
    prepare: () => ({ answers: [{ kind: 'big-body', status: 502, bytes: 100 * 1024 * 1024 }, { kind: 'big-body', status: 502, bytes: 100 * 1024 * 1024 }] }),
    inputs: { retries: '1' },
    timeoutS: 5,
    attempts: 2,
    ending: 'outage',
    stored: 0,
    line: '502: OpsTrails is unavailable (not a JSON answer, likely a proxy or load balancer) (after 2 attempts)',
  },
  {
    name: 'a 200 body that trickles and never ends',
    prepare: () => ({ answers: [{ kind: 'trickle-body', status: 200, everyMs: 50 }] }),
    timeoutS: 2,
    attempts: 1,
    ending: 'outage',
    stored: 0,
    line: /200: the answer from 127\.0\.0\.1:\d+ started, but its body did not end within the 2 s timeout \(\d+ bytes received\), so whether the event was recorded is unknown/,
  },
  {
    name: 'headers without end',
    prepare: () => ({ answers: [{ kind: 'endless-headers' }] }),
    inputs: { retries: '0' },
    timeoutS: 5,
    attempts: 1,
    ending: 'outage',
    stored: 0,
    line: /the answer from 127\.0\.0\.1:\d+ had more than 16 KB of headers \(HPE_HEADER_OVERFLOW\), which the OpsTrails API never sends \(after 1 attempt\)/,
  },
  {
    name: 'a stored id and time the API could not have stored',
    prepare: () => ({ answers: [{ status: 201, body: { success: true, data: { id: `${'x'.repeat(300)}\n::error::injected`, time: 'yesterday' } } }] }),
    timeoutS: 5,
    attempts: 1,
    ending: 'recovered',
    stored: 0,
    line: /::debug::OpsTrails event id [0-9a-f-]{36} \(deployment, at \d{4}-\d{2}-\d{2}T[\d:.]+Z\)\./,
    serverWarnings: { count: 2, each: /^OpsTrails answered with a stored (id|time) that is .*, is used instead\.$/ },
  },
  {
    name: 'a key without READ_WRITE scope (403)',
    inputs: { 'api-key': READ_ONLY_KEY },
    timeoutS: 5,
    attempts: 1,
    ending: 'rejected',
    stored: 0,
    line: '403 FORBIDDEN: the key lacks READ_WRITE scope — create a READ_WRITE key under Settings → API Keys (after 1 attempt)',
  },
];

interface FaultRun {
  mode: OnError;
  result: StepResult;
  api: FakeOpsTrails;
  elapsedMs: number;
  endedAt: number;
  retryNotBefore: number | undefined;
}

async function runFault(fault: Fault, mode: OnError, node: string): Promise<FaultRun> {
  const api = await startFakeOpsTrails();
  try {
    const { answers = [], retryNotBefore } = fault.prepare?.() ?? {};
    api.script(...answers);
    const started = Date.now();
    const result = await runStep('main', {
      node,
      inputs: {
        'api-key': READ_WRITE_KEY,
        'api-url': fault.apiUrl ?? api.url,
        'on-error': mode,
        timeout: String(fault.timeoutS),
        subject: 'PRODUCTION',
        ...fault.inputs,
      },
    });
    const endedAt = Date.now();
    return { mode, result, api, elapsedMs: endedAt - started, endedAt, retryNotBefore };
  } finally {
    await api.close();
  }
}

function includes(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}

function checkRun(fault: Fault, { mode, result, api, elapsedMs, endedAt, retryNotBefore }: FaultRun): void {
  const where = `${fault.name}, on-error: ${mode}`;
  const sentEvent = JSON.parse(result.outputs.event ?? 'null') as { id: string } | null;
  expect(sentEvent, where).not.toBeNull();
  const id = sentEvent!.id;

  expect(result.exitCode, `${where}: exit code\n${result.stdout}`).toBe(EXIT_CODE[fault.ending][mode]);
  expect(elapsedMs, `${where}: elapsed`).toBeLessThan(fault.timeoutS * 1000 + PROCESS_MARGIN_MS);
  if (api.requests.length > 0) {
    expect(endedAt - api.requests[0]!.at, `${where}: first attempt to exit`).toBeLessThan(fault.timeoutS * 1000 + DELIVERY_MARGIN_MS);
  }

  // Attempts: as the server saw them, and as the log tells them (one "Attempt n failed" per retry).
  const retryLines = result.stdout.split('\n').filter((line) => /^Attempt \d+ failed: /.test(line));
  expect(retryLines, `${where}: retry lines`).toHaveLength(fault.attempts - 1);
  if (!fault.apiUrl) {
    expect(api.requests, `${where}: attempts`).toHaveLength(fault.attempts);
    expect(new Set(api.requests.map((r) => r.body?.id)), `${where}: one id on every attempt`).toEqual(new Set([id]));
  }
  if (fault.stored !== undefined) expect(api.stored, `${where}: stored`).toHaveLength(fault.stored);
  if (fault.minGapMs !== undefined) expect(api.requests[1]!.at - api.requests[0]!.at).toBeGreaterThanOrEqual(fault.minGapMs);
  if (retryNotBefore !== undefined) expect(api.requests[1]!.at).toBeGreaterThanOrEqual(retryNotBefore - 20);

  const errors = annotations(result.stdout, 'error');
  const warnings = annotations(result.stdout, 'warning');
  if (fault.ending === 'recovered') {
    expect(result.outputs.status).toBe('sent');
    expect(result.outputs['event-id']).toBe(id);
    if (fault.stored !== 0) expect(api.stored[0]!.id).toBe(id);
    expect(errors).toEqual([]);
    expect(warnings, `${where}: warnings`).toHaveLength(fault.serverWarnings?.count ?? 0);
    for (const warning of warnings) expect(warning, `${where}: warnings`).toMatch(fault.serverWarnings?.each ?? /^$/);
    expect(includes(result.stdout, fault.line), `${where}: log has ${fault.line}\n${result.stdout}`).toBe(true);
    expect(result.summary).toContain('✅ sent');
  } else {
    const failing = EXIT_CODE[fault.ending][mode] === 1;
    const lines = failing ? errors : warnings;
    expect(failing ? warnings : errors, `${where}: no annotation of the other level`).toEqual([]);
    expect(lines, `${where}: one annotation`).toHaveLength(1);
    const line = lines[0]!;
    expect(includes(line, fault.line), `${where}: ${line}`).toBe(true);
    expect(line).toMatch(/^OpsTrails did not record the event: .*\. The event is in the "event" output and the job summary, ready to replay\./);
    if (!failing) expect(line).toContain(`(on-error: ${mode}, so the step goes on)`);
    expect(result.outputs.status).toBe('failed');
    expect(result.outputs['event-id']).toBe(id);
    expect(result.summary).toContain('⚠️ not delivered');
    expect(result.summary).toContain('**Why not delivered:**');
    const replay = /<details open><summary>Event to replay[^<]*<\/summary>\n\n```json\n([\s\S]*?)\n```/.exec(result.summary);
    expect(replay, `${where}: replayable JSON in the summary`).not.toBeNull();
    expect(JSON.parse(replay![1]!)).toEqual(sentEvent);
  }
  for (const text of [result.stdout, result.stderr, result.summary, JSON.stringify(result.outputs)]) {
    expect(text.replace(/^::add-mask::.*$/gm, '')).not.toContain(READ_WRITE_KEY);
  }
}

// The fault suite runs under the runtime action.yml declares (Node 24) when it is installed, else this one.
const runtime = nodeRuntimes().at(-1)!;

/**
 * Most faults spend their time waiting (a Retry-After, a deadline), so two run at once: at most six steps,
 * which keeps the suite short without starving Node's start-up on two cores.
 */
function slots(count: number): <T>(work: () => Promise<T>) => Promise<T> {
  let free = count;
  const waiting: Array<() => void> = [];
  return async (work) => {
    if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    else free -= 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}
const inSlot = slots(2);

/**
 * `on-error: auto` tells the endings apart (a rejected fault fails, an outage warns); `warn` and `fail`
 * act alike on every fault of one ending. So every fault runs under auto, and the first of each ending
 * under all three modes.
 */
const modesOf = (fault: Fault): OnError[] => (FAULTS.find((f) => f.ending === fault.ending) === fault ? MODES : ['auto']);

describe.concurrent(`faults, bundled main step under ${runtime.name}`, () => {
  it.each(FAULTS.map((fault) => [fault.name, fault] as const))('%s', async (_name, fault) => {
    // The modes run side by side, each against its own server.
    const runs = await inSlot(() => Promise.all(modesOf(fault).map((mode) => runFault(fault, mode, runtime.path))));
    for (const run of runs) checkRun(fault, run);
  });
});
