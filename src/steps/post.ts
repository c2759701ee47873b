// The post step. Without track-job it does nothing and prints nothing; with it, end-job.ts sends the end
// event. Most jobs do not track, so their path stays small: the check comes before the inputs are read
// (even masking the key prints a command), and end-job.ts, with the bulk of the bundle behind it, is
// evaluated only for a tracked job. Neither function throws or exits (see main.ts).
import { State, type ReadState } from '../runner/state.js';

/**
 * The post step as GitHub's local-action (and anything else that keeps saved state its own way) runs it:
 * the state is read through @actions/core, which local-action replaces.
 */
export async function run(): Promise<void> {
  const finishedAt = new Date();
  const core = await import('@actions/core');
  await runPost(finishedAt, (key) => core.getState(key));
}

/** The post step, given when the job's other steps were done (the end of the duration) and how to read saved state. */
export async function runPost(finishedAt: Date, readState: ReadState): Promise<void> {
  if (readState(State.TrackJob) !== 'true') return;
  const { runEndJob } = await import('./end-job.js');
  await runEndJob(finishedAt, readState);
}
