// Reads a step's stdout the way the runner does (actions/runner ActionCommandManager): a line whose
// trimmed start is `::name` is a command, and so is any line holding the older `##[name]` form anywhere;
// between `::stop-commands::<token>` and `::<token>::` nothing runs.

export interface RunnerCommand {
  name: string;
  line: string;
}

const COMMAND = /^::([A-Za-z0-9_-]+)[\s:]/;
const LEGACY = /##\[([A-Za-z0-9_-]+)[\]\s]/;

export function runnerCommands(stdout: string): RunnerCommand[] {
  const commands: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const raw of stdout.split('\n')) {
    const line = raw.trimStart();
    const name = COMMAND.exec(line)?.[1] ?? LEGACY.exec(line)?.[1];
    if (name === undefined) continue;
    if (stopToken !== undefined) {
      if (name === stopToken) stopToken = undefined;
      continue;
    }
    if (name === 'stop-commands') stopToken = /^::stop-commands::(.+)$/.exec(line)?.[1];
    commands.push({ name, line });
  }
  return commands;
}
