// A loopback HTTP server that behaves like the OpsTrails events API (shared/opstrails-api.md):
// it validates events by the contract's rules, answers with the API's JSON bodies and codes, stores
// what it accepts (409 on a repeated id), and can be scripted to misbehave for the next requests.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export const READ_WRITE_KEY = 'ot_test_readwrite_0123456789';
export const READ_ONLY_KEY = 'ot_test_readonly_0123456789';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  /** The parsed JSON body, or undefined when it was not JSON. */
  body: Record<string, unknown> | undefined;
  at: number;
}

/** One scripted answer for the next request, instead of the API's normal behaviour. */
export type Scripted =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Close the connection without an answer. */
  | { kind: 'reset' }
  /** Store the event as normal, then close the connection before answering (a lost response). */
  | { kind: 'store-then-reset' }
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  /** Send the status line, headers and the start of the body, then nothing more. */
  | { kind: 'stall-body' }
  /** Wait, then behave normally (or as `then`). */
  | { kind: 'delay'; ms: number; then?: Scripted }
  /** A body of `bytes` bytes (or one that never ends, without `bytes`), sent as fast as the client reads. */
  | { kind: 'big-body'; status: number; bytes?: number }
  /** The status line and headers, then one byte of body every `everyMs`, never ending. */
  | { kind: 'trickle-body'; status: number; everyMs: number }
  /** A status line, then header lines without end. */
  | { kind: 'endless-headers' };

/** Beyond `limit` accepted requests in any `windowMs`, answer 429 with `Retry-After` (not QUOTA_EXCEEDED). */
export interface RateLimit {
  limit: number;
  windowMs: number;
  retryAfter: string;
}

