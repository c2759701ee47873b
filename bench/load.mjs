// `npm run load`: many deploy jobs at once against a rate-limited OpsTrails on 127.0.0.1. Each round starts
// LOAD_JOBS (50) main steps at the same moment, with default settings (retries 3, timeout 30 s), against a
// loopback API that lets LOAD_RATE (10) requests through per second (a sliding window) and answers the rest
// 429 with Retry-After: 1, as a rate limit does. It counts, per round: events recorded (each exactly once:
// the server answers 409 to a repeated id), steps that ended green without a recorded event, the attempts
// per event, the slowest step, and the largest burst of retries in any 50 ms. Figures: BENCHMARKS.md.
//
// On two cores, 50 Node processes start one after the other over several seconds, so their requests would
// trickle in under the limit. Jobs on separate runners reach the API together: the server holds every
// job's first request until all jobs have sent theirs (or HOLD_LIMIT_MS passed), then answers them at once.
// The steps' deadlines run on while held, which makes the round harder than real life, not easier.
//
// Environment: LOAD_JOBS (50), LOAD_RATE (10), LOAD_ROUNDS (4), LOAD_BUNDLE (another build of main.cjs,
// to compare). Loopback only; every round is bounded by the steps' own timeout and a hard kill.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle, median, node24, runStep } from './step-runner.mjs';

const JOBS = Number(process.env.LOAD_JOBS ?? 50);
const RATE = Number(process.env.LOAD_RATE ?? 10);
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 4);
const BUNDLE = bundle('LOAD_BUNDLE');
const KEY = 'ot_load_readwrite_0123456789';
const TIMEOUT_S = 30;
const BURST_WINDOW_MS = 50;
const HOLD_LIMIT_MS = 20_000;

/** A loopback events API behind a rate limit: RATE accepted requests in any second, 429 + Retry-After: 1 beyond. */
async function rateLimitedApi() {
  const requests = [];
  const stored = new Map();
  const accepted = [];
  const held = [];
  let released = false;
  let heldForMs = 0;
  let firstAt = 0;
  const release = () => {
    if (released) return;
    released = true;
    heldForMs = Date.now() - firstAt;
    for (const answer of held.splice(0)) answer();
  };
  const handle = (event, response) => {
    const at = Date.now();
    const answer = (status, body, headers = {}) => {
      requests.push({ at, id: event.id, status });
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    while (accepted.length > 0 && accepted[0] <= at - 1000) accepted.shift();
    if (accepted.length >= RATE) return answer(429, { success: false, error: 'Too many requests' }, { 'Retry-After': '1' });
    accepted.push(at);
    if (stored.has(event.id)) return answer(409, { success: false, error: 'An event with this id already exists', code: 'CONFLICT' });
    const record = { ...event, time: event.time === 'NOW' ? new Date(at).toISOString() : event.time, createdAt: new Date(at).toISOString() };
    stored.set(event.id, record);
    answer(201, { success: true, data: record });
  };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (released) return handle(event, response);
      if (held.length === 0) {
        firstAt = Date.now();
        setTimeout(release, HOLD_LIMIT_MS).unref();
      }
      held.push(() => handle(event, response));
      if (held.length === JOBS) release();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    stored,
    heldForMs: () => heldForMs,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

/** The most requests in any window of `windowMs`, among `times` (sorted). */
function largestBurst(times, windowMs) {
  let best = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

async function round(work, node) {
  const api = await rateLimitedApi();
  try {
    const inputs = { 'api-key': KEY, 'api-url': api.url, type: 'deployment', subject: 'PRODUCTION', version: '1.2.3' };
    const steps = await Promise.all(Array.from({ length: JOBS }, () => runStep({ node: node.path, bundle: BUNDLE, work, inputs, killAfterMs: (TIMEOUT_S + 30) * 1000 })));
    const sentIds = steps.map((step) => /^event-id<<(.+)\n(.*)\n\1$/m.exec(step.output)?.[2]);
    const recorded = sentIds.filter((id) => id && api.stored.has(id)).length;
    const perId = new Map();
    for (const request of api.requests) perId.set(request.id, (perId.get(request.id) ?? 0) + 1);
    const seen = new Set();
    const retryTimes = [];
    for (const request of api.requests) {
      if (seen.has(request.id)) retryTimes.push(request.at);
      seen.add(request.id);
    }
    return {
      recorded,
      lostGreen: steps.filter((step, i) => step.code === 0 && !api.stored.has(sentIds[i])).length,
      failedSteps: steps.filter((step) => step.code !== 0).length,
      killed: steps.filter((step) => step.killed).length,
      conflicts: api.requests.filter((r) => r.status === 409).length,
      limited: api.requests.filter((r) => r.status === 429).length,
      maxAttempts: Math.max(...perId.values()),
      medianAttempts: median([...perId.values()]),
      slowestS: Math.max(...steps.map((s) => s.ms)) / 1000,
      burst: largestBurst(retryTimes.sort((a, b) => a - b), BURST_WINDOW_MS),
      heldS: api.heldForMs() / 1000,
    };
  } finally {
    await api.close();
  }
}

const work = mkdtempSync(join(tmpdir(), 'event-action-load-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const node = node24();
console.log(`load: ${JOBS} main steps at once, ${ROUNDS} rounds, ${RATE} requests/s then 429 + Retry-After: 1; ${BUNDLE} on ${node.name}; ${cpus().length} CPUs`);
console.log('');
console.log(`| round | first requests held s | recorded | green without an event | failed steps | 409 answers | 429 answers | attempts per event (median / max) | slowest step s | most retries in ${BURST_WINDOW_MS} ms |`);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
let lost = 0;
for (let i = 1; i <= ROUNDS; i++) {
  const r = await round(work, node);
  lost += JOBS - r.recorded;
  console.log(`| ${i} | ${r.heldS.toFixed(1)} | ${r.recorded} of ${JOBS} | ${r.lostGreen} | ${r.failedSteps} | ${r.conflicts} | ${r.limited} | ${r.medianAttempts} / ${r.maxAttempts} | ${r.slowestS.toFixed(1)} | ${r.burst} |`);
}
console.log('');
console.log(lost === 0 ? 'Every event was recorded, each once.' : `${lost} events were not recorded.`);
process.exitCode = lost === 0 ? 0 : 1;
