// Proxy support of the bundled main step: HTTPS_PROXY (and https_proxy) tunnel through CONNECT, NO_PROXY
// goes direct, HTTP_PROXY does not carry HTTPS traffic, and TLS is verified end to end through the tunnel.
// The GitHub token never leaves the API's origin, not even for a redirect to plain HTTP on the same host.
//
// @actions/http-client never proxies loopback targets, so the action is pointed at https://api.opstrails.test,
// a name only the test proxy can reach: it maps it to a loopback HTTPS OpsTrails whose certificate is made
// here with openssl and trusted through NODE_EXTRA_CA_CERTS. The tests that go direct use a name the
// resolver refuses locally (DIRECT_HOST), so no DNS query leaves the machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { startProxy, type TestProxy } from '../support/proxy.js';
import { annotations, ROOT, runnerEnv, runStep } from '../support/run-action.js';

const API_HOST = 'api.opstrails.test';
const API_URL = `https://${API_HOST}`;
// For the tests that go direct: a 64-character label is not a valid DNS name, so the resolver fails at
// once without sending a query. No test may send traffic off this machine, DNS included.
const DIRECT_HOST = `${'a'.repeat(64)}.opstrails.test`;
const DIRECT_URL = `https://${DIRECT_HOST}`;
const PROXY_PASSWORD = 's3cret-proxy-pass';
/** A GitHub API host that looks remote to the action and resolves to 127.0.0.1 (support/loopback-names.mjs). */
const GITHUB_HOST = 'api.github.loopback.test';
const LOOPBACK_NAMES = join(ROOT, 'test', 'support', 'loopback-names.mjs');

let certDir: string;
let certPath: string;
let tls: { key: string; cert: string };

beforeAll(() => {
  certDir = mkdtempSync(join(tmpdir(), 'event-action-cert-'));
  certPath = join(certDir, 'cert.pem');
  const keyPath = join(certDir, 'key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyPath, '-out', certPath, '-days', '2',
    // The GitHub API's name too, for the API that redirects to plain HTTP on its own port (below).
    '-subj', `/CN=${API_HOST}`, '-addext', `subjectAltName=DNS:${API_HOST},DNS:${GITHUB_HOST}`,
  ], { stdio: 'ignore' });
  tls = { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
});
afterAll(() => rmSync(certDir, { recursive: true, force: true }));

let api: FakeOpsTrails;
let proxy: TestProxy;
beforeEach(async () => {
  api = await startFakeOpsTrails({ tls });
  proxy = await startProxy({ routes: { [`${API_HOST}:443`]: api.port } });
});
afterEach(async () => {
  await proxy.close();
  await api.close();
});

const inputs = (extra: Record<string, string> = {}) => ({ 'api-key': READ_WRITE_KEY, 'api-url': API_URL, retries: '0', timeout: '10', ...extra });

