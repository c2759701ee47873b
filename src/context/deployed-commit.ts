// The `commit` input: the commit this run deploys when it is not the run's own (a promotion, or a
// rollback started from main with an older tag). Applied once, here: every later stage reads the
// context's commit and ref, so the change set, rollback detection, `data.commit` and the default
// version all follow it.
import type { WorkflowContext } from './workflow-context.js';

const FULL_SHA = /^[0-9a-f]{40}$/i;
/** A name that reads as a version (`v1.9.0`, `api-v2.1`, `@scope/pkg@1.2.3`) is taken as a tag. */
const VERSION_LIKE = /\d{1,9}\.\d{1,9}(?:\.\d{1,9})?(?:[-+][0-9A-Za-z.-]{1,128})?$/;

/**
 * The context with `commit` as its commit: a full SHA replaces `sha` (and a tag run's tag); a tag or branch name becomes the
 * ref (a tag when it reads as a version, else a branch), and `sha` is left for the lookups to resolve,
 * so the run's own commit is never recorded in its place.
 */
export function withDeployedCommit(context: WorkflowContext, commit: string | undefined): WorkflowContext {
  if (!commit || commit === context.sha) return context;
  // The run's tag is not this commit's version: a SHA keeps the run's branch but not its tag.
  if (FULL_SHA.test(commit)) return context.refType === 'tag' ? { ...context, sha: commit.toLowerCase(), ref: undefined, refName: undefined, refType: undefined } : { ...context, sha: commit.toLowerCase() };
  const tag = VERSION_LIKE.test(commit);
  return { ...context, sha: undefined, ref: `refs/${tag ? 'tags' : 'heads'}/${commit}`, refName: commit, refType: tag ? 'tag' : 'branch' };
}
