// Delivery of one event: attempts until one is answered or a bound is reached, the same event id on every
// attempt, one deadline for everything. Which failures are retried and how often (two budgets), how long to
// wait (Retry-After or backoff, plus a random spread), and when to give up early. The HTTP exchange is in
// http/exchange.ts (shared with the GitHub lookups), what an answer means in answer.ts. How it
// behaves, for users: docs/delivery.md.
import type * as http from 'node:http';
import { getProxyUrl, HttpClient } from '@actions/http-client';
import { classify, MAX_BODY_BYTES, networkFailure, type Attempt, type AttemptFailure, type Delivered, type Route } from './answer.js';
import { duration } from '../common/log-text.js';
import { DeliveryError } from '../common/errors.js';
import type { CloudEvent } from '../event/cloud-event.js';
import { exchange } from '../http/exchange.js';

export type { Delivered };

/** Time as delivery sees it; tests pass one that skips the waits instead of sleeping through them. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface DeliveryOptions {
  eventsUrl: string;
  apiKey: string;
  /** Retries after failures other than rate limits (those have RATE_LIMIT_RETRIES of their own). */
  retries: number;
  /** Deadline for the whole delivery, waits included. */
  timeoutMs: number;
  userAgent: string;
  /** First backoff step; doubled per retry, up to MAX_BACKOFF_MS. Also sets the width of the random spread. */
  backoffBaseMs?: number;
  /** Called before each wait, so the log tells why the step is waiting. */
  onRetry?: (info: { attempt: number; waitMs: number; reason: string }) => void;
  /** Defaults to the real clock. */
  clock?: Clock;
  /** Source of the random spread, in [0, 1); defaults to Math.random. */
  random?: () => number;
}

/**
 * Retries after 429 rate limits (not QUOTA_EXCEEDED), apart from `retries`: a rate limit says "later",
 * not "broken", so these go on while the deadline allows, up to this many, whatever `retries` is.
 * One delivery therefore makes at most 1 + retries + RATE_LIMIT_RETRIES attempts.
 */
export const RATE_LIMIT_RETRIES = 10;
const DEFAULT_BACKOFF_BASE_MS = 1000;
const MAX_BACKOFF_MS = 8_000;
/** A retry is only worth making with this much of the deadline left to get its answer. */
const ATTEMPT_RESERVE_MS = 500;

const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export async function deliverEvent(event: CloudEvent, options: DeliveryOptions): Promise<Delivered> {
  const clock = options.clock ?? REAL_CLOCK;
  const random = options.random ?? Math.random;
  const deadline = clock.now() + options.timeoutMs;
  const agent = new HttpClient(options.userAgent).getAgent(options.eventsUrl);
  const route = routeOf(options.eventsUrl);
  const body = JSON.stringify(event);
  const base = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  let attempts = 0;
  let retries = 0;
  let rateLimitRetries = 0;
  // Whether an earlier attempt may have stored the event, which is what makes a 409 mean "recorded".
  // A rate-limited request was turned away before anything was stored.
  let mayHaveStored = false;
  let failure: AttemptFailure | undefined;
  let gaveUp = '';

  for (;;) {
    const remaining = deadline - clock.now();
    if (remaining <= 0) break;
    attempts += 1;
    const outcome = await attemptOnce(options, agent, body, remaining, event, mayHaveStored, route);
    if ('delivered' in outcome) return { ...outcome.delivered, attempts };
    failure = outcome;
    if (!failure.retryable) break;
    mayHaveStored ||= !failure.rateLimited;
    if (failure.rateLimited ? rateLimitRetries >= RATE_LIMIT_RETRIES : retries >= options.retries) {
      if (failure.rateLimited) gaveUp = `; rate limits are retried at most ${RATE_LIMIT_RETRIES} times`;
      break;
    }
    const fixedMs = failure.retryAfterMs ?? backoffMs(attempts, base) / 2;
    const roomMs = deadline - clock.now() - ATTEMPT_RESERVE_MS;
    // Waiting past the deadline would only end in a timeout; give up now with the real reason.
    if (fixedMs > roomMs) {
      gaveUp = `; a retry in ${duration(fixedMs)} would not fit in the ${duration(options.timeoutMs)} timeout`;
      break;
    }
    if (failure.rateLimited) rateLimitRetries += 1;
    else retries += 1;
    const waitMs = Math.round(Math.min(roomMs, fixedMs + spreadMs(attempts, base, random)));
    options.onRetry?.({ attempt: attempts, waitMs, reason: failure.message });
    await clock.sleep(waitMs);
  }

  const last = failure ?? { kind: 'unavailable' as const, message: `no attempt fitted in the ${duration(options.timeoutMs)} timeout` };
  throw new DeliveryError(last.kind, `${last.message} (after ${attempts} attempt${attempts === 1 ? '' : 's'}${gaveUp})`, attempts);
}

/** The backoff before retry number `retry` (1-based): base * 2^(retry-1), capped at MAX_BACKOFF_MS. */
function backoffMs(retry: number, baseMs: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (retry - 1));
}

/** The random part of a wait: up to half the backoff, so steps that failed together do not retry together. */
function spreadMs(retry: number, baseMs: number, random: () => number): number {
  return random() * (backoffMs(retry, baseMs) / 2);
}

async function attemptOnce(
  options: DeliveryOptions,
  agent: http.Agent,
  body: string,
  remainingMs: number,
  event: CloudEvent,
  mayHaveStored: boolean,
  route: Route,
): Promise<Attempt> {
  const headers = {
    Authorization: `Bearer ${options.apiKey}`,
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'User-Agent': options.userAgent,
  };
  try {
    const answer = await exchange({
      url: new URL(options.eventsUrl),
      method: 'POST',
      agent,
      headers,
      body,
      signal: AbortSignal.timeout(remainingMs),
      maxBodyBytes: MAX_BODY_BYTES,
    });
    return classify(answer, event, mayHaveStored, route, (options.clock ?? REAL_CLOCK).now());
  } catch (error) {
    return networkFailure(error as NodeJS.ErrnoException, options.timeoutMs, remainingMs, route);
  }
}

function routeOf(eventsUrl: string): Route {
  const proxy = getProxyUrl(eventsUrl);
  return { eventsUrl, host: new URL(eventsUrl).host, proxy: proxy ? new URL(proxy).host : undefined };
}

