// What one attempt's outcome means: the API's answers, the answers of things that are not the API
// (redirects, web pages, bodies without end), network errors, Retry-After, and the stored id and time.
// Every line here may quote the server, so its text goes through oneLine/quote: one line, bounded, inert.
import type { DeliveryFailureKind } from '../common/errors.js';
import type { CloudEvent } from '../event/cloud-event.js';
import { BodyDeadline, type HttpAnswer } from '../http/exchange.js';
import { isIsoTimeWithOffset } from '../common/iso-time.js';
import { LIMITS } from '../common/contract.js';
import { duration, isPrintableLine, oneLine, quote } from '../common/log-text.js';

/** What one delivery achieved: deliver.ts returns it, the answer of the attempt that succeeded fills it. */
export interface Delivered {
  /** The stored event id: the server's answer when it is a valid id, else the id that was sent. */
  id: string;
  /** The stored time (the server's, which resolves NOW) when it is a valid date, else the time that was sent. */
  time: string;
  attempts: number;
  /**
   * OpsTrails answered 409, it already holds this id: recorded by an earlier attempt whose answer was lost,
   * or before this step (a re-delivered webhook, a re-run job). `false` when this delivery recorded it.
   */
  alreadyRecorded: false | 'by-an-earlier-attempt' | 'before-this-step';
  /** One line each, for the log: parts of the server's answer that were not used, and why. */
  warnings: string[];
}

/** The API's answer is the stored event (at most 10 KB) in a small envelope; anything past this is not it. */
export const MAX_BODY_BYTES = 64 * 1024;

/** A failed attempt, with whether another attempt may help and how long the server asked to wait. */
export interface AttemptFailure {
  kind: DeliveryFailureKind;
  message: string;
  retryable: boolean;
  retryAfterMs?: number | undefined;
  /** A 429 rate limit, retried from its own budget. */
  rateLimited?: boolean;
}

export type Attempt = { delivered: Omit<Delivered, 'attempts'> } | AttemptFailure;

/** Where the request goes, for error lines: the API host, and the proxy when one is used. */
export interface Route {
  eventsUrl: string;
  host: string;
  /** host:port of the proxy from HTTPS_PROXY, never its credentials. */
  proxy: string | undefined;
}

/** Longer than any timeout (at most 600 s): a Retry-After beyond it is read as this, so it prints sanely. */
/** Longer waits are shown as "a day or more" (log-text.ts), and no step waits that long anyway. */
const MAX_RETRY_AFTER_MS = 24 * 3600 * 1000;

/** Retry-After as seconds or as an HTTP date (RFC 9110), in milliseconds, at most a day; absent or unreadable -> undefined. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Math.min(MAX_RETRY_AFTER_MS, Number(text) * 1000);
  // Every HTTP date form starts with a day name; Date.parse alone would read "1.5" or "-1" as dates.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - now));
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

/** Said of every 2xx that is not the API's answer: the request arrived somewhere that claims success. */
const UNCONFIRMED = 'so whether the event was recorded is unknown. Check "api-url": it should be https://api.opstrails.dev or a proxy in front of it';

