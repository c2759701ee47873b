// The GITHUB_* variables a hosted runner sets for a job triggered by a push, derived from its webhook
// payload, for `npm run bench` and `npm run example` (plain ESM: both run without a build step; the tests
// have their own, typed, in test/support/run-action.ts).
import { join } from 'node:path';

/**
 * @param {{ repository: { full_name: string, owner: { login: string } }, after: string, ref: string, pusher: { name: string } }} payload
 * @param {string} eventPath where the payload is on disk (GITHUB_EVENT_PATH)
 * @param {string} work a temporary directory for RUNNER_TEMP and the file-command files
 */
export function pushRunnerEnv(payload, eventPath, work) {
  return {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_REPOSITORY: payload.repository.full_name,
    GITHUB_REPOSITORY_OWNER: payload.repository.owner.login,
    GITHUB_SHA: payload.after,
    GITHUB_REF: payload.ref,
    GITHUB_REF_NAME: payload.ref.replace(/^refs\/heads\//, ''),
    GITHUB_REF_TYPE: 'branch',
    GITHUB_ACTOR: payload.pusher.name,
    GITHUB_TRIGGERING_ACTOR: payload.pusher.name,
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_JOB: 'deploy',
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    RUNNER_TEMP: work,
    GITHUB_OUTPUT: join(work, 'output'),
    GITHUB_STATE: join(work, 'state'),
    GITHUB_STEP_SUMMARY: join(work, 'summary'),
  };
}
