// The floor `npm run bench` measures the main step against: the least a step that records one event can
// do. It loads node:https (every real run posts to https://), builds one CloudEvent from the runner's
// variables and inputs, POSTs it to the api-url, reads the answer, and writes one output. No input
// validation, no retries, no job summary, no redaction: what this action adds over it is what the ratio
// in BENCHMARKS.md shows. CommonJS, like dist/, so both start the same way.
'use strict';
const https = require('node:https');
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { appendFileSync, readFileSync } = require('node:fs');

const env = process.env;
const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
const event = {
  specversion: '1.0',
  id: randomUUID(),
  source: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`,
  type: env.INPUT_TYPE,
  time: new Date().toISOString(),
  subject: env.INPUT_SUBJECT,
  data: { version: env['INPUT_VERSION'], description: env['INPUT_DESCRIPTION'], severity: env.INPUT_SEVERITY, commit: payload.after, ref: env.GITHUB_REF },
};
const body = JSON.stringify(event);
const url = new URL('/api/v1/events', env['INPUT_API-URL']);
const request = (url.protocol === 'https:' ? https : http).request(url, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: `Bearer ${env['INPUT_API-KEY']}` },
});
request.on('response', (response) => {
  response.resume();
  response.on('end', () => {
    if (response.statusCode !== 201) process.exitCode = 1;
    appendFileSync(env.GITHUB_OUTPUT, `event-id=${event.id}\n`);
  });
});
request.on('error', () => (process.exitCode = 1));
request.end(body);