export interface FakeOpsTrails {
  /** Base URL for `api-url`, e.g. http://127.0.0.1:43210 (https:// with the tls option) */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Events accepted and stored, in order. */
  stored: Array<Record<string, unknown>>;
  /** Queue answers for the next requests; once used up, the server behaves normally again. */
  script(...answers: Scripted[]): void;
  /** How many requests the rate limit turned away. */
  rateLimited(): number;
  close(): Promise<void>;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const SEVERITIES = ['LOW', 'MINOR', 'MAJOR', 'CRITICAL'];

/** The contract's rules; returns the first broken one, as the API would. */
export function validationError(event: Record<string, unknown>, raw: string): string | undefined {
  const str = (key: string, min: number, max: number, required: boolean) => {
    const value = event[key];
    if (value === undefined) return required ? `${key} is required` : undefined;
    if (typeof value !== 'string' || value.length < min || value.length > max) return `${key} must be a string of ${min}-${max} characters`;
    return undefined;
  };
  if (Buffer.byteLength(raw) > 10_240) return 'payload exceeds 10KB';
  if (event.specversion !== '1.0') return 'specversion must be "1.0"';
  const problem = str('type', 1, 100, true) ?? str('source', 1, 500, true) ?? str('id', 1, 200, false) ?? str('subject', 1, 50, false) ?? str('version', 1, 50, false);
  if (problem) return problem;
  if (typeof event.time !== 'string' || (event.time !== 'NOW' && !ISO_WITH_OFFSET.test(event.time))) return 'time must be NOW or ISO 8601 with timezone';
  if (event.severity !== undefined && !SEVERITIES.includes(event.severity as string)) return 'severity must be one of LOW, MINOR, MAJOR, CRITICAL';
  const data = event.data;
  if (data !== undefined && (data === null || typeof data !== 'object' || Array.isArray(data))) return 'data must be an object';
  const description = (data as Record<string, unknown> | undefined)?.description;
  if (description !== undefined && (typeof description !== 'string' || description.length > 1000)) return 'data.description must be at most 1000 characters';
  return undefined;
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/html' : 'application/json';
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export interface FakeOptions {
  /** Serve HTTPS with this PEM key and certificate (for tests that reach it through a CONNECT proxy). */
  tls?: { key: string; cert: string };
  /** Rate-limit the requests that are not scripted. */
  rateLimit?: RateLimit;
}

const CHUNK = Buffer.alloc(64 * 1024, 'x');

/** Writes `bytes` of body (endless when undefined) as fast as the peer reads, until it is done or the peer leaves. */
function pump(response: ServerResponse, bytes: number | undefined): void {
  let left = bytes ?? Infinity;
  const more = (): void => {
    while (left > 0 && !response.destroyed) {
      const chunk = left < CHUNK.length ? CHUNK.subarray(0, left) : CHUNK;
      left -= chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', more);
        return;
      }
    }
    if (left <= 0) response.end();
  };
  more();
}

export async function startFakeOpsTrails(options: FakeOptions = {}): Promise<FakeOpsTrails> {
  const requests: RecordedRequest[] = [];
  const stored: Array<Record<string, unknown>> = [];
  const queue: Scripted[] = [];
  const sockets = new Set<Socket>();
  const accepted: number[] = [];
  let rateLimited = 0;

  /** A sliding window over the requests let through: the limit holds in every window, not per second. */
  const overLimit = (at: number): boolean => {
    const limit = options.rateLimit;
    if (!limit) return false;
    while (accepted.length > 0 && accepted[0]! <= at - limit.windowMs) accepted.shift();
    if (accepted.length >= limit.limit) return true;
    accepted.push(at);
    return false;
  };

  const normal = (request: RecordedRequest, response: ServerResponse): void => {
    if (request.method !== 'POST' || request.path !== '/api/v1/events') {
      send(response, 404, { success: false, error: 'Not found', code: 'NOT_FOUND' });
      return;
    }
    const auth = request.headers.authorization;
    if (auth !== `Bearer ${READ_WRITE_KEY}` && auth !== `Bearer ${READ_ONLY_KEY}`) {
      send(response, 401, { success: false, error: 'Invalid or missing API key', code: 'UNAUTHORIZED' });
      return;
    }
    if (auth === `Bearer ${READ_ONLY_KEY}`) {
      send(response, 403, { success: false, error: 'API key does not have write access', code: 'FORBIDDEN' });
      return;
    }
    if (!request.body) {
      send(response, 400, { success: false, error: 'Body must be a JSON object', code: 'VALIDATION_ERROR' });
      return;
    }
    const problem = validationError(request.body, request.raw);
    if (problem) {
      send(response, 400, { success: false, error: problem, code: 'VALIDATION_ERROR' });
      return;
    }
    const event = { ...request.body };
    if (typeof event.id === 'string' && stored.some((e) => e.id === event.id)) {
      send(response, 409, { success: false, error: 'An event with this id already exists', code: 'CONFLICT' });
      return;
    }
    event.id ??= `srv-${stored.length + 1}`;
    if (event.time === 'NOW') event.time = new Date(request.at).toISOString();
    const record = { ...event, createdAt: new Date().toISOString() };
    stored.push(record);
    send(response, 201, { success: true, data: record });
  };

  const answer = (scripted: Scripted | undefined, request: RecordedRequest, response: ServerResponse): void => {
    if (!scripted && overLimit(Date.now())) {
      rateLimited += 1;
      return send(response, 429, { success: false, error: 'Too many requests' }, { 'Retry-After': options.rateLimit!.retryAfter });
    }
    if (!scripted) return normal(request, response);
    if (!('kind' in scripted)) return send(response, scripted.status, scripted.body ?? '', scripted.headers);
    switch (scripted.kind) {
      case 'reset':
        response.socket?.destroy();
        return;
      case 'store-then-reset': {
        normal(request, { writeHead: () => undefined, end: () => undefined } as unknown as ServerResponse);
        response.socket?.destroy();
        return;
      }
      case 'hang':
        return;
      case 'stall-body':
        response.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        response.write('{"success": tr');
        return;
      case 'delay':
        setTimeout(() => answer(scripted.then, request, response), scripted.ms);
        return;
      case 'big-body':
        response.writeHead(scripted.status, { 'Content-Type': 'application/json', ...(scripted.bytes === undefined ? {} : { 'Content-Length': scripted.bytes }) });
        pump(response, scripted.bytes);
        return;
      case 'trickle-body': {
        response.writeHead(scripted.status, { 'Content-Type': 'application/json' });
        const timer = setInterval(() => response.write(' '), scripted.everyMs);
        response.on('close', () => clearInterval(timer));
        return;
      }
      case 'endless-headers': {
        const socket = response.socket!;
        socket.write('HTTP/1.1 200 OK\r\n');
        const timer = setInterval(() => socket.write(`X-Padding: ${'x'.repeat(1000)}\r\n`), 1);
        socket.on('close', () => clearInterval(timer));
        return;
      }
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> | undefined;
      try {
        const parsed: unknown = JSON.parse(raw);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
      } catch {
        body = undefined;
      }
      const request: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw, body, at: Date.now() };
      requests.push(request);
      answer(queue.shift(), request, res);
    });
  };
  const server: Server = options.tls ? createTlsServer(options.tls, handle) : createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    stored,
    script: (...answers) => queue.push(...answers),
    rateLimited: () => rateLimited,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
