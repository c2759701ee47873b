// A loopback forward proxy for tests: CONNECT tunnels and absolute-URI requests, recording everything
// that goes through it. Targets are looked up by name in `routes`, so a client can use a non-loopback
// host name (which @actions/http-client does not exempt from the proxy) that only this proxy can reach.
import { createServer, request as forward, type IncomingHttpHeaders } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ProxiedRequest {
  /** `CONNECT`, or the method of an absolute-URI request. */
  method: string;
  /** `host:port` for CONNECT, the absolute URI otherwise. */
  target: string;
  headers: IncomingHttpHeaders;
}

export interface ProxyOptions {
  /** `host:port` as the client names it -> the loopback port that serves it. */
  routes: Record<string, number>;
  /** Answer every CONNECT with this status instead of opening a tunnel (a proxy that refuses). */
  refuseConnectWith?: number;
  /** Never answer a CONNECT (a proxy that stalls). */
  hangOnConnect?: boolean;
}

export interface TestProxy {
  /** For HTTPS_PROXY, e.g. http://127.0.0.1:43211 */
  url: string;
  port: number;
  seen: ProxiedRequest[];
  close(): Promise<void>;
}

export async function startProxy(options: ProxyOptions): Promise<TestProxy> {
  const seen: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A peer that vanishes mid-test is the test's business, not a crash of the proxy.
    socket.on('error', () => socket.destroy());
  };

  const server = createServer((req, res) => {
    const target = req.url ?? '';
    seen.push({ method: req.method ?? '', target, headers: req.headers });
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      res.writeHead(400).end('absolute URI expected');
      return;
    }
    const port = options.routes[`${url.hostname}:${url.port || 80}`];
    if (port === undefined) {
      res.writeHead(502).end(`no route to ${url.host}`);
      return;
    }
    const upstream = forward({ host: '127.0.0.1', port, method: req.method, path: `${url.pathname}${url.search}`, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });

  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    seen.push({ method: 'CONNECT', target, headers: req.headers });
    track(client);
    if (options.hangOnConnect) return;
    const port = options.routes[target];
    if (options.refuseConnectWith !== undefined || port === undefined) {
      client.end(`HTTP/1.1 ${options.refuseConnectWith ?? 502} Refused\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  server.on('connection', track);

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
