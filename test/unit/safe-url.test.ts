// Links from payloads and answers: which are kept, and how.
import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH, safeUrl } from '../../src/common/safe-url.js';
import { buildWorkflowContext } from '../../src/context/workflow-context.js';
import { buildEvent } from '../../src/event/cloud-event.js';
import { INPUT_DEFAULTS } from '../../src/inputs/defaults.js';
import { INPUT_NAMES, type RawInputs } from '../../src/inputs/names.js';
import { parseSettings } from '../../src/inputs/settings.js';

describe('safeUrl', () => {
  it('keeps web links as they are written', () => {
    for (const url of ['https://github.com/acme/api/compare/a1...b2', 'http://ci.internal:8080/runs/7?x=1#log', 'https://hello.vercel.app']) {
      expect(safeUrl(url)).toEqual({ url });
    }
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'java\tscript:alert(1)', ' data:text/html,<b>x</b>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'ftp://files.example/x'])(
    'drops %j, naming its scheme',
    (url) => {
      expect(safeUrl(url).url).toBeUndefined();
      expect(safeUrl(url).dropped).toMatch(/^the scheme [a-z]+: is not https or http$/);
    },
  );

  it('drops what is not a URL', () => {
    expect(safeUrl('/relative/path')).toEqual({ dropped: 'not a URL' });
    expect(safeUrl('https://')).toEqual({ dropped: 'not a URL' });
  });

  it('removes credentials and keeps the rest', () => {
    expect(safeUrl('https://deployer:hunter2@ci.example/runs/1')).toEqual({ url: 'https://ci.example/runs/1' });
    expect(safeUrl('https://token@ci.example/runs/1')).toEqual({ url: 'https://ci.example/runs/1' });
  });

  it('keeps a link of exactly the maximum length and drops a longer one whole, never cut', () => {
    const base = 'https://example.com/';
    const longest = base + 'a'.repeat(MAX_URL_LENGTH - base.length);
    expect(safeUrl(longest)).toEqual({ url: longest });
    expect(safeUrl(`${longest}a`)).toEqual({ dropped: `it is ${MAX_URL_LENGTH + 1} characters, over ${MAX_URL_LENGTH}` });
  });
});

const raw = (given: Record<string, string>) => Object.fromEntries(INPUT_NAMES.map((name) => [name, given[name] ?? INPUT_DEFAULTS[name] ?? ''])) as unknown as RawInputs;
const context = buildWorkflowContext(
  { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/api', GITHUB_SHA: 'a'.repeat(40), GITHUB_RUN_ID: '7', GITHUB_EVENT_NAME: 'workflow_dispatch' },
  {},
);

describe('the links of an event', () => {
  const change = {
    data: {
      compare_url: 'javascript:alert(1)',
      previous: { commit: 'b'.repeat(40), url: 'https://ci:secret@ci.example/runs/1' },
      inputs: { target_url: 'staging', note: 'javascript: is a word here' },
    },
    description: undefined,
    version: undefined,
    subject: undefined,
  };

  it('are made safe where the action took them, and a dispatch\'s inputs stay the words they are', async () => {
    const settings = await parseSettings(raw({ 'api-key': 'ot_unit_key', data: '{"my_url": "javascript:mine"}' }), {});
    const { event, notes } = buildEvent({ settings, context, change, id: 'e-1', now: new Date() });
    expect(event.data).not.toHaveProperty('compare_url');
    expect(event.data.previous).toEqual({ commit: 'b'.repeat(40), url: 'https://ci.example/runs/1' });
    expect(event.data.inputs).toEqual({ target_url: 'staging', note: 'javascript: is a word here' });
    // The user's own data is the user's.
    expect(event.data.my_url).toBe('javascript:mine');
    expect(notes).toEqual(['The link data.compare_url was left out: the scheme javascript: is not https or http.']);
  });
});
