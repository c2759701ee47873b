// The README's example event is what `npm run example` records, not a hand-written picture of it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-action.js';

describe('README.md', () => {
  it('shows the event and the job summary npm run example records (all but ids and times)', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/example.mjs'), '--check-readme'], { encoding: 'utf8', timeout: 20_000 });
    expect(result.stdout, result.stderr).toContain('README.md example event: up to date');
    expect(result.stdout, result.stderr).toContain('README.md example summary: up to date');
    expect(result.status).toBe(0);
  });
});
