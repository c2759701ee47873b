/**
 * Exits once the step's work is done, as actions/setup-node does: a socket left open by an abandoned
 * attempt must not keep the step alive. Runner log and file commands are written synchronously, so
 * nothing is lost. Only the runner's entry files call this: run() itself never exits, so local-action
 * and tests can run a step in-process.
 */
export function exitWhenDone(): void {
  process.exit();
}
