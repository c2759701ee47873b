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

/**
 * The debug lines the action writes itself (src/steps/main.ts, src/steps/send.ts, src/github/client.ts, a
 * link left out by src/event/cloud-event.ts, named by the action's own keys): a fixed prefix or ending,
 * then at most the API's own words, defused. Any other `::debug::` came from text the action printed.
 */
const OWN_DEBUG =
  /^::debug::(GitHub lookups: \d+ requests\.$|GitHub API: |OpsTrails event id |The link data(\.[a-z_]+|\[\d+\])+ was left out: |GitHub lookups: .* could not be read; the event lacks nothing for it\.$|The event lacks .* \(An earlier step of this job gave this notice\.\)$)/;

/** The commands the action issues itself, each in the one form it writes; `secrets` are the values it masks. */
function isOwnCommand({ name, line }: RunnerCommand, secrets: readonly string[]): boolean {
  if (name === 'stop-commands') return /^::stop-commands::[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(line);
  if (name === 'add-mask') return secrets.some((secret) => line === `::add-mask::${secret}`);
  if (name === 'debug') return OWN_DEBUG.test(line);
  return false;
}

/**
 * The commands the runner would run that the action did not issue: every command, less the action's own
 * `stop-commands`, its `add-mask` of a known secret and its own debug lines. A command of one of those
 * names in any other form (`##[debug]`, `::debug::` with other words, a mask of something else) counts.
 */
export function foreignCommands(stdout: string, secrets: readonly string[] = []): string[] {
  return runnerCommands(stdout)
    .filter((command) => !isOwnCommand(command, secrets))
    .map((command) => command.line);
}
