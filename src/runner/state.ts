// What the main step hands to the post step, through the runner's GITHUB_STATE file.
// The keys live in one enum, as in actions/setup-node. The main step writes them with core.saveState.
//
// This module must not import @actions/core: the post step of every job without track-job reads one
// key here and exits, a path kept free of the bundle's bulk (dist/post.cjs requires dist/end-job.cjs only
// for a tracked job; what that saves per job is in BENCHMARKS.md).

export enum State {
  /** `true` when the main step decided this job is tracked (track-job). */
  TrackJob = 'track-job',
  /** Set when the main step stopped on its configuration: the post step then sends nothing. */
  ConfigFailed = 'config-failed',
  /**
   * The start event as built (JSON), the template of the end event. Saved before delivery, so a job
   * cancelled while the start is still being delivered still gets its end event.
   */
  StartEvent = 'start-event',
  /** `sent`, `dry-run` or `failed`: how the start event fared. Absent if the job was cancelled mid-delivery. */
  StartStatus = 'start-status',
  /** The id OpsTrails stored for the start event, the end event's parent_id. */
  StartId = 'start-id',
  /** When the job's tracked part began (ISO 8601, UTC). */
  StartedAt = 'started-at',
  /**
   * Why the main step, under on-error: auto, let the deploy go on despite a configuration problem (a
   * refused key, a bad input): the post step fails the job with it, once the deploy has run.
   */
  DeferredFailure = 'deferred-failure',
}

/** Reads one saved value; empty when the main step saved none. */
export type ReadState = (key: State) => string;

/** The runner hands saved state to the post step as `STATE_<key>`, which is all core.getState reads there. */
export const readStateFromEnv: ReadState = (key) => process.env[`STATE_${key}`] ?? '';
