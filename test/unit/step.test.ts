// How a step ends on a configuration problem or on a bug of ours: the lines it prints, the status output
// and the exit code, read from the runner's own channels (stdout commands and the GITHUB_OUTPUT file).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/common/errors.js';
import { protectSecrets } from '../../src/runner/output.js';
import { reportConfigError, reportUnexpected } from '../../src/steps/problems.js';
import { parseFileCommands } from '../support/run-action.js';

const KEY = 'ot_step_key_0123456789';
// Before stdout is captured: the mask command names the key, and is the one line allowed to.
protectSecrets([KEY]);
let dir: string;
let printed: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'event-action-step-'));
  writeFileSync(join(dir, 'output'), '');
  vi.stubEnv('GITHUB_OUTPUT', join(dir, 'output'));
  printed = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  process.exitCode = undefined;
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const lines = (level: string) => printed.join('').split('\n').filter((line) => line.startsWith(`::${level}::`));
const outputs = () => parseFileCommands(readFileSync(join(dir, 'output'), 'utf8'));

describe('reportConfigError', () => {
  it('fails: one error line per problem, status failed, exit code 1', () => {
    reportConfigError(new ConfigError(['Input "severity" is bad.', 'Input "time" is bad.']), 'fail');
    expect(lines('error')).toEqual(['::error::Input "severity" is bad.', '::error::Input "time" is bad.']);
    expect(outputs().status).toBe('failed');
    expect(process.exitCode).toBe(1);
  });

  it('warns under on-error: warn, and the exit code stays 0', () => {
    reportConfigError(new ConfigError(`Input "time" ${KEY} is bad.`), 'warn');
    expect(lines('error')).toEqual([]);
    expect(lines('warning')).toHaveLength(1);
    expect(lines('warning')[0]).not.toContain(KEY);
    expect(outputs().status).toBe('failed');
    expect(process.exitCode).toBeUndefined();
  });
});

describe('reportUnexpected', () => {
  const bug = new Error(`boom near ${KEY}`);

  it.each(['auto', 'fail'] as const)('fails the step under on-error: %s, in one line without the key', (onError) => {
    reportUnexpected(bug, onError);
    expect(lines('error')).toHaveLength(1);
    expect(lines('error')[0]).toContain('Unexpected error');
    expect(printed.join('')).not.toContain(KEY);
    expect(process.exitCode).toBe(1);
  });

  it('only warns under on-error: warn, which promises never to fail', () => {
    reportUnexpected(bug, 'warn');
    expect(lines('error')).toEqual([]);
    expect(lines('warning')).toHaveLength(1);
    expect(process.exitCode).toBeUndefined();
    expect(outputs().status).toBe('failed');
  });

  it('still reports when the output file is what broke', () => {
    vi.stubEnv('GITHUB_OUTPUT', dir);
    expect(() => reportUnexpected(bug, 'auto')).not.toThrow();
    expect(lines('error')).toHaveLength(1);
  });
});
