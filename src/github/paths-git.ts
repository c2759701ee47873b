// The files each commit of a deploy changed, read from the workspace's git history: no API request. Only
// a checkout with the whole history (`fetch-depth: 0`) can answer; a shallow one (the default depth, 1)
// cannot, and the lookups ask the API instead.
import { execFile } from 'node:child_process';

/** The files changed by each commit on either side of a deploy (full SHA -> paths). */
export interface ChangedFiles {
  /** Commits in head but not in base: what the deploy adds. */
  added: Map<string, string[]>;
  /** Commits in base but not in head: what it takes out. */
  removed: Map<string, string[]>;
}

/** More output than this is not a history worth reading within the deadline. */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/**
 * What git needs of the environment, and nothing else: the step's environment holds the API key and the
 * GitHub token (INPUT_*), which a child process has no use for.
 */
function gitEnv(): NodeJS.ProcessEnv {
  const kept = ['PATH', 'HOME', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP'].flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]]));
  return { ...Object.fromEntries(kept), GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
}

function git(workspace: string, args: readonly string[], signal: AbortSignal): Promise<string> {
  // safe.directory: in a container job the workspace belongs to another user, and git refuses it otherwise.
  const argv = ['-c', `safe.directory=${workspace}`, '-C', workspace, ...args];
  return new Promise((resolve, reject) => {
    execFile('git', argv, { signal, maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8', windowsHide: true, env: gitEnv() }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
}

/**
 * The files changed on both sides of `base...head`, or why the workspace cannot tell. A merge commit
 * counts with what it brought in (its diff from its first parent), so a merged pull request touching the
 * paths is found by its merge commit too.
 */
export async function changedFilesFromGit(workspace: string | undefined, base: string, head: string, signal: AbortSignal): Promise<ChangedFiles | { unavailable: string }> {
  if (!workspace) return { unavailable: 'GITHUB_WORKSPACE is not set' };
  try {
    const shallow = (await git(workspace, ['rev-parse', '--is-shallow-repository'], signal)).trim();
    if (shallow !== 'false') return { unavailable: 'the checkout is shallow (set fetch-depth: 0 on actions/checkout)' };
    await git(workspace, ['cat-file', '-e', `${base}^{commit}`], signal);
    await git(workspace, ['cat-file', '-e', `${head}^{commit}`], signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { unavailable: 'git is not installed on this runner' };
    return { unavailable: 'the workspace holds no git history of both commits (check out with fetch-depth: 0)' };
  }
  let output: string;
  try {
    output = await git(workspace, ['log', '--format=%x1e%m%H', '--name-only', '--no-renames', '--diff-merges=first-parent', '-z', `${base}...${head}`, '--'], signal);
  } catch (error) {
    return { unavailable: `git log failed (${String((error as Error).message).split('\n')[0]})` };
  }
  return parseLog(output);
}

/** `git log --format=%x1e%m%H --name-only -z` -> files per commit, on the side `%m` marks (`>` head, `<` base). */
export function parseLog(output: string): ChangedFiles {
  const changed: ChangedFiles = { added: new Map(), removed: new Map() };
  for (const record of output.split('\x1e')) {
    const end = record.indexOf('\0');
    const header = end === -1 ? record : record.slice(0, end);
    const side = header[0] === '>' ? changed.added : header[0] === '<' ? changed.removed : undefined;
    const sha = header.slice(1).trim();
    if (!side || !/^[0-9a-f]{40,64}$/.test(sha)) continue;
    const files = end === -1 ? [] : record.slice(end + 1).replace(/^\n/, '').split('\0').filter((file) => file !== '');
    side.set(sha, files);
  }
  return changed;
}
