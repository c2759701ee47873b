// What this action's steps promise each other and their users, read by more than one layer: the values of
// the `status` output, and how the two halves of a start/end pair are named.

/** The `status` output: what became of the event. The main step saves it for the post step too. */
export type DeliveryStatus = 'sent' | 'dry-run' | 'failed';

/** Appended to a user-given `id` for the end event of a tracked job, so both ids stay stable. */
export const END_ID_SUFFIX = '-finished';

/**
 * Appended to the user's `type` for the start event: only the end event, which knows the outcome, carries
 * the user's type, so a tracked deploy counts once in OpsTrails' guardrails and DORA metrics. The same
 * rule holds wherever the action sends a start and an end: track-job, workflow_run, deployment_status.
 */
export const START_TYPE_SUFFIX = '-started';

/** Triggers whose payload makes the event one half of a start/end pair (unless track-job pairs the job). */
export const PAIRED_TRIGGERS: ReadonlySet<string> = new Set(['workflow_run', 'deployment_status']);
