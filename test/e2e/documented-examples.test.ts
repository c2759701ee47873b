// The documented example workflows are quiet (issue 18.3): each one's step, with the inputs and the
// `permissions:` its page shows, run as the runner runs it against the loopback OpsTrails and a loopback
// GitHub that answers what those permissions allow, puts no annotation on the run. The examples are read
// from the docs themselves, so a page that changes its example changes what is run here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { startFakeGitHub, type Endpoint, type FakeCommit, type FakeGitHub } from '../support/fake-github.js';
import { annotations, ROOT, runnerEnv, runStep, type StepResult } from '../support/run-action.js';
import { deploymentStatus, fakeSha, payload, workflowRun } from '../fixtures/generated.js';

const sha = (n: number) => fakeSha(n);
const HISTORY: FakeCommit[] = [
  { sha: sha(1), message: 'Initial import', login: 'octocat', date: '2025-01-01T10:00:00Z' },
  { sha: sha(2), message: 'Add the billing page (PAY-1)', login: 'hubot', date: '2025-01-02T10:00:00Z' },
  { sha: sha(3), message: 'Merge pull request #21 from acme/PAY-2-refunds\n\nRefund a payment', login: 'octocat', date: '2025-01-03T10:00:00Z' },
  { sha: sha(4), message: 'Fix the CSV export (OPS-5)', name: 'Dana Doe', date: '2025-01-09T10:00:00Z' },
];

/** Which endpoints each permission opens (GitHub's REST docs: "Fine-grained access tokens" per endpoint). */
const OPENS: Record<string, Endpoint[]> = {
  contents: ['compare', 'tags', 'releases', 'commits', 'matching-refs', 'commit'],
  // The deployments and their latest status are read in one GraphQL request.
  deployments: ['deployments', 'statuses', 'graphql'],
  'pull-requests': ['pulls'],
  actions: ['runs'],
};

interface Example {
  permissions: Record<string, string> | undefined;
  with: Record<string, string>;
}

/** The YAML example of `file` that contains `marker`: its permissions and this action's `with:`. */
function example(file: string, marker: string): Example {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const block = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes(marker));
  if (!block) throw new Error(`${file} has no YAML example with ${marker}`);
  const doc = parse(block) as Record<string, unknown>;
  const steps = Array.isArray(doc) ? doc : Object.values((doc.jobs ?? {}) as Record<string, { steps: unknown[]; permissions?: Record<string, string> }>).flatMap((job) => job.steps);
  const step = (steps as Array<{ uses?: string; with?: Record<string, unknown> }>).find((s) => s.uses?.startsWith('opstrails/event-action'));
  const job = Object.values((doc.jobs ?? {}) as Record<string, { permissions?: Record<string, string> }>)[0];
  const given = Object.fromEntries(Object.entries(step?.with ?? {}).map(([k, v]) => [k, String(v)]));
  return { permissions: (doc.permissions as Record<string, string> | undefined) ?? job?.permissions, with: given };
}

let opstrails: FakeOpsTrails;
let github: FakeGitHub;
beforeEach(async () => {
  [opstrails, github] = await Promise.all([startFakeOpsTrails(), startFakeGitHub()]);
  github.history = HISTORY;
  github.tags = [
    { name: 'v1.9.0', sha: sha(3) },
    { name: 'v1.10.0', sha: sha(4) },
  ];
  github.releases = [{ tag_name: 'v1.9.0', published_at: '2025-01-03T12:00:00Z' }];
  github.deployments = [{ id: 28, sha: sha(3), environment: 'production', statuses: [{ state: 'success', created_at: '2025-01-08T15:00:00Z' }] }];
});
afterEach(async () => {
  await Promise.all([opstrails.close(), github.close()]);
});

/** Runs the example's step; the fake GitHub refuses (403) what its permissions do not grant. */
function runExample(ex: Example, event: string, body: object, env: Record<string, string> = {}): Promise<StepResult> {
  // No `permissions:` block: the repository's default token, which may read everything here.
  const granted = ex.permissions === undefined ? Object.keys(OPENS) : Object.keys(ex.permissions).filter((p) => ex.permissions![p] !== 'none');
  for (const [permission, endpoints] of Object.entries(OPENS)) {
    if (!granted.includes(permission)) for (const endpoint of endpoints) github.fail[endpoint] = 'forbidden';
  }
  const inputs: Record<string, string> = { ...ex.with, 'api-key': READ_WRITE_KEY, 'github-token': 'ghs_exampleToken0123456789' };
  return runStep('main', {
    payload: body,
    env: runnerEnv({
      GITHUB_REPOSITORY: 'acme/api-service',
      GITHUB_EVENT_NAME: event,
      GITHUB_SHA: sha(4),
      GITHUB_API_URL: github.url,
      OPSTRAILS_API_URL: opstrails.url,
      ...env,
    }),
    inputs,
  });
}

function expectQuiet(result: StepResult): void {
  expect(result.exitCode).toBe(0);
  expect(result.stdout.split('\n').filter((line) => /^::(notice|warning|error)/.test(line))).toEqual([]);
}

