// HTTP delivery of one event: retries with backoff and jitter, Retry-After, one deadline for everything,
// the same event id on every attempt, proxies through @actions/http-client's agents.
//
// Why node:http(s) with http-client's agent rather than HttpClient.request(): the request needs a hard
// deadline (HttpClient only has a socket idle timeout), while http-client's getAgent() already knows
// HTTPS_PROXY/NO_PROXY and tunnels through CONNECT.
import * as http from 'node:http';
import * as https from 'node:https';
import { getProxyUrl, HttpClient } from '@actions/http-client';
import { DeliveryError, type DeliveryFailureKind } from './errors.js';
import type { CloudEvent } from './event.js';

export interface DeliveryOptions {
  eventsUrl: string;
  apiKey: string;
  /** Retries after the first attempt. */
  retries: number;
  /** Deadline for the whole delivery, waits included. */
  timeoutMs: number;
  userAgent: string;
  /** First backoff step; doubled per retry, with jitter. */
  backoffBaseMs?: number;
  /** Called before each wait, so the log tells why the step is waiting. */
  onRetry?: (info: { attempt: number; waitMs: number; reason: string }) => void;
}

export interface Delivered {
  /** The stored event id (the server's answer, else the id that was sent). */
  id: string;
  /** The stored time (the server's, which resolves NOW), else the time that was sent. */
  time: string;
  attempts: number;
  /**
   * The server answered 409: an event with this id is already recorded. On a retry, an earlier attempt
   * had reached it; on the first attempt, an earlier run sent this id (see send.ts for what that means).
   */
  alreadyRecorded: boolean;
}

const DEFAULT_BACKOFF_BASE_MS = 1000;
const MAX_BACKOFF_MS = 8_000;
const MAX_BODY_BYTES = 64 * 1024;

interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A failed attempt, with whether another attempt may help and how long the server asked to wait. */
interface AttemptFailure {
  kind: DeliveryFailureKind;
  message: string;
  retryable: boolean;
  retryAfterMs?: number | undefined;
}

/** Where the request goes, for error lines: the API host, and the proxy when one is used. */
interface Route {
  host: string;
  /** host:port of the proxy from HTTPS_PROXY, never its credentials. */
  proxy: string | undefined;
}

export async function deliverEvent(event: CloudEvent, options: DeliveryOptions): Promise<Delivered> {
  const deadline = Date.now() + options.timeoutMs;
  const agent = new HttpClient(options.userAgent).getAgent(options.eventsUrl);
  const route = routeOf(options.eventsUrl);
  const body = JSON.stringify(event);
  const base = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  let attempts = 0;
  let failure: AttemptFailure | undefined;
  let gaveUpEarly = '';

  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    attempts += 1;
    const outcome = await attemptOnce(options, agent, body, remaining, event, route);
    if ('delivered' in outcome) return { ...outcome.delivered, attempts };
    failure = outcome;
    if (!failure.retryable || attempts > options.retries) break;
    const waitMs = failure.retryAfterMs ?? backoffMs(attempts, base);
    // Waiting past the deadline would only end in a timeout; give up now with the real reason.
    if (Date.now() + waitMs >= deadline) {
      gaveUpEarly = `; a retry in ${seconds(waitMs)} s would pass the ${seconds(options.timeoutMs)} s timeout`;
      break;
    }
    options.onRetry?.({ attempt: attempts, waitMs, reason: failure.message });
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }

  const last = failure ?? { kind: 'unavailable' as const, message: `no attempt fitted in the ${seconds(options.timeoutMs)} s timeout` };
  throw new DeliveryError(last.kind, `${last.message} (after ${attempts} attempt${attempts === 1 ? '' : 's'}${gaveUpEarly})`, attempts);
}

/** Wait before retry number `retry` (1-based): base * 2^(retry-1), capped, with "equal jitter" (half fixed, half random). */
export function backoffMs(retry: number, baseMs: number, random: () => number = Math.random): number {
  const backoff = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (retry - 1));
  return Math.round(backoff / 2 + random() * (backoff / 2));
}

