// The main step, bundled, run as the runner runs it, against the loopback OpsTrails.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { runStep } from '../support/run-action.js';

let api: FakeOpsTrails;
beforeEach(async () => {
  api = await startFakeOpsTrails();
});
afterEach(async () => {
  await api.close();
});

describe('main step', () => {
  it('sends one event with the workflow context and reports it', async () => {
    const result = await runStep('main', {
      inputs: { 'api-key': READ_WRITE_KEY, 'api-url': api.url, subject: 'PRODUCTION', severity: 'major' },
    });
    expect(result.exitCode).toBe(0);
    expect(api.stored).toHaveLength(1);
    const stored = api.stored[0]!;
    expect(stored).toMatchObject({
      specversion: '1.0',
      type: 'deployment',
      source: '//github.com/acme/api-service',
      subject: 'PRODUCTION',
      severity: 'MAJOR',
      version: '6113728',
      data: {
        deployer: 'octocat',
        repository: 'acme/api-service',
        commit: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
        ref: 'refs/heads/main',
        run_url: 'https://github.com/acme/api-service/actions/runs/1658821493/attempts/1',
        workflow: 'Deploy',
        job: 'deploy',
        event_name: 'push',
      },
    });
    expect(result.outputs['event-id']).toBe(stored.id);
    expect(result.outputs['event-time']).toBe(stored.time);
    expect(result.outputs.status).toBe('sent');
    expect(JSON.parse(result.outputs.event!)).toMatchObject({ id: stored.id, subject: 'PRODUCTION' });
    expect(result.summary).toContain('| subject | PRODUCTION |');
    expect(api.requests[0]!.headers.authorization).toBe(`Bearer ${READ_WRITE_KEY}`);
  });
});