describe('the documented examples put no annotation on a run when GitHub answers', () => {
  it('a release (docs/event-data.md)', async () => {
    const release = payload('release');
    (release.release as Record<string, unknown>).tag_name = 'v1.10.0';
    const result = await runExample(example('docs/event-data.md', 'types: [published]'), 'release', release, {
      GITHUB_REF: 'refs/tags/v1.10.0',
      GITHUB_REF_NAME: 'v1.10.0',
      GITHUB_REF_TYPE: 'tag',
    });
    expectQuiet(result);
    expect(opstrails.stored[0]).toMatchObject({ version: 'v1.10.0', data: { previous: { version: 'v1.9.0', found_by: 'tag' } } });
  });

  it('the observer, both halves (docs/triggers.md)', async () => {
    const ex = example('docs/triggers.md', 'name: Record deploys');
    const head = { head_sha: sha(4), head_branch: 'main', event: 'push' };
    for (const body of [workflowRun('requested', head), workflowRun('completed', { ...head, conclusion: 'success' })]) expectQuiet(await runExample(ex, 'workflow_run', body));
    expect(opstrails.stored).toHaveLength(2);
  });

  it('Vercel through deployment_status, both halves (docs/triggers.md)', async () => {
    const ex = example('docs/triggers.md', 'on: deployment_status');
    for (const state of ['in_progress', 'success']) {
      const body = deploymentStatus(state);
      body.deployment = { ...(body.deployment as object), sha: sha(4), environment: 'Production' };
      expectQuiet(await runExample(ex, 'deployment_status', body));
    }
    expect(opstrails.stored).toHaveLength(2);
  });

  it("track-event's migrated example: the drop-in replacement, a push sends 3 to 6 GitHub requests (docs/migration.md)", async () => {
    const push = { ...payload('push-merge'), before: sha(3), after: sha(4), commits: [] };
    expectQuiet(await runExample(example('docs/migration.md', 'was: OpsTrails/track-event@v1'), 'push', push));
    expect(opstrails.stored).toHaveLength(1);
    expect(github.requests.length).toBeGreaterThanOrEqual(3);
    expect(github.requests.length).toBeLessThanOrEqual(6);
    expect(new Set(github.requests.map((r) => r.endpoint))).toEqual(new Set(['pulls', 'graphql', 'compare']));
  });

  it("track-event's migrated example: v1's exact event, and no GitHub request (docs/migration.md)", async () => {
    const push = { ...payload('push-merge'), before: sha(3), after: sha(4), commits: [] };
    const ex = example('docs/migration.md', 'include-context: false');
    ex.with.source = '//github.com/acme/api-service';
    expectQuiet(await runExample(ex, 'push', push));
    expect(github.requests).toEqual([]);
    expect(opstrails.requests).toHaveLength(1);
    const sent = opstrails.requests[0]!.body!;
    expect(sent).toEqual({
      specversion: '1.0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'deployment',
      source: '//github.com/acme/api-service',
      subject: 'PRODUCTION',
      time: 'NOW',
      datacontenttype: 'application/json',
      data: {},
    });
  });
});

describe('a lookup GitHub refused', () => {
  it('gives one notice per job, naming what the event lacks and the permission, however many steps', async () => {
    const ex: Example = { permissions: { contents: 'read' }, with: { subject: 'PRODUCTION' } };
    const dispatch = payload('workflow_dispatch');
    // Two steps of one job: the same runner variables, the same RUNNER_TEMP.
    const job = runnerEnv({ GITHUB_REPOSITORY: 'acme/api-service', GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_SHA: sha(4), GITHUB_API_URL: github.url, OPSTRAILS_API_URL: opstrails.url });
    const first = await runExample(ex, 'workflow_dispatch', dispatch, job);
    const second = await runExample({ ...ex, with: { subject: 'STAGING' } }, 'workflow_dispatch', dispatch, job);
    const another = await runExample(ex, 'workflow_dispatch', dispatch);
    // The notice docs/event-data.md shows, word for word.
    const shown = /```text\n(The event lacks [^\n]*)\n```/.exec(readFileSync(join(ROOT, 'docs/event-data.md'), 'utf8'))?.[1];
    expect(annotations(first.stdout, 'notice')).toEqual([shown]);
    expect(annotations(second.stdout, 'notice')).toEqual([]);
    expect(second.stdout).toContain('::debug::The event lacks the previous deploy');
    // Another job gets its own notice.
    expect(annotations(another.stdout, 'notice')).toHaveLength(1);
  });

  it('deployment_status with permissions: {} is recorded, with one notice naming the permission (docs/triggers.md)', async () => {
    const body = deploymentStatus('success');
    body.deployment = { ...(body.deployment as object), sha: sha(4), environment: 'Production' };
    const result = await runExample({ permissions: {}, with: { source: 'FE' } }, 'deployment_status', body);
    expect(result.exitCode).toBe(0);
    expect(annotations(result.stdout, 'notice')).toEqual([expect.stringMatching(/^The event lacks the previous deploy.*To add it: grant the job permissions: deployments: read\.$/)]);
    expect(opstrails.stored).toHaveLength(1);
  });
});