/** Retry-After as seconds or as an HTTP date (RFC 9110), in milliseconds; absent or unreadable -> undefined. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP date form starts with a day name; Date.parse alone would read "1.5" or "-1" as dates.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function attemptOnce(
  options: DeliveryOptions,
  agent: http.Agent,
  body: string,
  remainingMs: number,
  event: CloudEvent,
  route: Route,
): Promise<{ delivered: Omit<Delivered, 'attempts'> } | AttemptFailure> {
  try {
    return classify(await post(options, agent, body, remainingMs), event, options.eventsUrl);
  } catch (error) {
    return networkFailure(error as NodeJS.ErrnoException, options.timeoutMs, remainingMs, route);
  }
}

function routeOf(eventsUrl: string): Route {
  const proxy = getProxyUrl(eventsUrl);
  return { host: new URL(eventsUrl).host, proxy: proxy ? new URL(proxy).host : undefined };
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

function post(options: DeliveryOptions, agent: http.Agent, body: string, timeoutMs: number): Promise<HttpAnswer> {
  const url = new URL(options.eventsUrl);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          Authorization: `Bearer ${options.apiKey}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'User-Agent': options.userAgent,
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          // Only the start of a body matters (an error message); a huge one is not held in memory.
          if (size < MAX_BODY_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8', 0, MAX_BODY_BYTES) });
        });
        response.on('error', fail);
      },
    );
    // Reject here rather than wait for destroy() to emit: a request still waiting for its socket (a proxy
    // that never answers CONNECT) keeps the error until a socket arrives, which may be never.
    const timer = setTimeout(() => {
      const deadline = Object.assign(new Error('deadline reached'), { code: 'DEADLINE' });
      reject(deadline);
      request.destroy(deadline);
    }, timeoutMs);
    function fail(error: Error) {
      clearTimeout(timer);
      reject(error);
    }
    request.on('error', fail);
    request.end(body);
  });
}

const CERTIFICATE_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function networkFailure(error: NodeJS.ErrnoException, timeoutMs: number, remainingMs: number, route: Route): AttemptFailure {
  const { host, proxy } = route;
  const via = proxy ? ` through the proxy ${proxy}` : '';
  const code = error.code ?? '';
  // tunnel (http-client's CONNECT agent) reports a refused CONNECT as ECONNRESET; its message tells them apart.
  if (proxy && error.message.startsWith('tunneling socket could not be established')) {
    const detail = /statusCode=\d+|cause=.*/.exec(error.message)?.[0] ?? 'no reason given';
    return { kind: 'unavailable', retryable: true, message: `the proxy ${proxy} did not open a tunnel to ${host} (${oneLine(detail, 120)}); check HTTPS_PROXY and NO_PROXY` };
  }
  if (code === 'DEADLINE') {
    return {
      kind: 'unavailable',
      retryable: false,
      message: `no answer from ${host}${via} within the ${seconds(timeoutMs)} s timeout (the last attempt had ${seconds(remainingMs)} s)`,
    };
  }
  if (CERTIFICATE_ERRORS.has(code)) {
    return {
      kind: 'unavailable',
      retryable: false,
      message: `the TLS certificate of ${host} was not accepted (${code}); behind a TLS-inspecting proxy, point NODE_EXTRA_CA_CERTS at its CA certificate`,
    };
  }
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return proxy
        ? { kind: 'unavailable', retryable: true, message: `the proxy host ${proxy} could not be resolved (${code}); check HTTPS_PROXY` }
        : { kind: 'unavailable', retryable: true, message: `the host ${host} could not be resolved (${code}); check "api-url" and the runner's DNS` };
    case 'ECONNREFUSED':
      return proxy
        ? { kind: 'unavailable', retryable: true, message: `the proxy ${proxy} refused the connection (ECONNREFUSED); check HTTPS_PROXY` }
        : { kind: 'unavailable', retryable: true, message: `${host} refused the connection (ECONNREFUSED)` };
    case 'ECONNRESET':
    case 'EPIPE':
      return { kind: 'unavailable', retryable: true, message: `the connection to ${host}${via} was reset (${code})` };
    default:
      return { kind: 'unavailable', retryable: true, message: `could not reach ${host}${via}: ${oneLine(error.message)}${code ? ` (${code})` : ''}` };
  }
}

