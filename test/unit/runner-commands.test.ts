// The filter the untrusted-text tests read stdout through must see what a hostile line would run, also
// when it takes the name of a command the action issues itself.
import { describe, expect, it } from 'vitest';
import { foreignCommands } from '../support/runner-commands.js';

const STOP = '::stop-commands::0b7e3c1a-5d2f-4e8a-9c6b-1f2e3d4c5b6a';

describe('foreignCommands', () => {
  it("passes the action's own stop-commands, mask of a known secret and debug lines", () => {
    const stdout = ['::add-mask::ot_secret', '::debug::GitHub lookups: 3 requests.', '::debug::GitHub API: 404 Not Found', STOP, 'printed ::error:: inside', '0b7e3c1a-5d2f-4e8a-9c6b-1f2e3d4c5b6a'].join('\n');
    expect(foreignCommands(`${stdout}\n::0b7e3c1a-5d2f-4e8a-9c6b-1f2e3d4c5b6a::`, ['ot_secret'])).toEqual([]);
  });

  it('catches a debug line, a mask or a stop-commands the action did not write', () => {
    const hostile = ['::debug::forged by a commit message', '  ##[debug]legacy form', '::add-mask::everything', 'text ##[add-mask]x', '::stop-commands::forever'];
    expect(foreignCommands(hostile.join('\n'), ['ot_secret'])).toEqual(hostile.map((line) => line.trimStart()));
  });

  it('catches what follows the stop token, once the block ends', () => {
    expect(foreignCommands([STOP, '::error::quiet', '::0b7e3c1a-5d2f-4e8a-9c6b-1f2e3d4c5b6a::', '::error::loud'].join('\n'))).toEqual(['::error::loud']);
  });
});
