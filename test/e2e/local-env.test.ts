// `npm run local-action` runs both steps with .env.example: a dry run that the docs say never leaves the
// machine (docs/development.md, .env.example). Here both bundled steps run with that file's variables,
// with GitHub's API and OpsTrails pointed at loopback servers that count what reaches them: nothing may.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { ROOT, runStep } from '../support/run-action.js';

/** KEY=VALUE lines, as dotenv reads them: comments and blank lines skipped, surrounding quotes removed. */
function readEnvFile(path: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^([A-Z_][A-Z0-9_-]*)=(.*)$/.exec(line.trim());
    if (match) vars[match[1]!] = match[2]!.replace(/^"(.*)"$/, '$1');
  }
  return vars;
}

let github: FakeGitHub;
let opstrails: FakeOpsTrails;
beforeEach(async () => {
  [github, opstrails] = await Promise.all([startFakeGitHub(), startFakeOpsTrails()]);
});
afterEach(async () => {
  await Promise.all([github.close(), opstrails.close()]);
});

it('.env.example runs both steps without a request to GitHub or OpsTrails', async () => {
  const vars = readEnvFile(join(ROOT, '.env.example'));
  expect(vars['INPUT_GITHUB-TOKEN']).toBe('');
  const env = { ...vars, GITHUB_API_URL: github.url, 'INPUT_API-URL': opstrails.url };
  const main = await runStep('main', { env });
  const post = await runStep('post', { env, state: main.state });
  expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
  expect(main.outputs.status).toBe('dry-run');
  expect(post.stdout).toContain('Dry run: the end event was built and validated, and not sent.');
  expect(github.requests).toEqual([]);
  expect(opstrails.requests).toEqual([]);
});