export function networkFailure(error: NodeJS.ErrnoException, timeoutMs: number, remainingMs: number, route: Route): AttemptFailure {
  const { host, proxy } = route;
  const via = proxy ? ` through the proxy ${proxy}` : '';
  const code = error.code ?? '';
  // tunnel (http-client's CONNECT agent) reports a refused CONNECT as ECONNRESET; its message tells them apart.
  if (proxy && error.message.startsWith('tunneling socket could not be established')) {
    const detail = /statusCode=\d+|cause=.*/.exec(error.message)?.[0] ?? 'no reason given';
    return { kind: 'unavailable', retryable: true, message: `the proxy ${proxy} did not open a tunnel to ${host} (${oneLine(detail, 120)}); check HTTPS_PROXY and NO_PROXY` };
  }
  if (error instanceof BodyDeadline) {
    // A body that never ends is no answer the API gives; whatever sent it may have passed the event on.
    const started = `${error.status}: the answer from ${host}${via} started, but its body did not end within the ${duration(timeoutMs)} timeout (${error.received} bytes received)`;
    return { kind: 'unavailable', retryable: false, message: error.status >= 200 && error.status < 300 ? `${started}, ${UNCONFIRMED}` : started };
  }
  if (code === 'DEADLINE') {
    return {
      kind: 'unavailable',
      retryable: false,
      message: `no answer from ${host}${via} within the ${duration(timeoutMs)} timeout (the last attempt had ${duration(remainingMs)})`,
    };
  }
  if (CERTIFICATE_ERRORS.has(code)) {
    return {
      kind: 'unavailable',
      retryable: false,
      message: `the TLS certificate of ${host} was not accepted (${code}); behind a TLS-inspecting proxy, point NODE_EXTRA_CA_CERTS at its CA certificate`,
    };
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return { kind: 'unavailable', retryable: true, message: `the answer from ${host}${via} had more than 16 KB of headers (${code}), which the OpsTrails API never sends` };
  }
  if (code.startsWith('HPE_')) {
    return { kind: 'unavailable', retryable: true, message: `the answer from ${host}${via} was not valid HTTP (${oneLine(code, 40)})` };
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
      return { kind: 'unavailable', retryable: true, message: `could not reach ${host}${via}: ${oneLine(error.message)}${code ? ` (${oneLine(code, 40)})` : ''}` };
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

const REJECTING_CODES = ['VALIDATION_ERROR', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'];

/**
 * `mayHaveStored`: an earlier attempt of this delivery may have stored the event, so a 409 means that
 * attempt recorded it; otherwise a 409 means an earlier run did (a re-delivered webhook, a re-run job).
 * Either way the event is recorded, and sending it again cannot change that. `now` reads an HTTP-date
 * Retry-After.
 */
export function classify(answer: HttpAnswer, event: CloudEvent, mayHaveStored: boolean, route: Route, now: number): Attempt {
  const json = answer.bodyCut ? undefined : readJson(answer.body.toString('utf8'));
  const code = typeof json?.code === 'string' ? oneLine(json.code, 40) : undefined;
  const serverMessage = typeof json?.error === 'string' ? oneLine(json.error) : undefined;
  const said = (fallback: string) => serverMessage ?? fallback;
  const status = answer.status;
  const label = `${status}${code ? ` ${code}` : ''}`;

  if (status >= 200 && status < 300) {
    if (json?.success === true) return { delivered: storedEvent(json.data, event) };
    if (json?.success === false) {
      // Without a code that names the event or key as the problem, treat it as a server fault: the retry
      // carries the same id, so it cannot record the event twice.
      const rejected = code !== undefined && REJECTING_CODES.includes(code);
      return { kind: rejected ? 'rejected' : 'unavailable', retryable: !rejected, message: `${label}: the server answered success: false (${said('no reason given')})` };
    }
    return notTheApi(answer, route.host);
  }
  if (status >= 300 && status < 400) return redirected(answer, route.eventsUrl);
  if (status === 409) {
    const alreadyRecorded = mayHaveStored ? 'by-an-earlier-attempt' : 'before-this-step';
    return { delivered: { id: event.id, time: resolvedTime(event), alreadyRecorded, warnings: [] } };
  }
  const retryAfterMs = parseRetryAfter(answer.headers['retry-after'], now);
  switch (true) {
    case status === 400:
      return { kind: 'rejected', retryable: false, message: `${label}: ${said('the event breaks an OpsTrails rule')}. Fix the input it names` };
    case status === 401:
      return { kind: 'rejected', retryable: false, message: `${label}: the API key is missing or unknown. Check the secret passed as "api-key" (OpsTrails keys start with ot_)` };
    case status === 403:
      return { kind: 'rejected', retryable: false, message: `${label}: the key lacks READ_WRITE scope — create a READ_WRITE key under Settings → API Keys` };
    case status === 404:
      return { kind: 'rejected', retryable: false, message: `${label}: ${route.eventsUrl} does not exist. Check "api-url": it should be the API base URL, https://api.opstrails.dev` };
    case status === 429 && code === 'QUOTA_EXCEEDED':
      return { kind: 'quota', retryable: false, message: `${label}: the monthly event quota is used up, so retrying cannot help. Raise the plan's quota or wait for next month` };
    case status === 429:
      return {
        kind: 'unavailable',
        retryable: true,
        rateLimited: true,
        retryAfterMs,
        message: `${label}: rate limited${retryAfterMs === undefined ? '' : `, asked to wait ${duration(retryAfterMs)}`}`,
      };
    case status === 408 || status >= 500:
      return { kind: 'unavailable', retryable: true, retryAfterMs, message: `${label}: OpsTrails is unavailable (${said(json ? 'no reason given' : 'not a JSON answer, likely a proxy or load balancer')})` };
    default:
      return { kind: 'rejected', retryable: false, message: `${label}: ${said('the request was refused')}` };
  }
}

/**
 * A 2xx that is not the API's JSON answer (204, a web page, a body that does not stop). Something took
 * the request and claims success, so the event may or may not be recorded: not a configuration error
 * (nothing refused it) and not hidden either. It is not retried: whatever answered this way would
 * answer the same. The failure keeps the event for replay, and a replay is safe: same id, 409 if recorded.
 */
function notTheApi(answer: HttpAnswer, host: string): AttemptFailure {
  const { status } = answer;
  const type = answer.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  let what: string;
  if (answer.bodyCut) what = `an answer longer than ${MAX_BODY_BYTES / 1024} KB (reading stopped there), which the OpsTrails API never sends`;
  else if (status === 204 || answer.body.length === 0) what = 'no content instead of the OpsTrails API\'s JSON answer';
  else if (type === 'text/html') what = 'a web page instead of the OpsTrails API\'s JSON answer';
  else what = 'something other than the OpsTrails API\'s JSON answer (no "success" field)';
  return { kind: 'unavailable', retryable: false, message: `${status}: ${host} answered with ${what}, ${UNCONFIRMED}` };
}

/**
 * Redirects are never followed: the request carries the API key, which must go to "api-url" and nowhere
 * else. A permanent redirect (301, 308) means "api-url" is out of date, a mistake to fix; a temporary one
 * may be maintenance or a portal in the way, so it counts as an outage.
 */
function redirected(answer: HttpAnswer, eventsUrl: string): AttemptFailure {
  const { status } = answer;
  const permanent = status === 301 || status === 308;
  const target = redirectTarget(answer.headers.location, eventsUrl);
  const rule = 'Redirects are not followed, so the API key goes only to "api-url"';
  if (!target) {
    return { kind: permanent ? 'rejected' : 'unavailable', retryable: false, message: `${status}: ${eventsUrl} redirects without saying where. ${rule}: check "api-url"` };
  }
  const apiUrl = target.pathname.endsWith('/api/v1/events') ? `${target.origin}${target.pathname.slice(0, -'/api/v1/events'.length)}` : target.origin;
  const shown = oneLine(`${target.origin}${target.pathname}`, 200);
  return permanent
    ? { kind: 'rejected', retryable: false, message: `${status}: ${eventsUrl} has moved to ${shown}. ${rule}: set "api-url" to ${oneLine(apiUrl, 200)}` }
    : { kind: 'unavailable', retryable: false, message: `${status}: ${eventsUrl} redirects for now to ${shown}. ${rule}; if the API now lives there, set "api-url" to ${oneLine(apiUrl, 200)}` };
}

/** The Location as an absolute URL without credentials, query or fragment (they may hold tokens). */
function redirectTarget(location: string | undefined, eventsUrl: string): URL | undefined {
  if (!location) return undefined;
  try {
    const url = new URL(location, eventsUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The stored id and time from a success answer. Both become outputs, log lines and the end event's
 * parent, so a value the API could not have stored (an id too long or with control characters, a time
 * that is no date) is not used: ours is kept, with a warning.
 */
function storedEvent(data: ApiBody['data'], event: CloudEvent): Omit<Delivered, 'attempts'> {
  const warnings: string[] = [];
  let id = event.id;
  const storedId = data?.id;
  if (typeof storedId === 'string' && storedId.length >= 1 && storedId.length <= LIMITS.id && isPrintableLine(storedId)) id = storedId;
  else if (storedId !== undefined) warnings.push(`OpsTrails answered with a stored id that is ${idProblem(storedId)}; the id that was sent, ${quote(event.id, 80)}, is used instead.`);

  let time = resolvedTime(event);
  const storedTime = data?.time;
  if (typeof storedTime === 'string' && isIsoTimeWithOffset(storedTime)) time = storedTime;
  else if (storedTime !== undefined) {
    const shown = typeof storedTime === 'string' ? quote(storedTime, 40) : `of type ${typeof storedTime}`;
    warnings.push(`OpsTrails answered with a stored time that is not a valid date (${shown}); the time that was sent, ${time}, is used instead.`);
  }
  return { id, time, alreadyRecorded: false, warnings };
}

function idProblem(id: unknown): string {
  if (typeof id !== 'string') return `not text (${id === null ? 'null' : typeof id})`;
  if (id.length === 0) return 'empty';
  if (id.length > LIMITS.id) return `${id.length} characters long (an id has at most ${LIMITS.id})`;
  return 'not one line of printable characters';
}

function resolvedTime(event: CloudEvent): string {
  return event.time === 'NOW' ? new Date().toISOString() : event.time;
}
