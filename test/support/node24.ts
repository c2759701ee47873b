// Which Node 24 runs the bundle in the end-to-end tests: action.yml declares `runs.using: node24`, so
// that is the runtime whose behaviour the tests must see. Resolved once per test run (global-setup.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REQUIRED_MAJOR = 24;

/** The per-platform packages tools/node24 lists (its package.json is the one place they are named). */
const PACKAGED = (JSON.parse(readFileSync(new URL('../../tools/node24/package.json', import.meta.url), 'utf8')) as { optionalDependencies: Record<string, string> })
  .optionalDependencies;

/** The registry package tools/node24 installs for a platform, and its binary; none for macOS on arm64. */
export function packagedNodePath(root: string, platform: string, arch: string): string | undefined {
  const name = `node-${platform === 'win32' ? 'win' : platform}-${arch}`;
  if (!(name in PACKAGED)) return undefined;
  return join(root, 'tools/node24/node_modules', name, 'bin', platform === 'win32' ? 'node.exe' : 'node');
}

function majorOf(version: string): number {
  return Number(/^v?(\d+)\./.exec(version)?.[1] ?? 0);
}

export type Resolution = { path: string; version: string } | { problem: string };

/** What the resolution depends on: the process running the tests, unless a test says otherwise. */
export interface Host {
  version: string;
  execPath: string;
  platform: string;
  arch: string;
}

/**
 * The node running the tests when it is Node 24 or newer; otherwise the one tools/node24 installed, if it
 * runs here (a glibc build does not start on musl, for one). Otherwise one line naming the fix.
 */
export function resolveNode24(root: string, host: Host = process): Resolution {
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
  const install = `install Node ${REQUIRED_MAJOR} (nvm install ${REQUIRED_MAJOR}, or any version manager reading .node-version) and run npm test with it`;
  const [why, fix] = !packaged
    ? [`the registry has no Node ${REQUIRED_MAJOR} package for ${host.platform}-${host.arch}`, install]
    : existsSync(packaged)
      ? [`${packaged} does not run here`, install]
      : ['tools/node24 has none', `run npm ci (its postinstall installs it), or ${install}`];
  return { problem: `The end-to-end tests run the bundle under Node ${REQUIRED_MAJOR}, the runtime action.yml declares; this is Node ${host.version} and ${why}: ${fix}.` };
}