describe('proxy support', () => {
  it('sends through HTTPS_PROXY with CONNECT, the key hidden from the proxy inside TLS', async () => {
    const result = await runStep('main', { inputs: inputs(), env: runnerEnv({ HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: certPath }) });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs.status).toBe('sent');
    expect(proxy.seen.map(({ method, target }) => ({ method, target }))).toEqual([{ method: 'CONNECT', target: `${API_HOST}:443` }]);
    expect(JSON.stringify(proxy.seen)).not.toContain(READ_WRITE_KEY);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]!.headers.authorization).toBe(`Bearer ${READ_WRITE_KEY}`);
    expect(api.stored).toHaveLength(1);
    expect(result.outputs['event-id']).toBe(api.stored[0]!.id);
  });

  it('honours lower-case https_proxy with credentials (Proxy-Authorization)', async () => {
    const withCredentials = proxy.url.replace('http://', `http://deploy:${PROXY_PASSWORD}@`);
    const result = await runStep('main', { inputs: inputs(), env: runnerEnv({ https_proxy: withCredentials, NODE_EXTRA_CA_CERTS: certPath }) });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(proxy.seen).toHaveLength(1);
    expect(proxy.seen[0]!.headers['proxy-authorization']).toBe(`Basic ${Buffer.from(`deploy:${PROXY_PASSWORD}`).toString('base64')}`);
    expect(api.stored).toHaveLength(1);
  });

  it.each([DIRECT_HOST, 'localhost,.opstrails.test', '*'])('goes direct for NO_PROXY=%s', async (noProxy) => {
    const result = await runStep('main', {
      inputs: inputs({ 'api-url': DIRECT_URL }),
      env: runnerEnv({ HTTPS_PROXY: proxy.url, NO_PROXY: noProxy, NODE_EXTRA_CA_CERTS: certPath }),
    });
    expect(proxy.seen).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.status).toBe('failed');
    expect(annotations(result.stdout, 'warning').join('\n')).toContain(`the host ${DIRECT_HOST} could not be resolved (ENOTFOUND)`);
  });

  it('does not send HTTPS traffic through HTTP_PROXY, which is for http:// targets only', async () => {
    const result = await runStep('main', { inputs: inputs({ 'api-url': DIRECT_URL }), env: runnerEnv({ HTTP_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: certPath }) });
    expect(proxy.seen).toEqual([]);
    expect(result.outputs.status).toBe('failed');
    expect(annotations(result.stdout, 'warning').join('\n')).toContain(`the host ${DIRECT_HOST} could not be resolved`);
  });

  it('names the proxy, never its password, when it refuses the tunnel', async () => {
    const refusing = await startProxy({ routes: {}, refuseConnectWith: 407 });
    try {
      const withCredentials = refusing.url.replace('http://', `http://deploy:${PROXY_PASSWORD}@`);
      const result = await runStep('main', { inputs: inputs(), env: runnerEnv({ HTTPS_PROXY: withCredentials, NODE_EXTRA_CA_CERTS: certPath }) });
      expect(refusing.seen).toHaveLength(1);
      expect(result.exitCode).toBe(0);
      expect(result.outputs.status).toBe('failed');
      expect(annotations(result.stdout, 'warning')[0]).toContain(
        `the proxy 127.0.0.1:${refusing.port} did not open a tunnel to ${API_HOST} (statusCode=407); check HTTPS_PROXY and NO_PROXY`,
      );
      for (const text of [result.stdout, result.stderr, result.summary, JSON.stringify(result.outputs)]) expect(text).not.toContain(PROXY_PASSWORD);
    } finally {
      await refusing.close();
    }
  });

  it('gives up at the deadline when the proxy never opens the tunnel', async () => {
    const stalling = await startProxy({ routes: {}, hangOnConnect: true });
    try {
      const started = Date.now();
      // The smallest timeout the input allows (1 s), so the test waits as little as it can.
      const result = await runStep('main', { inputs: inputs({ timeout: '1' }), env: runnerEnv({ HTTPS_PROXY: stalling.url, NODE_EXTRA_CA_CERTS: certPath }) });
      // Node start-up on a shared machine on top of the 1 s timeout; without the fix the step hung until killed.
      expect(Date.now() - started).toBeLessThan(1000 + 3000);
      expect(stalling.seen).toHaveLength(1);
      expect(result.outputs.status).toBe('failed');
      expect(annotations(result.stdout, 'warning')[0]).toContain(
        `no answer from ${API_HOST} through the proxy 127.0.0.1:${stalling.port} within the 1 s timeout`,
      );
    } finally {
      await stalling.close();
    }
  });

  it('verifies the server certificate through the tunnel: an untrusted one is refused, and nothing is stored', async () => {
    const result = await runStep('main', { inputs: inputs({ 'on-error': 'fail' }), env: runnerEnv({ HTTPS_PROXY: proxy.url }) });
    expect(proxy.seen).toHaveLength(1);
    expect(api.requests).toEqual([]);
    expect(result.exitCode).toBe(1);
    expect(annotations(result.stdout, 'error')[0]).toMatch(
      /the TLS certificate of api\.opstrails\.test was not accepted \([A-Z_]+\); behind a TLS-inspecting proxy, point NODE_EXTRA_CA_CERTS at its CA certificate/,
    );
  });
});

interface GitHubRequestSeen {
  scheme: 'https' | 'http';
  path: string;
  authorization: string | undefined;
}

/**
 * A GitHub API on one loopback port that speaks both TLS and plain HTTP (told apart by the first byte: a
 * TLS connection opens with a handshake record, 22). Over HTTPS it redirects every request to the same
 * path over `http:` on the same host and port, the one redirect a host-only comparison lets the token
 * follow; over HTTP it answers an empty list.
 */
