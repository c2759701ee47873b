// One HTTP exchange of delivery, bounded in time and in size: POST the event, read the answer's status,
// headers and at most MAX_BODY_BYTES of its body, then let go of the connection.
//
// Why node:http(s) with http-client's agent rather than HttpClient.request(): the request needs a hard
// deadline (HttpClient only has a socket idle timeout) and a cap on the body it reads, while
// http-client's getAgent() already knows HTTPS_PROXY/NO_PROXY and tunnels through CONNECT.
import * as http from 'node:http';
import * as https from 'node:https';

/** The API's answer is the stored event (at most 10 KB) in a small envelope; anything past this is not it. */
export const MAX_BODY_BYTES = 64 * 1024;

/** What came back: the status, the headers and the start of the body; `bodyCut` when more was sent. */
export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  bodyCut: boolean;
}

export interface PostRequest {
  url: string;
  agent: http.Agent;
  headers: http.OutgoingHttpHeaders;
  body: string;
  /** The whole exchange, the body's last byte included, must end within this. */
  timeoutMs: number;
}

/** The deadline passed after the answer had begun: its status arrived, its body did not end. */
export class BodyDeadline extends Error {
  readonly code = 'BODY_DEADLINE';
  constructor(
    readonly status: number,
    readonly received: number,
  ) {
    super('deadline reached while reading the body');
  }
}

/** Rejects with the network error, with a DEADLINE error before an answer began, or with BodyDeadline after. */
export function post({ url: target, agent, headers, body, timeoutMs }: PostRequest): Promise<HttpAnswer> {
  const url = new URL(target);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let response: http.IncomingMessage | undefined;
    let size = 0;
    const request = transport.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } },
      (answer) => {
        response = answer;
        const chunks: Buffer[] = [];
        const done = (bodyCut: boolean) => {
          clearTimeout(timer);
          resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks).toString('utf8'), bodyCut });
        };
        answer.on('data', (chunk: Buffer) => {
          const room = MAX_BODY_BYTES - size;
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
      },
    );
    // Reject here rather than wait for destroy() to emit: a request still waiting for its socket (a proxy
    // that never answers CONNECT) keeps the error until a socket arrives, which may be never.
    const timer = setTimeout(() => {
      const error = response ? new BodyDeadline(response.statusCode ?? 0, size) : Object.assign(new Error('deadline reached'), { code: 'DEADLINE' });
      reject(error);
      request.destroy(error);
    }, timeoutMs);
    function fail(error: Error) {
      clearTimeout(timer);
      reject(error);
    }
    request.on('error', fail);
    request.end(body);
  });
}
