// The post step. Without track-job it does nothing and prints nothing; with it, end-job.ts sends the end
// event. Most jobs do not track, so their path stays small: the check comes before the inputs are read
// (even masking the key prints a command), and end-job.ts, with the bulk of the bundle behind it, is
// evaluated only for a tracked job. `run()` never throws and never exits (see main.ts).
import { readState, State } from './state.js';

export async function run(): Promise<void> {
  // The moment the job's other steps were done: the end of the duration.
  const finishedAt = new Date();
  if (readState(State.TrackJob) !== 'true') return;
  const { runEndJob } = await import('./end-job.js');
  await runEndJob(finishedAt);
}
