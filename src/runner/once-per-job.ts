// Advice a job needs once, however many steps of this action it runs (staging then production, a
// step per service). Steps of one job share nothing in memory, and GITHUB_STATE reaches only the same
// step's post step, so the mark is a file in RUNNER_TEMP: the runner gives each job that directory and
// empties it at the start and end of every job. The name also holds the run, attempt and job, should a
// self-hosted runner keep the directory between jobs.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * True the first time this job asks with `key`, false after; true when there is no RUNNER_TEMP (outside
 * the runner) or the mark cannot be written, so advice is repeated rather than lost.
 */
export function firstTimeInJob(key: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const dir = env.RUNNER_TEMP;
  if (!dir) return true;
  const id = createHash('sha256')
    .update([env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT, env.GITHUB_JOB, key].join('\n'))
    .digest('hex')
    .slice(0, 32);
  try {
    writeFileSync(join(dir, `opstrails-event-action-${id}`), '', { flag: 'wx' });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EEXIST';
  }
}
