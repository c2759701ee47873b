// The commit input applied to the context: the one place the deployed commit replaces the run's.
import { describe, expect, it } from 'vitest';
import { withDeployedCommit } from '../../src/context/deployed-commit.js';
import { buildWorkflowContext } from '../../src/context/workflow-context.js';
import { fakeSha } from '../fixtures/generated.js';

const run = (env: Record<string, string> = {}) =>
  buildWorkflowContext({ GITHUB_REPOSITORY: 'acme/api', GITHUB_SHA: fakeSha(8), GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch', ...env }, {});

describe('withDeployedCommit', () => {
  it('no input, or the run\'s own commit: the context as it is', () => {
    const context = run();
    expect(withDeployedCommit(context, undefined)).toBe(context);
    expect(withDeployedCommit(context, fakeSha(8))).toBe(context);
  });

  it('a SHA replaces the commit and keeps the branch; on a tag run it drops the tag, which is not its version', () => {
    expect(withDeployedCommit(run(), fakeSha(5).toUpperCase())).toMatchObject({ sha: fakeSha(5), ref: 'refs/heads/main' });
    const tagRun = run({ GITHUB_REF: 'refs/tags/v2.0.0', GITHUB_REF_NAME: 'v2.0.0', GITHUB_REF_TYPE: 'tag' });
    expect(withDeployedCommit(tagRun, fakeSha(5))).toMatchObject({ sha: fakeSha(5), ref: undefined, refName: undefined, refType: undefined });
  });

  it('a name that reads as a version is a tag, any other a branch; the SHA is left for the lookups to resolve', () => {
    expect(withDeployedCommit(run(), 'api-v1.9.0')).toMatchObject({ sha: undefined, ref: 'refs/tags/api-v1.9.0', refName: 'api-v1.9.0', refType: 'tag' });
    expect(withDeployedCommit(run(), 'release/candidate')).toMatchObject({ sha: undefined, ref: 'refs/heads/release/candidate', refType: 'branch' });
  });
});
