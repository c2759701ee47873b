// deliverEvent against the real loopback OpsTrails server: retries, Retry-After and the spread, the
// deadline, rate limits, answers that are not the API's, the stored id and time, error classes.
// Waits go through a clock that skips them (no sleeping); only the deadline of a request is real time.
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/delivery/answer.js';
import { duration } from '../../src/common/log-text.js';
import { deliverEvent, RATE_LIMIT_RETRIES, type Clock, type DeliveryOptions } from '../../src/delivery/deliver.js';
import { DeliveryError } from '../../src/common/errors.js';
import type { CloudEvent } from '../../src/event/cloud-event.js';
import { READ_ONLY_KEY, READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails, type Scripted } from '../support/fake-opstrails.js';

// Generous: the machine is shared, and these bound a deadline, not a speed.
const MARGIN_MS = 1500;

let api: FakeOpsTrails;
beforeEach(async () => {
  api = await startFakeOpsTrails();
});
afterEach(async () => {
  await api.close();
});

function anEvent(id = 'evt-0001'): CloudEvent {
  return {
    specversion: '1.0',
    id,
    type: 'deployment',
    source: '//github.com/acme/api-service',
    subject: 'PRODUCTION',
    time: '2025-01-15T14:30:00.000Z',
    datacontenttype: 'application/json',
    data: { deployer: 'octocat' },
  };
}

