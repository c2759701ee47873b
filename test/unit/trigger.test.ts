// readTrigger: each event name and payload read once into one kind of Trigger. Pure.
import { describe, expect, it } from 'vitest';
import { readTrigger } from '../../src/context/trigger.js';
import { deploymentStatus, payload, workflowRun } from '../fixtures/generated.js';

describe('readTrigger', () => {
  it('tells a branch push from a tag push by GITHUB_REF, else by the payload', () => {
    const push = payload('push');
    expect(readTrigger('push', 'refs/heads/main', push)).toMatchObject({ kind: 'push', deleted: false, commits: expect.any(Array) });
    expect(readTrigger('push', 'refs/tags/v1.4.0', push).kind).toBe('tag-push');
    expect(readTrigger('push', undefined, { ...push, ref: 'refs/tags/v2' }).kind).toBe('tag-push');
    expect(readTrigger('push', 'refs/heads/main', { ...push, deleted: true })).toMatchObject({ kind: 'push', deleted: true });
  });

  it('reads the pushed commits: the login, else the git name, never the e-mail address', () => {
    const trigger = readTrigger('push', 'refs/heads/main', { commits: [{ id: 'a1', message: 'm', author: { name: 'Mona', email: 'mona@example.com' } }, 'not a commit'] });
    expect(trigger).toMatchObject({ kind: 'push', commits: [{ sha: 'a1', message: 'm', author: 'Mona' }], headCommit: undefined });
    expect(JSON.stringify(trigger)).not.toContain('example.com');
  });

  it('reads each kind from its own event', () => {
    expect(readTrigger('release', 'refs/tags/0.0.1', payload('release'))).toMatchObject({ kind: 'release', tagName: '0.0.1' });
    expect(readTrigger('workflow_dispatch', undefined, payload('workflow_dispatch-inputs'))).toMatchObject({ kind: 'dispatch', inputs: { inputs: expect.any(Object) } });
    expect(readTrigger('pull_request_target', undefined, payload('pull_request'))).toMatchObject({ kind: 'pull-request', pullRequest: { number: 2 } });
    expect(readTrigger('workflow_run', undefined, workflowRun('completed'))).toMatchObject({ kind: 'observed-run', run: { action: 'completed' } });
    expect(readTrigger('deployment', undefined, payload('deployment'))).toMatchObject({ kind: 'deployment', deployment: { status: undefined } });
    expect(readTrigger('deployment_status', undefined, deploymentStatus('success'))).toMatchObject({ kind: 'deployment', deployment: { status: { state: 'success' } } });
  });

  it('is other for events it has no reader for, and for payloads that lack the part that makes the kind', () => {
    expect(readTrigger('schedule', undefined, { head_commit: { id: 'x' } })).toEqual({ kind: 'other' });
    expect(readTrigger(undefined, undefined, {})).toEqual({ kind: 'other' });
    expect(readTrigger('workflow_run', undefined, { action: 'completed', workflow_run: { id: 'x' } })).toEqual({ kind: 'other' });
    expect(readTrigger('deployment_status', undefined, { deployment: { id: -1 } })).toEqual({ kind: 'other' });
  });

  it('leaves out what a push run alone carries on other runs', () => {
    const odd = { commits: [{ id: 'a', message: 'm' }], head_commit: { id: 'b' }, compare: 'https://github.com/acme/api/compare/a...b', before: 'a' };
    expect(readTrigger('pull_request', undefined, odd)).toEqual({ kind: 'pull-request', pullRequest: undefined });
  });
});
