// The `description` default is written in one place, DESCRIPTION_DEFAULT_ORDER in collect.ts, which the
// code reads; each page that states the default shows the list generated from it, word for word.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESCRIPTION_DEFAULT } from '../../src/change/collect.js';
import { ROOT } from '../support/run-action.js';

describe('the description default', () => {
  it.each(['action.yml', 'README.md', 'docs/inputs.md', 'docs/event-data.md'])('%s states the one list', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).toContain(DESCRIPTION_DEFAULT);
  });
});
