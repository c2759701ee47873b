// deliverEvent against the real loopback OpsTrails server: retries, Retry-After, the deadline, error classes.
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffMs, deliverEvent, parseRetryAfter, type DeliveryOptions } from '../../src/deliver.js';
import { DeliveryError } from '../../src/errors.js';
import type { CloudEvent } from '../../src/event.js';
import { READ_ONLY_KEY, READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';

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

describe('deliverEvent', () => {
  it('posts the event with the bearer key and returns what the server stored', async () => {
    const delivered = await deliverEvent(anEvent(), options());
    expect(delivered).toEqual({ id: 'evt-0001', time: '2025-01-15T14:30:00.000Z', attempts: 1, alreadyRecorded: false });
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

  it('waits as long as Retry-After (seconds) asks', async () => {
    api.script({ status: 429, body: { success: false, error: 'slow down' }, headers: { 'Retry-After': '1' } });
    const waits: number[] = [];
    const delivered = await deliverEvent(anEvent(), options({ onRetry: ({ waitMs }) => waits.push(waitMs) }));
    expect(delivered.attempts).toBe(2);
    expect(waits).toEqual([1000]);
    // Timers may fire a millisecond early; the point is that the server's wish beats the 20 ms backoff.
    expect(api.requests[1]!.at - api.requests[0]!.at).toBeGreaterThanOrEqual(980);
  });

  it('waits until a Retry-After HTTP date', async () => {
    const retryAt = Math.ceil((Date.now() + 1200) / 1000) * 1000;
    api.script({ status: 503, body: {}, headers: { 'Retry-After': new Date(retryAt).toUTCString() } });
    const delivered = await deliverEvent(anEvent(), options());
    expect(delivered.attempts).toBe(2);
    expect(api.requests[1]!.at).toBeGreaterThanOrEqual(retryAt - 20);
  });

  it('gives up at once when Retry-After would pass the deadline', async () => {
    api.script({ status: 429, body: { success: false, error: 'slow down' }, headers: { 'Retry-After': '60' } });
    const started = Date.now();
    const error = await failureOf(deliverEvent(anEvent(), options({ timeoutMs: 5000 })));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.message).toBe('429: rate limited, asked to wait 60 s (after 1 attempt; a retry in 60 s would pass the 5 s timeout)');
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
    expect(delivered).toMatchObject({ id: 'evt-0001', attempts: 1, alreadyRecorded: true });
    expect(api.requests).toHaveLength(2);
    expect(api.stored).toHaveLength(1);
  });

  it('counts a 409 on a retry as recorded: the lost answer had stored it', async () => {
    api.script({ kind: 'store-then-reset' });
    const delivered = await deliverEvent(anEvent(), options());
    expect(delivered).toMatchObject({ id: 'evt-0001', attempts: 2, alreadyRecorded: true });
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

  it('stops at the deadline when the answer starts and then stalls', async () => {
    api.script({ kind: 'stall-body' });
    const started = Date.now();
    const error = await failureOf(deliverEvent(anEvent(), options({ timeoutMs: 1000 })));
    expect(Date.now() - started).toBeLessThan(1000 + MARGIN_MS);
    expect(error.attempts).toBe(1);
    expect(error.message).toContain('within the 1 s timeout');
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

  it('rejects a 200 that is not the OpsTrails API (a web page at api-url)', async () => {
    api.script({ status: 200, body: '<html>Welcome</html>' });
    const error = await failureOf(deliverEvent(anEvent(), options()));
    expect(error.kind).toBe('rejected');
    expect(error.attempts).toBe(1);
    expect(error.message).toContain('answered, but not as the OpsTrails API');
  });

  it('flattens untrusted server text to one bounded line', async () => {
    api.script({ status: 400, body: { success: false, error: `bad\n::error::injected\r\n${'x'.repeat(500)}`, code: 'VALIDATION_ERROR' } });
    const error = await failureOf(deliverEvent(anEvent(), options()));
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message).toContain('bad ::error::injected x');
    expect(error.message.length).toBeLessThan(400);
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

describe('backoffMs', () => {
  it('doubles per retry with up to half of it random, capped at 8 s', () => {
    expect([1, 2, 3, 4].map((retry) => backoffMs(retry, 1000, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((retry) => backoffMs(retry, 1000, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(10, 1000, () => 1)).toBe(8000);
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