function options(overrides: Partial<DeliveryOptions> = {}): DeliveryOptions {
  return {
    eventsUrl: `${api.url}/api/v1/events`,
    apiKey: READ_WRITE_KEY,
    retries: 3,
    timeoutMs: 10_000,
    userAgent: 'opstrails-event-action/test',
    backoffBaseMs: 20,
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

const sentIds = () => api.requests.map((r) => r.body?.id);

/** A clock whose sleep returns at once and moves time on; it notes each wait and how many requests preceded it. */
function skippingClock(): Clock & { waits: number[]; requestsBeforeWait: number[] } {
  let now = Date.parse('2025-01-15T14:30:00Z');
  const waits: number[] = [];
  const requestsBeforeWait: number[] = [];
  return {
    waits,
    requestsBeforeWait,
    now: () => now,
    sleep: (ms) => {
      waits.push(ms);
      requestsBeforeWait.push(api.requests.length);
      now += ms;
      return Promise.resolve();
    },
  };
}

/** random() answering these values in turn. */
const randoms = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

const json503 = (retryAfter?: string): Scripted => ({
  status: 503,
  body: { success: false, error: 'maintenance' },
  ...(retryAfter === undefined ? {} : { headers: { 'Retry-After': retryAfter } }),
});

const rateLimited = (retryAfter?: string): Scripted => ({
  status: 429,
  body: { success: false, error: 'Too many requests' },
  ...(retryAfter === undefined ? {} : { headers: { 'Retry-After': retryAfter } }),
});

describe('deliverEvent', () => {
  it('posts the event with the bearer key and returns what the server stored', async () => {
    const delivered = await deliverEvent(anEvent(), options());
    expect(delivered).toEqual({ id: 'evt-0001', time: '2025-01-15T14:30:00.000Z', attempts: 1, alreadyRecorded: false, warnings: [] });
    expect(api.requests).toHaveLength(1);
    const request = api.requests[0]!;
    expect(request.headers.authorization).toBe(`Bearer ${READ_WRITE_KEY}`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toBe('opstrails-event-action/test');
    expect(request.body).toEqual(anEvent());
  });

  it('returns the server time when the event says NOW', async () => {
    const delivered = await deliverEvent({ ...anEvent(), time: 'NOW' }, options());
    expect(delivered.time).toBe(api.stored[0]!.time);
    expect(delivered.time).not.toBe('NOW');
  });

  it('retries 500, 502, 503 with the same id and stores the event once', async () => {
    api.script({ status: 500, body: { success: false, error: 'boom' } }, { status: 502, body: 'Bad Gateway' }, { status: 503, body: {} });
    const retries: Array<{ attempt: number; reason: string }> = [];
    const delivered = await deliverEvent(anEvent(), options({ onRetry: (info) => retries.push(info) }));
    expect(delivered.attempts).toBe(4);
    expect(sentIds()).toEqual(['evt-0001', 'evt-0001', 'evt-0001', 'evt-0001']);
    expect(api.stored).toHaveLength(1);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(retries[0]!.reason).toBe('500: OpsTrails is unavailable (boom)');
    expect(retries[1]!.reason).toBe('502: OpsTrails is unavailable (not a JSON answer, likely a proxy or load balancer)');
  });

  it('gives up after the configured retries with the last reason and the attempt count', async () => {
    api.script(...Array.from({ length: 5 }, () => ({ status: 503, body: { success: false, error: 'maintenance' } })));
    const error = await failureOf(deliverEvent(anEvent(), options({ retries: 2 })));
    expect(error.kind).toBe('unavailable');
    expect(error.attempts).toBe(3);
    expect(error.message).toBe('503: OpsTrails is unavailable (maintenance) (after 3 attempts)');
    expect(api.requests).toHaveLength(3);
  });

  it('makes one attempt only with retries: 0', async () => {
    api.script({ status: 500, body: {} });
    const error = await failureOf(deliverEvent(anEvent(), options({ retries: 0 })));
    expect(error.attempts).toBe(1);
    expect(api.requests).toHaveLength(1);
  });

  it('does not retry QUOTA_EXCEEDED and classes it as quota', async () => {
    api.script({ status: 429, body: { success: false, error: 'Monthly quota exceeded', code: 'QUOTA_EXCEEDED' }, headers: { 'Retry-After': '0' } });
    const error = await failureOf(deliverEvent(anEvent(), options()));
    expect(error.kind).toBe('quota');
    expect(error.attempts).toBe(1);
    expect(error.message).toContain('429 QUOTA_EXCEEDED: the monthly event quota is used up');
  });

  it.each([
    ['an invalid event (400)', { ...anEvent(), severity: 'HUGE' } as unknown as CloudEvent, READ_WRITE_KEY, '400 VALIDATION_ERROR: severity must be one of LOW, MINOR, MAJOR, CRITICAL. Fix the input it names'],
    ['an unknown key (401)', anEvent(), 'ot_wrong', '401 UNAUTHORIZED: the API key is missing or unknown'],
    ['a read-only key (403)', anEvent(), READ_ONLY_KEY, '403 FORBIDDEN: the key lacks READ_WRITE scope — create a READ_WRITE key under Settings → API Keys'],
  ])('rejects %s without retrying', async (_name, event, apiKey, message) => {
    const error = await failureOf(deliverEvent(event, options({ apiKey })));
    expect(error.kind).toBe('rejected');
    expect(error.attempts).toBe(1);
    expect(error.message).toContain(message);
    expect(api.requests).toHaveLength(1);
  });

  it('rejects a wrong path (404) naming the URL it tried', async () => {
    const error = await failureOf(deliverEvent(anEvent(), options({ eventsUrl: `${api.url}/console/api/v1/events` })));
    expect(error.kind).toBe('rejected');
    expect(error.message).toContain(`404 NOT_FOUND: ${api.url}/console/api/v1/events does not exist. Check "api-url"`);
  });

  it('counts a 409 on the first attempt as recorded: an earlier run sent this id (a re-delivered webhook, a re-run)', async () => {
    await deliverEvent(anEvent(), options());
    const delivered = await deliverEvent(anEvent(), options());
    expect(delivered).toMatchObject({ id: 'evt-0001', attempts: 1, alreadyRecorded: 'before-this-step' });
    expect(api.requests).toHaveLength(2);
    expect(api.stored).toHaveLength(1);
  });

  it('counts a 409 after rate-limited attempts as recorded before this step: a 429 stores nothing', async () => {
    await deliverEvent(anEvent(), options());
    api.script(rateLimited('0'));
    const delivered = await deliverEvent(anEvent(), options({ clock: skippingClock() }));
    expect(delivered).toMatchObject({ attempts: 2, alreadyRecorded: 'before-this-step' });
  });

  it('counts a 409 on a retry as recorded: the lost answer had stored it', async () => {
    api.script({ kind: 'store-then-reset' });
    const delivered = await deliverEvent(anEvent(), options());
    expect(delivered).toMatchObject({ id: 'evt-0001', attempts: 2, alreadyRecorded: 'by-an-earlier-attempt' });
    expect(sentIds()).toEqual(['evt-0001', 'evt-0001']);
    expect(api.stored).toHaveLength(1);
  });

  it('retries a reset connection', async () => {
    api.script({ kind: 'reset' });
    const retries: string[] = [];
    const delivered = await deliverEvent(anEvent(), options({ onRetry: ({ reason }) => retries.push(reason) }));
    expect(delivered.attempts).toBe(2);
    expect(retries).toEqual([`the connection to ${new URL(api.url).host} was reset (ECONNRESET)`]);
    expect(api.stored).toHaveLength(1);
  });

  it('stops at the deadline when the server never answers', async () => {
    api.script({ kind: 'hang' });
    const started = Date.now();
    const error = await failureOf(deliverEvent(anEvent(), options({ timeoutMs: 1000 })));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(elapsed).toBeLessThan(1000 + MARGIN_MS);
    expect(error.kind).toBe('unavailable');
    expect(error.attempts).toBe(1);
    expect(error.message).toMatch(/^no answer from 127\.0\.0\.1:\d+ within the 1 s timeout \(the last attempt had 1 s\) \(after 1 attempt\)$/);
  });

  it('stops at the deadline when the answer starts and then stalls, and says so', async () => {
    api.script({ kind: 'stall-body' });
    const started = Date.now();
    const error = await failureOf(deliverEvent(anEvent(), options({ timeoutMs: 1000 })));
    expect(Date.now() - started).toBeLessThan(1000 + MARGIN_MS);
    expect(error.attempts).toBe(1);
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe(
      `201: the answer from ${host()} started, but its body did not end within the 1 s timeout (14 bytes received), so whether the event was recorded is unknown. Check "api-url": it should be https://api.opstrails.dev or a proxy in front of it (after 1 attempt)`,
    );
  });

  it('counts retries and their waits against one deadline', async () => {
    api.script({ status: 500, body: {}, headers: { 'Retry-After': '0' } }, { kind: 'delay', ms: 5000 });
    const started = Date.now();
    const error = await failureOf(deliverEvent(anEvent(), options({ timeoutMs: 1500 })));
    expect(Date.now() - started).toBeLessThan(1500 + MARGIN_MS);
    expect(error.attempts).toBe(2);
    expect(error.message).toContain('within the 1.5 s timeout');
    expect(sentIds()).toEqual(['evt-0001', 'evt-0001']);
  });

  it('retries a 200 with success: false, which is not a delivery', async () => {
    api.script({ status: 200, body: { success: false } });
    const retries: string[] = [];
    const delivered = await deliverEvent(anEvent(), options({ onRetry: ({ reason }) => retries.push(reason) }));
    expect(delivered.attempts).toBe(2);
    expect(retries).toEqual(['200: the server answered success: false (no reason given)']);
    expect(api.stored).toHaveLength(1);
  });

  it('rejects a 200 with success: false and a code naming the event', async () => {
    api.script({ status: 200, body: { success: false, error: 'type is required', code: 'VALIDATION_ERROR' } });
    const error = await failureOf(deliverEvent(anEvent(), options()));
    expect(error.kind).toBe('rejected');
    expect(error.attempts).toBe(1);
  });


  it('flattens untrusted server text to one bounded line', async () => {
    api.script({ status: 400, body: { success: false, error: `bad\n::error::injected\r\n${'x'.repeat(500)}`, code: 'VALIDATION_ERROR' } });
    const error = await failureOf(deliverEvent(anEvent(), options()));
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message).toContain('bad ::error::injected x');
    expect(error.message.length).toBeLessThan(400);
  });

  it('escapes control, bidi and runner-command text in what the server says', async () => {
    api.script({ status: 400, body: { success: false, error: '::error::x \u001b[31mred\u202egnp.exe ##[group]open', code: '##[warning]CODE' } });
    const error = await failureOf(deliverEvent(anEvent(), options()));
    expect(error.message).toBe(
      '400 #\u200b#[warning]CODE: \u200b::error::x \\u001b[31mred\\u202egnp.exe #\u200b#[group]open. Fix the input it names (after 1 attempt)',
    );
  });

  it('retries a refused connection and names it', async () => {
    const port = await closedPort();
    const error = await failureOf(deliverEvent(anEvent(), options({ eventsUrl: `http://127.0.0.1:${port}/api/v1/events`, retries: 1 })));
    expect(error.attempts).toBe(2);
    expect(error.message).toBe(`127.0.0.1:${port} refused the connection (ECONNREFUSED) (after 2 attempts)`);
  });

  it('retries a host that cannot be resolved and names the input to check', async () => {
    // A 64-character label is not a valid DNS name: the resolver fails locally, no query leaves the machine.
    const host = `${'a'.repeat(64)}.opstrails.invalid`;
    const error = await failureOf(deliverEvent(anEvent(), options({ eventsUrl: `https://${host}/api/v1/events`, retries: 1, timeoutMs: 5000 })));
    expect(error.kind).toBe('unavailable');
    expect(error.attempts).toBe(2);
    expect(error.message.startsWith(`the host ${host} could not be resolved (ENOTFOUND); check "api-url"`)).toBe(true);
  });
});

const host = () => new URL(api.url).host;

describe('deliverEvent under rate limits', () => {
  it('waits Retry-After plus a random spread that widens with each retry', async () => {
    api.script(rateLimited('1'), rateLimited('1'), rateLimited('1'));
    const clock = skippingClock();
    const delivered = await deliverEvent(anEvent(), options({ backoffBaseMs: 1000, clock, random: randoms(0.25, 0.5, 0.75) }));
    expect(delivered.attempts).toBe(4);
    // Retry n: Retry-After + random * half the backoff (1 s, 2 s, 4 s).
    expect(clock.waits).toEqual([1000 + 125, 1000 + 500, 1000 + 1500]);
    expect(clock.requestsBeforeWait).toEqual([1, 2, 3]);
    expect(api.stored).toHaveLength(1);
  });

  it('without Retry-After, waits half the backoff plus the spread', async () => {
    api.script(rateLimited(), json503());
    const clock = skippingClock();
    await deliverEvent(anEvent(), options({ backoffBaseMs: 1000, clock, random: randoms(0, 1) }));
    expect(clock.waits).toEqual([500, 1000 + 1000]);
  });

  it('waits until a Retry-After HTTP date, plus the spread', async () => {
    const clock = skippingClock();
    api.script({ status: 503, body: {}, headers: { 'Retry-After': new Date(clock.now() + 3000).toUTCString() } });
    const delivered = await deliverEvent(anEvent(), options({ backoffBaseMs: 1000, clock, random: () => 0.5 }));
    expect(delivered.attempts).toBe(2);
    expect(clock.waits).toEqual([3000 + 250]);
  });

  it('retries rate limits beyond "retries" while the deadline allows, with the same id, storing once', async () => {
    api.script(...Array.from({ length: 5 }, () => rateLimited('1')));
    const reasons: string[] = [];
    const delivered = await deliverEvent(anEvent(), options({ retries: 0, clock: skippingClock(), onRetry: ({ reason }) => reasons.push(reason) }));
    expect(delivered).toMatchObject({ attempts: 6, alreadyRecorded: false });
    expect(reasons).toEqual(Array.from({ length: 5 }, () => '429: rate limited, asked to wait 1 s'));
    expect(new Set(sentIds())).toEqual(new Set(['evt-0001']));
    expect(api.stored).toHaveLength(1);
  });

  it(`stops after ${RATE_LIMIT_RETRIES} rate-limit retries, however long the timeout`, async () => {
    api.script(...Array.from({ length: RATE_LIMIT_RETRIES + 5 }, () => rateLimited('0')));
    const error = await failureOf(deliverEvent(anEvent(), options({ timeoutMs: 600_000, clock: skippingClock() })));
    expect(error.kind).toBe('unavailable');
    expect(error.attempts).toBe(RATE_LIMIT_RETRIES + 1);
    expect(error.message).toBe(`429: rate limited, asked to wait 0 s (after ${RATE_LIMIT_RETRIES + 1} attempts; rate limits are retried at most ${RATE_LIMIT_RETRIES} times)`);
    expect(api.requests).toHaveLength(RATE_LIMIT_RETRIES + 1);
  });

  it('draws rate limits and other failures from their own budgets', async () => {
    api.script(json503('0'), rateLimited('0'), rateLimited('0'), json503('0'), json503('0'));
    const error = await failureOf(deliverEvent(anEvent(), options({ retries: 1, clock: skippingClock() })));
    // 503 (retry 1 of 1), 429, 429 (rate-limit retries 1 and 2), 503: no retry left for it.
    expect(error.attempts).toBe(4);
    expect(error.message).toBe('503: OpsTrails is unavailable (maintenance) (after 4 attempts)');
  });

  it('gives up at once when Retry-After would pass the deadline', async () => {
    api.script(rateLimited('60'));
    const clock = skippingClock();
    const error = await failureOf(deliverEvent(anEvent(), options({ timeoutMs: 5000, clock })));
    expect(clock.waits).toEqual([]);
    expect(error.message).toBe('429: rate limited, asked to wait 60 s (after 1 attempt; a retry in 60 s would not fit in the 5 s timeout)');
    expect(api.requests).toHaveLength(1);
  });

  it('gives up at once when Retry-After leaves less than half a second for the retry', async () => {
    api.script(rateLimited('1'));
    const clock = skippingClock();
    const error = await failureOf(deliverEvent(anEvent(), options({ timeoutMs: 1400, clock })));
    expect(clock.waits).toEqual([]);
    expect(error.message).toBe('429: rate limited, asked to wait 1 s (after 1 attempt; a retry in 1 s would not fit in the 1.4 s timeout)');
  });

  it('cuts the spread short so that the retry still fits before the deadline', async () => {
    api.script(rateLimited('1'));
    const clock = skippingClock();
    const delivered = await deliverEvent(anEvent(), options({ timeoutMs: 1800, backoffBaseMs: 1000, clock, random: () => 0.99 }));
    expect(delivered.attempts).toBe(2);
    // 1000 + 495 would leave less than the 500 ms a retry needs; the wait ends 500 ms before the deadline.
    expect(clock.waits).toEqual([1300]);
  });

  it('reads an absurd Retry-After as a day or more, and gives up at once', async () => {
    api.script(rateLimited('99999999999999999999'));
    const error = await failureOf(deliverEvent(anEvent(), options({ timeoutMs: 30_000, clock: skippingClock() })));
    expect(error.message).toBe('429: rate limited, asked to wait a day or more (after 1 attempt; a retry in a day or more would not fit in the 30 s timeout)');
  });

  it('records every event exactly once when many deliveries meet a rate limit at once (bounded load)', async () => {
    // 5 per 100 ms with Retry-After: 1, and the steps' time running 10 times as fast as the server's:
    // the shape of 50 jobs against 5 requests/s with Retry-After: 1 and the default 30 s timeout, in ~1.5 s.
    await api.close();
    api = await startFakeOpsTrails({ rateLimit: { limit: 5, windowMs: 100, retryAfter: '1' } });
    const fastClock: Clock = { now: () => Date.now() * 10, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / 10)) };
    const jobs = 50;
    const results = await Promise.allSettled(
      Array.from({ length: jobs }, (_, i) => deliverEvent(anEvent(`evt-load-${i}`), options({ backoffBaseMs: 1000, timeoutMs: 30_000, clock: fastClock }))),
    );
    const failures = results.filter((r) => r.status === 'rejected');
    expect(failures).toEqual([]);
    expect(api.stored.map((e) => e.id).sort()).toEqual(Array.from({ length: jobs }, (_, i) => `evt-load-${i}`).sort());
    expect(api.rateLimited()).toBeGreaterThan(0);
    const attempts = results.map((r) => (r as PromiseFulfilledResult<{ attempts: number }>).value.attempts);
    expect(Math.max(...attempts)).toBeLessThanOrEqual(RATE_LIMIT_RETRIES + 1);
  });
});

