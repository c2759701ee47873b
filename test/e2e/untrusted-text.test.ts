// Text the action did not write (pull request titles, commit messages, user inputs) against the bundled
// main step, read as the runner reads stdout: none of it may become a workflow command, in a dry run
// (which prints the event) or a real one, and the key reaches none of the files the action writes.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payload } from '../fixtures/generated.js';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { runStep, runnerEnv } from '../support/run-action.js';
import { foreignCommands } from '../support/runner-commands.js';

let api: FakeOpsTrails;
beforeEach(async () => {
  api = await startFakeOpsTrails();
});
afterEach(async () => {
  await api.close();
});

const HOSTILE_TITLE = 'Fix ##[error title=OpsTrails]API key revoked. Rotate it at https://evil.example';

function hostilePullRequest(): Record<string, unknown> {
  const base = payload('pull_request');
  const pr = base.pull_request as Record<string, unknown>;
  return {
    ...base,
    pull_request: { ...pr, title: HOSTILE_TITLE, body: '##[group]hidden\n::error::forged\n##[add-mask]everything\n::debug::forged debug\n##[debug]legacy debug', head: { ...(pr.head as object), ref: '##[warning]branch' } },
  };
}

function hostilePush(): Record<string, unknown> {
  const base = payload('push');
  const head = { ...(base.head_commit as Record<string, unknown>), message: '::error title=x::forged\n\n##[group]A group ##[endgroup]\r\n::warning::second\n::debug::forged debug\n::add-mask::x' };
  return { ...base, head_commit: head, commits: [head] };
}

describe('untrusted text never becomes a runner command', () => {
  it.each([
    ['a pull request run', 'pull_request', hostilePullRequest()],
    ['a push run', 'push', hostilePush()],
  ])('in a dry run of %s, which prints the event', async (_, eventName, body) => {
    const result = await runStep('main', {
      inputs: { 'dry-run': 'true', description: 'line one\n::error::from the input\n##[error]too', data: '{"note": "##[add-mask]x", "n": "\\n::warning::y"}' },
      env: runnerEnv({ GITHUB_EVENT_NAME: eventName }),
      payload: body,
    });
    expect(result.exitCode).toBe(0);
    expect(foreignCommands(result.stdout)).toEqual([]);
    // The event is still printed in full, and still reads back as the same JSON.
    const event = JSON.parse(result.outputs.event!) as { data: Record<string, unknown> };
    expect(result.stdout).toContain('"note": "##\\u005badd-mask]x"');
    expect(event.data.note).toBe('##[add-mask]x');
  });

  it('in the log lines of a real run, including the server\'s own words', async () => {
    api.script({ status: 400, body: { success: false, error: 'bad\n::error::forged by the server ##[group]x', code: 'VALIDATION_ERROR' } });
    const result = await runStep('main', {
      inputs: { 'api-key': READ_WRITE_KEY, 'api-url': api.url, description: '##[error]desc' },
      env: runnerEnv({ GITHUB_EVENT_NAME: 'pull_request' }),
      payload: hostilePullRequest(),
    });
    expect(result.exitCode).toBe(1);
    const commands = foreignCommands(result.stdout, [READ_WRITE_KEY]);
    // Our own error annotation, and nothing the server or the payload wrote.
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^::error::OpsTrails did not record the event: 400/);
    expect(commands[0]).not.toContain('##[');
  });

  it('in the job summary, where markdown in payload text stays text', async () => {
    const result = await runStep('main', {
      inputs: { 'dry-run': 'true', version: '[click](https://evil.example)', subject: '**PROD**<img src=x>' },
      env: runnerEnv({ GITHUB_EVENT_NAME: 'pull_request' }),
      payload: hostilePullRequest(),
    });
    expect(result.exitCode).toBe(0);
    // The table renders; the JSON below it sits in a code fence, where nothing renders.
    const table = result.summary.slice(0, result.summary.indexOf('<details'));
    expect(table).not.toContain('[click](');
    expect(table).not.toContain('<img');
    expect(table).not.toContain('**PROD**');
    expect(result.summary.match(/^```/gm)).toHaveLength(2);
    expect(result.summary).toContain('| version | &#91;click&#93;(https:\u200b//evil.example) |');
  });
});

describe('the key reaches no file the action writes', () => {
  it('not GITHUB_STATE, when a tracked job carries it in description, id and data', async () => {
    const result = await runStep('main', {
      inputs: {
        'api-key': READ_WRITE_KEY,
        'api-url': api.url,
        'track-job': 'true',
        description: `deployed with ${READ_WRITE_KEY}`,
        data: JSON.stringify({ token: READ_WRITE_KEY }),
      },
    });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(result.files.state, 'utf8')).not.toContain(READ_WRITE_KEY);
    expect(readFileSync(result.files.state, 'utf8')).toContain('deployed with ***');
    for (const file of [result.files.output, result.files.summary]) expect(readFileSync(file, 'utf8')).not.toContain(READ_WRITE_KEY);
  });
});

describe('an output file that cannot be written', () => {
  it('after the event was recorded, warns and keeps the step green', async () => {
    const result = await runStep('main', {
      inputs: { 'api-key': READ_WRITE_KEY, 'api-url': api.url },
      files: { output: mkdtempSync(join(tmpdir(), 'output-is-a-directory-')) },
    });
    expect(api.stored).toHaveLength(1);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/::warning::The step's outputs could not be written \(.*EISDIR.*\); the event's status is sent\./);
  });
});

describe('a ticket-pattern that backtracks without end', () => {
  it('gives way to the built-in pattern within lookup-timeout, with one warning, and the event goes out', async () => {
    const base = payload('pull_request');
    const title = `${'A'.repeat(40)}! JIRA-77`;
    const result = await runStep('main', {
      // The lookbehind keeps RE2 out, so only the time limit can stop it.
      inputs: { 'api-key': READ_WRITE_KEY, 'api-url': api.url, 'ticket-pattern': '(?<!y)([A-Z]+-?)+\\d+!', 'lookup-timeout': '1' },
      env: runnerEnv({ GITHUB_EVENT_NAME: 'pull_request' }),
      payload: { ...base, pull_request: { ...(base.pull_request as object), title } },
    });
    expect(result.exitCode).toBe(0);
    expect(api.stored).toHaveLength(1);
    // What is left of lookup-timeout: 1 s less the moments the step took before.
    expect(result.stdout).toMatch(/::warning::Input "ticket-pattern" took longer than (1|0\.\d) s on this run's text, so the built-in ticket pattern was used/);
    expect((api.stored[0]!.data as Record<string, unknown>).ticket).toBe('JIRA-77');
  });
});
