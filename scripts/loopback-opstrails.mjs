// A minimal OpsTrails-compatible events endpoint on 127.0.0.1, for `npm run bench` and `npm run example`.
//
// Plain ESM so both scripts run without a build step. It stores what it receives and answers like the
// API does on success (201 with the stored event, NOW resolved to server time); the full contract,
// with validation and scripted failures, lives in test/support/fake-opstrails.ts for the tests.
import { createServer } from 'node:http';

/** Starts the server; `received` holds every request body, parsed. */
export async function startLoopbackOpsTrails() {
  const received = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const at = new Date();
      let event;
      try {
        event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        event = undefined;
      }
      const known = request.method === 'POST' && request.url === '/api/v1/events';
      const status = !known ? 404 : event && typeof event === 'object' && !Array.isArray(event) ? 201 : 400;
      let body;
      if (status === 201) {
        received.push({ headers: request.headers, event });
        const stored = { ...event, id: event.id ?? `srv-${received.length}`, time: event.time === 'NOW' ? at.toISOString() : event.time, createdAt: at.toISOString() };
        body = { success: true, data: stored };
      } else {
        body = { success: false, error: status === 404 ? 'Not found' : 'Body must be a JSON object', code: status === 404 ? 'NOT_FOUND' : 'VALIDATION_ERROR' };
      }
      const text = JSON.stringify(body);
      response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      response.end(text);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