async function startDowngradingGitHub(): Promise<{ url: string; port: number; seen: GitHubRequestSeen[]; close(): Promise<void> }> {
  const seen: GitHubRequestSeen[] = [];
  let port = 0;
  const handle = (scheme: GitHubRequestSeen['scheme']) => (req: IncomingMessage, res: ServerResponse) => {
    seen.push({ scheme, path: req.url ?? '', authorization: req.headers.authorization });
    req.resume();
    if (scheme === 'https') res.writeHead(302, { Location: `http://${GITHUB_HOST}:${port}${req.url ?? '/'}` }).end();
    else res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end('[]');
  };
  const secure = createHttpsServer(tls, handle('https'));
  const plain = createServer(handle('http'));
  const sockets = new Set<Socket>();
  const front = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null;
      if (!first) return;
      socket.unshift(first);
      (first[0] === 22 ? secure : plain).emit('connection', socket);
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  port = (front.address() as AddressInfo).port;
  return {
    url: `https://${GITHUB_HOST}:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        front.close(() => resolve());
      }),
  };
}

describe('the GitHub token behind a proxy', () => {
  const GITHUB_TOKEN = 'ghs_proxiedInstallationToken0123456789';

  it('does not follow a redirect from https: to http: on the same host and port (HTTPS_PROXY set, HTTP_PROXY unset)', async () => {
    const github = await startDowngradingGitHub();
    const tunnels = await startProxy({ routes: { [`${API_HOST}:443`]: api.port, [`${GITHUB_HOST}:${github.port}`]: github.port } });
    try {
      const result = await runStep('main', {
        inputs: inputs({ 'github-token': GITHUB_TOKEN }),
        env: runnerEnv({ HTTPS_PROXY: tunnels.url, NODE_EXTRA_CA_CERTS: certPath, GITHUB_API_URL: github.url, NODE_OPTIONS: `--import ${pathToFileURL(LOOPBACK_NAMES).href}` }),
      });
      expect(result.exitCode, result.stdout).toBe(0);
      const secure = github.seen.filter((seen) => seen.scheme === 'https');
      const plain = github.seen.filter((seen) => seen.scheme === 'http');
      // The lookups asked over TLS with the token, and followed the redirect: without it.
      expect(secure.length, result.stdout).toBeGreaterThan(0);
      expect(secure.every((seen) => seen.authorization === `token ${GITHUB_TOKEN}`)).toBe(true);
      expect(plain.map((seen) => seen.path), result.stdout).toEqual(secure.map((seen) => seen.path));
      expect(plain.map((seen) => seen.authorization)).toEqual(plain.map(() => undefined));
      // HTTPS went through the proxy's tunnels; the plain request went direct, as HTTP_PROXY is unset.
      expect(tunnels.seen.map(({ method, target }) => `${method} ${target}`)).toContain(`CONNECT ${GITHUB_HOST}:${github.port}`);
      expect(JSON.stringify(tunnels.seen)).not.toContain(GITHUB_TOKEN);
      expect(api.stored).toHaveLength(1);
    } finally {
      await tunnels.close();
      await github.close();
    }
  });
});

// The "proxy saw nothing" checks above mean something only if the proxy would have seen a plain request too.
it('the test proxy records and forwards absolute-URI requests', async () => {
  const plain = await startFakeOpsTrails();
  const forwarding = await startProxy({ routes: { 'plain.opstrails.test:80': Number(new URL(plain.url).port) } });
  try {
    const status = await new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ specversion: '1.0', type: 'deployment', source: 'BE', time: 'NOW' });
      const req = request(
        { host: '127.0.0.1', port: forwarding.port, method: 'POST', path: 'http://plain.opstrails.test/api/v1/events', headers: { Authorization: `Bearer ${READ_WRITE_KEY}`, 'Content-Type': 'application/json' } },
        (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0)),
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(201);
    expect(forwarding.seen.map(({ method, target }) => ({ method, target }))).toEqual([{ method: 'POST', target: 'http://plain.opstrails.test/api/v1/events' }]);
    expect(plain.stored).toHaveLength(1);
  } finally {
    await forwarding.close();
    await plain.close();
  }
});