describe('deliverEvent with answers that are not the API\'s', () => {
  it.each([
    [301, 'https://user:secret@api.example.org/api/v1/events?token=abc#frag', 'rejected', 'has moved to https://api.example.org/api/v1/events. Redirects are not followed, so the API key goes only to "api-url": set "api-url" to https://api.example.org'],
    [308, '/opstrails/api/v1/events', 'rejected', () => `has moved to ${api.url}/opstrails/api/v1/events. Redirects are not followed, so the API key goes only to "api-url": set "api-url" to ${api.url}/opstrails`],
    [307, 'https://maintenance.example.org/', 'unavailable', 'redirects for now to https://maintenance.example.org/. Redirects are not followed, so the API key goes only to "api-url"; if the API now lives there, set "api-url" to https://maintenance.example.org'],
    [302, undefined, 'unavailable', 'redirects without saying where. Redirects are not followed, so the API key goes only to "api-url": check "api-url"'],
  ] as const)('does not follow a %i redirect; names where it points (%s)', async (status, location, kind, line) => {
    api.script({ status, body: '', ...(location === undefined ? {} : { headers: { Location: location } }) });
    const error = await failureOf(deliverEvent(anEvent(), options()));
    expect(error.kind).toBe(kind);
    expect(error.attempts).toBe(1);
    expect(error.message).toBe(`${status}: ${api.url}/api/v1/events ${typeof line === 'function' ? line() : line} (after 1 attempt)`);
    expect(error.message).not.toMatch(/secret|token|frag/);
    expect(api.requests).toHaveLength(1);
  });

  it.each([
    ['204 No Content', { status: 204 } as Scripted, '204', 'no content instead of the OpsTrails API\'s JSON answer'],
    ['200 with a web page', { status: 200, body: '<html>Welcome</html>' } as Scripted, '200', 'a web page instead of the OpsTrails API\'s JSON answer'],
    ['201 with other JSON', { status: 201, body: { ok: true } } as Scripted, '201', 'something other than the OpsTrails API\'s JSON answer (no "success" field)'],
    ['200 with a body that never ends', { kind: 'big-body', status: 200 } as Scripted, '200', 'an answer longer than 64 KB (reading stopped there), which the OpsTrails API never sends'],
  ])('counts %s as unconfirmed: not retried, not a configuration error', async (_name, answer, status, what) => {
    api.script(answer);
    const error = await failureOf(deliverEvent(anEvent(), options()));
    expect(error.kind).toBe('unavailable');
    expect(error.attempts).toBe(1);
    expect(error.message).toBe(
      `${status}: ${host()} answered with ${what}, so whether the event was recorded is unknown. Check "api-url": it should be https://api.opstrails.dev or a proxy in front of it (after 1 attempt)`,
    );
  });

  it('stops reading a 100 MB error page at 64 KB and classes it by its status', async () => {
    api.script({ kind: 'big-body', status: 503, bytes: 100 * 1024 * 1024 });
    const delivered = await deliverEvent(anEvent(), options({ clock: skippingClock() }));
    expect(delivered.attempts).toBe(2);
    expect(api.stored).toHaveLength(1);
  });

  it('names headers over the 16 KB limit', async () => {
    api.script({ kind: 'endless-headers' });
    const error = await failureOf(deliverEvent(anEvent(), options({ retries: 0 })));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe(`the answer from ${host()} had more than 16 KB of headers (HPE_HEADER_OVERFLOW), which the OpsTrails API never sends (after 1 attempt)`);
  });
});

