// The change behind the event: pull request, tickets, commits, rollbacks (issue #5).
// collectChange is pure: the workflow context (payload included) and an optional pull request found
// through the GitHub API in, facts for the event's `data` out.
import type { WorkflowContext } from './context.js';

export interface ChangeFacts {
  /** Keys for `data`, in the order they should appear. */
  data: Record<string, unknown>;
  /** A description derived from the change, used when the user gave none. */
  description: string | undefined;
  /** A version derived from the run (release tag), used when the user gave none. */
  version: string | undefined;
  /** An environment derived from the run (deployment environment), used when the user gave none. */
  subject: string | undefined;
}

export interface ChangeOptions {
  ticketPattern: RegExp | undefined;
  rollbackOf: string | undefined;
}

export function collectChange(_context: WorkflowContext, options: ChangeOptions): ChangeFacts {
  const data: Record<string, unknown> = {};
  if (options.rollbackOf) data.rollback_of = options.rollbackOf;
  return { data, description: undefined, version: undefined, subject: undefined };
}

/**
 * Keys of `data` that the action may drop, first to last, when the event would exceed the payload
 * limit. User-given keys are never in this list.
 */
export const TRIM_ORDER: readonly string[] = [];
