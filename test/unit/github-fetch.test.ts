// The fetch Octokit sends the lookups through, against a real loopback server.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchOverHttpClient } from '../../src/github/fetch.js';

let server: Server;
let base: string;
const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
let onRequest: (url: string) => void = () => undefined;

beforeEach(async () => {
  seen.length = 0;
  onRequest = () => undefined;
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    onRequest(req.url ?? '');
    if (req.url === '/hang') return;
    if (req.url === '/moved') {
      // Another host name for the same server: the token must not follow.
      res.writeHead(301, { Location: `http://localhost:${(server.address() as AddressInfo).port}/repos/acme/api` });
      return res.end();
    }
    if (req.url?.startsWith('/typed/')) {
      // /typed/<content type>/<body>, both URL-encoded: an answer of any media type.
      const [, , type = '', text = ''] = req.url.split('/');
      res.writeHead(200, { 'Content-Type': decodeURIComponent(type) });
      return res.end(decodeURIComponent(text));
    }
    if (req.url === '/renamed') {
      res.writeHead(301, { Location: '/repos/acme/api' });
      return res.end();
    }
    const body = JSON.stringify({ full_name: 'acme/api' });
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'X-RateLimit-Remaining': '4999' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('fetchOverHttpClient', () => {
  const fetch = () => fetchOverHttpClient('event-action-test', base);

  it('answers with status, headers Octokit reads, and the body', async () => {
    const answer = await fetch()(`${base}/repos/acme/api`, { headers: { authorization: 'token t0k3n' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(Object.fromEntries(answer.headers)).toMatchObject({ 'x-ratelimit-remaining': '4999' });
    expect(await answer.json()).toEqual({ full_name: 'acme/api' });
    expect(seen[0]?.headers.authorization).toBe('token t0k3n');
  });

  it('gives the body as client.ts takes it: JSON parsed, anything else as text, as Octokit would', async () => {
    const bodyOf = async (type: string, text: string) => (await fetch()(`${base}/typed/${encodeURIComponent(type)}/${encodeURIComponent(text)}`)).body;
    expect(await bodyOf('application/json; charset=utf-8', '{"sha":"abc","n":[1,2]}')).toEqual({ sha: 'abc', n: [1, 2] });
    expect(await bodyOf('Application/JSON', '[1]')).toEqual([1]);
    // The SHA media type answers 40 characters of text.
    expect(await bodyOf('application/vnd.github.sha; charset=utf-8', 'a'.repeat(40))).toBe('a'.repeat(40));
    // Not JSON after all: the text, for the reader to refuse (Octokit does the same).
    expect(await bodyOf('application/json', '<html>busy</html>')).toBe('<html>busy</html>');
    expect(await bodyOf('application/jsonx', '{"a":1}')).toBe('{"a":1}');
  });

  it('follows a redirect on the same host with the token, and to another host without it', async () => {
    await fetch()(`${base}/renamed`, { headers: { authorization: 'token t0k3n' } });
    expect(seen.map((request) => [request.url, request.headers.authorization])).toEqual([
      ['/renamed', 'token t0k3n'],
      ['/repos/acme/api', 'token t0k3n'],
    ]);
    seen.length = 0;
    const answer = await fetch()(`${base}/moved`, { headers: { authorization: 'token t0k3n' } });
    expect(answer.status).toBe(200);
    expect(seen.map((request) => [request.url, request.headers.authorization])).toEqual([
      ['/moved', 'token t0k3n'],
      ['/repos/acme/api', undefined],
    ]);
  });

  it('sends the token to no origin but the API\'s, even where Octokit is asked to go there (a link from an answer)', async () => {
    const port = (server.address() as AddressInfo).port;
    await fetch()(`http://localhost:${port}/repos/acme/api`, { headers: { Authorization: 'token t0k3n' } });
    expect(seen.map((request) => [request.url, request.headers.authorization])).toEqual([['/repos/acme/api', undefined]]);
  });

  it('ends a request the server never answers when the signal aborts, as an AbortError', async () => {
    const controller = new AbortController();
    onRequest = (url) => {
      if (url === '/hang') controller.abort();
    };
    await expect(fetch()(`${base}/hang`, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    await expect(fetch()(`${base}/repos/acme/api`, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(1);
  });
});
