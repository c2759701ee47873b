// One HTTP exchange, bounded in time and in size: send the request, read the answer's status, headers
// and at most `maxBodyBytes` of its body, then let go of the connection. Delivery (deliver.ts) and the
// GitHub lookups (github/fetch.ts) both send through it.
//
// Why node:http(s) with @actions/http-client's agent rather than HttpClient.request() or fetch: the
// exchange needs a hard deadline (HttpClient only has a socket idle timeout) and a cap on the body it
// reads, while http-client's getAgent() already knows HTTPS_PROXY/NO_PROXY and tunnels through CONNECT
// (Node's global fetch ignores proxy variables).
import * as http from 'node:http';
import * as https from 'node:https';

export interface ExchangeRequest {
  url: URL;
  method: string;
  agent: http.Agent;
  headers: http.OutgoingHttpHeaders;
  body?: string | undefined;
  /** Ends the exchange wherever it stands: waiting for a socket, for the answer, or inside its body. */
  signal: AbortSignal;
  /** Read at most this much of the body; past it the response is destroyed and the answer says `bodyCut`. */
  maxBodyBytes: number;
}

/** What came back: the status, the headers and the start of the body; `bodyCut` when more was sent. */
export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  bodyCut: boolean;
}

/** The signal ended the exchange after the answer had begun: its status arrived, its body did not end. */
export class BodyDeadline extends Error {
  readonly code = 'BODY_DEADLINE';
  constructor(
    readonly status: number,
    readonly received: number,
  ) {
    super('deadline reached while reading the body');
  }
}

/**
 * Rejects with the network error; with an error of code `DEADLINE` when the signal ends the exchange
 * before an answer began; with BodyDeadline when it ends it inside the body.
 */
export function exchange({ url, method, agent, headers, body, signal, maxBodyBytes }: ExchangeRequest): Promise<HttpAnswer> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const deadline = () => Object.assign(new Error('deadline reached'), { code: 'DEADLINE' });
    // Checked before the request exists: nothing is sent once the deadline has passed.
    if (signal.aborted) return reject(deadline());
    let response: http.IncomingMessage | undefined;
    let size = 0;
    const length = body === undefined ? {} : { 'Content-Length': Buffer.byteLength(body) };
    const request = transport.request(url, { method, agent, headers: { ...headers, ...length } }, (answer) => {
      response = answer;
      const chunks: Buffer[] = [];
      const done = (bodyCut: boolean) => {
        signal.removeEventListener('abort', onAbort);
        resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks), bodyCut });
      };
      answer.on('data', (chunk: Buffer) => {
        const room = maxBodyBytes - size;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        size += Math.min(chunk.length, room);
        // Only the start of a body can matter. Reading on would hold the step for as long as the server
        // sends, and a body of hundreds of megabytes made process.exit() hang on Node 24 (nodejs/node#54918).
        if (chunk.length > room) {
          done(true);
          answer.destroy();
        }
      });
      answer.on('end', () => done(false));
      answer.on('error', fail);
    });
    // Reject here rather than wait for destroy() to emit: a request still waiting for its socket (a proxy
    // that never answers CONNECT) keeps the error until a socket arrives, which may be never.
    function onAbort() {
      const error = response ? new BodyDeadline(response.statusCode ?? 0, size) : deadline();
      reject(error);
      request.destroy(error);
    }
    function fail(error: Error) {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    }
    request.on('error', fail);
    signal.addEventListener('abort', onAbort, { once: true });
    request.end(body);
  });
}