describe('deliverEvent checks the stored id and time', () => {
  const stored = (data: Record<string, unknown>): Scripted => ({ status: 201, body: { success: true, data } });
  const TIME = '2025-01-15T14:30:00.000Z';

  it('uses a valid stored id and time from the server', async () => {
    api.script(stored({ id: 'srv-42', time: '2025-01-15T14:30:01+02:00' }));
    const delivered = await deliverEvent(anEvent(), options());
    expect(delivered).toMatchObject({ id: 'srv-42', time: '2025-01-15T14:30:01+02:00', warnings: [] });
  });

  it.each([
    ['too long', 'x'.repeat(20_000), 'OpsTrails answered with a stored id that is 20000 characters long (an id has at most 200)'],
    ['with a line break and a command', 'abc\n::error::injected', 'OpsTrails answered with a stored id that is not one line of printable characters'],
    ['with ANSI escapes', '\u001b[31mred', 'OpsTrails answered with a stored id that is not one line of printable characters'],
    ['with a bidi override', 'evt\u202egnp', 'OpsTrails answered with a stored id that is not one line of printable characters'],
    ['empty', '', 'OpsTrails answered with a stored id that is empty'],
    ['a number', 42, 'OpsTrails answered with a stored id that is not text (number)'],
  ])('keeps the id that was sent when the stored one is %s, with a warning', async (_name, id, warning) => {
    api.script(stored({ id, time: TIME }));
    const delivered = await deliverEvent(anEvent(), options());
    expect(delivered.id).toBe('evt-0001');
    expect(delivered.time).toBe(TIME);
    expect(delivered.warnings).toEqual([`${warning}; the id that was sent, "evt-0001", is used instead.`]);
  });

  it.each([
    ['not a date', 'yesterday', '"yesterday"'],
    ['February 30', '2025-02-30T10:00:00Z', '"2025-02-30T10:00:00Z"'],
    ['without an offset', '2025-01-15T14:30:00', '"2025-01-15T14:30:00"'],
    ['a line break and a command', 'x\n::error::y', '"x\\n::error::y"'],
    ['a number', 1736951400, 'of type number'],
  ])('keeps the time that was sent when the stored one is %s, with a warning', async (_name, time, shown) => {
    api.script(stored({ id: 'evt-0001', time }));
    const delivered = await deliverEvent(anEvent(), options());
    expect(delivered.time).toBe(TIME);
    expect(delivered.warnings).toEqual([`OpsTrails answered with a stored time that is not a valid date (${shown}); the time that was sent, ${TIME}, is used instead.`]);
  });

  it('resolves NOW to the step\'s own time when the stored time is unusable', async () => {
    api.script(stored({ time: 'NOW' }));
    const before = Date.now();
    const delivered = await deliverEvent({ ...anEvent(), time: 'NOW' }, options());
    expect(Date.parse(delivered.time)).toBeGreaterThanOrEqual(before - 1);
    expect(delivered.warnings).toHaveLength(1);
  });
});

describe('duration', () => {
  it.each([
    [0, '0 s'],
    [1250, '1.3 s'],
    [600_000, '600 s'],
    [601_000, '10 min'],
    [2 * 3600_000, '2 h'],
    [1e23, 'a day or more'],
  ])('shows %i ms as %s', (ms, text) => {
    expect(duration(ms)).toBe(text);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-15T14:30:00Z');
  it.each([
    ['0', 0],
    ['5', 5000],
    [' 120 ', 120_000],
    ['Wed, 15 Jan 2025 14:30:10 GMT', 10_000],
    ['Wednesday, 15-Jan-25 14:30:03 GMT', 3000],
    ['Wed Jan 15 14:30:02 2025', 2000],
    ['Wed, 15 Jan 2025 14:00:00 GMT', 0],
    [['7', '9'], 7000],
    ['99999999999999999999', 86_400_000],
    ['Fri, 15 Jan 2100 14:30:00 GMT', 86_400_000],
  ] as Array<[string | string[], number]>)('reads %j as %i ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  it.each([undefined, '', '  ', '-1', '1.5', 'soon', 'Xyz, not a date'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