interface ApiBody {
  success?: unknown;
  error?: unknown;
  code?: unknown;
  data?: { id?: unknown; time?: unknown };
}

function readJson(body: string): ApiBody | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as ApiBody) : undefined;
  } catch {
    return undefined;
  }
}

/** Server text is untrusted: one line, no control characters, bounded. */
function oneLine(text: string, max = 200): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

const REJECTING_CODES = ['VALIDATION_ERROR', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'];

function classify(answer: HttpAnswer, event: CloudEvent, eventsUrl: string): { delivered: Omit<Delivered, 'attempts'> } | AttemptFailure {
  const json = readJson(answer.body);
  const code = typeof json?.code === 'string' ? oneLine(json.code, 40) : undefined;
  const serverMessage = typeof json?.error === 'string' ? oneLine(json.error) : undefined;
  const said = (fallback: string) => serverMessage ?? fallback;
  const status = answer.status;
  const label = `${status}${code ? ` ${code}` : ''}`;

  if (status >= 200 && status < 300) {
    if (json?.success === true) {
      const id = typeof json.data?.id === 'string' ? json.data.id : event.id;
      const time = typeof json.data?.time === 'string' ? json.data.time : resolvedTime(event);
      return { delivered: { id, time, alreadyRecorded: false } };
    }
    if (json?.success === false) {
      // Without a code that names the event or key as the problem, treat it as a server fault: the retry
      // carries the same id, so it cannot record the event twice.
      const rejected = code !== undefined && REJECTING_CODES.includes(code);
      return { kind: rejected ? 'rejected' : 'unavailable', retryable: !rejected, message: `${label}: the server answered success: false (${said('no reason given')})` };
    }
    return {
      kind: 'rejected',
      retryable: false,
      message: `${status}: ${new URL(eventsUrl).host} answered, but not as the OpsTrails API (no JSON "success"); the event may not be recorded. Check "api-url": it should be https://api.opstrails.dev or a proxy in front of it`,
    };
  }
  // CloudEvents: source + id identify an event. A 409 says OpsTrails holds this id already, so the event
  // is recorded, whichever attempt or run sent it first: a retry after a lost answer, a re-delivered
  // webhook or a re-run sending a derived id again. Never a failure; send.ts words the first-attempt case.
  if (status === 409) {
    return { delivered: { id: event.id, time: resolvedTime(event), alreadyRecorded: true } };
  }
  const retryAfterMs = parseRetryAfter(answer.headers['retry-after']);
  switch (true) {
    case status === 400:
      return { kind: 'rejected', retryable: false, message: `${label}: ${said('the event breaks an OpsTrails rule')}. Fix the input it names` };
    case status === 401:
      return { kind: 'rejected', retryable: false, message: `${label}: the API key is missing or unknown. Check the secret passed as "api-key" (OpsTrails keys start with ot_)` };
    case status === 403:
      return { kind: 'rejected', retryable: false, message: `${label}: the key lacks READ_WRITE scope — create a READ_WRITE key under Settings → API Keys` };
    case status === 404:
      return { kind: 'rejected', retryable: false, message: `${label}: ${eventsUrl} does not exist. Check "api-url": it should be the API base URL, https://api.opstrails.dev` };
    case status === 429 && code === 'QUOTA_EXCEEDED':
      return { kind: 'quota', retryable: false, message: `${label}: the monthly event quota is used up, so retrying cannot help. Raise the plan's quota or wait for next month` };
    case status === 429:
      return { kind: 'unavailable', retryable: true, retryAfterMs, message: `${label}: rate limited${retryAfterMs === undefined ? '' : `, asked to wait ${seconds(retryAfterMs)} s`}` };
    case status === 408 || status >= 500:
      return { kind: 'unavailable', retryable: true, retryAfterMs, message: `${label}: OpsTrails is unavailable (${said(json ? 'no reason given' : 'not a JSON answer, likely a proxy or load balancer')})` };
    default:
      return { kind: 'rejected', retryable: false, message: `${label}: ${said('the request was refused')}` };
  }
}

function resolvedTime(event: CloudEvent): string {
  return event.time === 'NOW' ? new Date().toISOString() : event.time;
}
