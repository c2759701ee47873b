// parseSettings, input by input: defaults, environment fallbacks, accepted forms, and for every refusal
// exactly one line that names the input. Pure: no process, no environment, no network.
import { describe, expect, it } from 'vitest';
import { buildWorkflowContext } from '../../src/context/workflow-context.js';
import { ConfigError } from '../../src/common/errors.js';
import { buildEvent } from '../../src/event/cloud-event.js';
import { parseSettings, readStepPolicy, type Settings, type SettingsEnv } from '../../src/inputs/settings.js';
import { INPUT_NAMES, type InputName, type RawInputs } from '../../src/inputs/names.js';

const KEY = 'ot_unit_0123456789abcdef';

function raw(inputs: Partial<Record<InputName, string>> = {}): RawInputs {
  const all = Object.fromEntries(INPUT_NAMES.map((name) => [name, ''])) as Record<InputName, string>;
  return { ...all, 'api-key': KEY, ...inputs };
}

function settingsOf(inputs: Partial<Record<InputName, string>> = {}, env: SettingsEnv = {}): Promise<Settings> {
  return parseSettings(raw(inputs), env);
}

/** The problems parseSettings reports, or fails the test when it accepts the inputs. */
async function problemsOf(inputs: Partial<Record<InputName, string>>, env: SettingsEnv = {}): Promise<readonly string[]> {
  try {
    await settingsOf(inputs, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(inputs)}`);
}

/** Refused with exactly one single-line problem that names the input in quotes. */
async function expectRefused(inputs: Partial<Record<InputName, string>>, name: InputName, env: SettingsEnv = {}): Promise<string> {
  const problems = await problemsOf(inputs, env);
  expect(problems).toHaveLength(1);
  const [line] = problems as [string];
  expect(line).toContain(`Input "${name}"`);
  expect(line).not.toMatch(/[\r\n]/);
  return line;
}

describe('defaults', () => {
  it('fills every input the user left out with its documented default', async () => {
    const settings = await settingsOf();
    expect(settings).toMatchObject({
      apiKey: KEY,
      eventsUrl: 'https://api.opstrails.dev/api/v1/events',
      type: 'deployment',
      source: undefined,
      subject: undefined,
      severity: undefined,
      version: undefined,
      description: undefined,
      data: {},
      id: undefined,
      time: undefined,
      dataschema: undefined,
      onError: 'auto',
      retries: 3,
      timeoutMs: 30_000,
      dryRun: false,
    });
  });

  it('treats a whitespace-only input as left out, as the runner passes an empty `with:` value', async () => {
    const settings = await settingsOf({ type: '   ', retries: ' ', subject: '\t' });
    expect(settings.type).toBe('deployment');
    expect(settings.retries).toBe(3);
    expect(settings.subject).toBeUndefined();
  });
});

describe('api-key', () => {
  it('falls back to OPSTRAILS_API_KEY, and the input wins over it', async () => {
    expect((await settingsOf({ 'api-key': '' }, { OPSTRAILS_API_KEY: 'ot_from_env_123456' })).apiKey).toBe('ot_from_env_123456');
    expect((await settingsOf({ 'api-key': KEY }, { OPSTRAILS_API_KEY: 'ot_from_env_123456' })).apiKey).toBe(KEY);
  });

  it('is required unless dry-run, with a line that says how to pass it', async () => {
    const line = await expectRefused({ 'api-key': '' }, 'api-key');
    expect(line).toContain('OPSTRAILS_API_KEY');
    expect((await settingsOf({ 'api-key': '', 'dry-run': 'true' })).apiKey).toBeUndefined();
  });

  it.each([
    ['a space inside', 'ot_abc def_123456'],
    ['a line break inside', 'ot_abc\ndef_123456'],
    ['a quote', 'ot_abc"def_123456'],
    ['non-ASCII', 'ot_abcdéf_123456'],
    ['too short', 'ot_ab'],
  ])('refuses a key with %s, never quoting it', async (_, key) => {
    const line = await expectRefused({ 'api-key': key }, 'api-key');
    expect(line).not.toContain(key.trim());
    expect(line).not.toContain('ot_ab');
  });
});

describe('api-url', () => {
  it.each([
    ['https://api.opstrails.dev', 'https://api.opstrails.dev/api/v1/events'],
    ['https://api.opstrails.dev/', 'https://api.opstrails.dev/api/v1/events'],
    ['https://api.opstrails.dev/api/v1/events', 'https://api.opstrails.dev/api/v1/events'],
    ['https://api.opstrails.dev/api/v1/events/', 'https://api.opstrails.dev/api/v1/events'],
    ['https://api.opstrails.dev/api/v1', 'https://api.opstrails.dev/api/v1/events'],
    ['https://proxy.acme.internal/opstrails/', 'https://proxy.acme.internal/opstrails/api/v1/events'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/api/v1/events'],
    ['http://localhost:8080/', 'http://localhost:8080/api/v1/events'],
    ['http://[::1]:8080', 'http://[::1]:8080/api/v1/events'],
  ])('%s posts to %s', async (apiUrl, eventsUrl) => {
    expect((await settingsOf({ 'api-url': apiUrl })).eventsUrl).toBe(eventsUrl);
  });

  it('falls back to OPSTRAILS_API_URL, and the input wins over it', async () => {
    expect((await settingsOf({}, { OPSTRAILS_API_URL: 'https://eu.api.example.com' })).eventsUrl).toBe('https://eu.api.example.com/api/v1/events');
    expect((await settingsOf({ 'api-url': 'https://a.example.com' }, { OPSTRAILS_API_URL: 'https://b.example.com' })).eventsUrl).toBe('https://a.example.com/api/v1/events');
  });

  it('refuses the MCP URL and says which URL to use instead', async () => {
    const line = await expectRefused({ 'api-url': 'https://api.opstrails.dev/api/mcp/mcp' }, 'api-url');
    expect(line).toContain('MCP');
    expect(line).toContain('https://api.opstrails.dev,');
  });

  it.each(['https://opstrails.dev', 'https://www.opstrails.dev/', 'https://app.opstrails.dev/events'])('refuses the console or website URL %s', async (apiUrl) => {
    const line = await expectRefused({ 'api-url': apiUrl }, 'api-url');
    expect(line).toContain('https://api.opstrails.dev');
  });

  it.each([
    ['http:// to a remote host', 'http://api.opstrails.dev', 'https://'],
    ['another scheme', 'ftp://api.opstrails.dev', 'https://'],
    ['no URL at all', 'api.opstrails.dev', 'not a URL'],
    ['credentials in the URL', 'https://user:pass@api.opstrails.dev', 'credentials'],
  ])('refuses %s', async (_, apiUrl, says) => {
    expect(await expectRefused({ 'api-url': apiUrl }, 'api-url')).toContain(says);
  });
});

describe('type, source, subject, version, id: lengths', () => {
  it.each([
    ['type', 100],
    ['source', 500],
    ['subject', 50],
    ['version', 50],
    ['id', 200],
  ] as const)('%s takes up to %i characters and refuses one more', async (name, max) => {
    const settings = await settingsOf({ [name]: 'x'.repeat(max) });
    expect(Object.values(settings)).toContain('x'.repeat(max));
    const line = await expectRefused({ [name]: 'x'.repeat(max + 1) }, name);
    expect(line).toContain(`at most ${max}`);
  });

  it('keeps what the user gave, trimmed', async () => {
    const settings = await settingsOf({ type: ' rollback ', source: 'BE', subject: 'PRODUCTION', version: 'v1.2.3', id: 'deploy-42' });
    expect(settings).toMatchObject({ type: 'rollback', source: 'BE', subject: 'PRODUCTION', version: 'v1.2.3', id: 'deploy-42' });
  });
});

describe('severity', () => {
  it.each([
    ['low', 'LOW'],
    ['Minor', 'MINOR'],
    ['MAJOR', 'MAJOR'],
    ['cRiTiCaL', 'CRITICAL'],
  ])('%s in, %s out', async (given, sent) => {
    expect((await settingsOf({ severity: given })).severity).toBe(sent);
  });

  it('refuses anything else and lists the four', async () => {
    expect(await expectRefused({ severity: 'HUGE' }, 'severity')).toContain('LOW, MINOR, MAJOR, CRITICAL');
  });
});

describe('description', () => {
  const context = buildWorkflowContext({ GITHUB_REPOSITORY: 'acme/api' }, {});
  const change = { data: {}, description: undefined, version: undefined, subject: undefined };
  const build = (settings: Settings) => buildEvent({ settings, context, change, id: 'e-1', now: new Date('2025-01-15T14:30:00.000Z') });

  it('goes to data.description as given', async () => {
    expect(build(await settingsOf({ description: 'Fix login' })).event.data.description).toBe('Fix login');
  });

  it('is cut to 1,000 characters with a warning when longer, never refused', async () => {
    const settings = await settingsOf({ description: 'd'.repeat(1500) });
    const { event, warnings } = build(settings);
    expect(event.data.description).toBe(`${'d'.repeat(999)}…`);
    expect(warnings.some((w) => w.includes('cut to 1000'))).toBe(true);
    expect(build(await settingsOf({ description: 'd'.repeat(1000) })).warnings).toEqual([]);
  });
});

describe('data', () => {
  it('reads a JSON object', async () => {
    expect((await settingsOf({ data: '{"ticket": "JIRA-1", "n": 2, "nested": {"ok": true}}' })).data).toEqual({ ticket: 'JIRA-1', n: 2, nested: { ok: true } });
  });

  it('reads a YAML mapping, keeping YAML 1.1 words and dates as text', async () => {
    expect((await settingsOf({ data: 'ticket: JIRA-1\nenabled: yes\nwhen: 2025-01-15\nlist:\n  - a\n  - 1' })).data).toEqual({
      ticket: 'JIRA-1',
      enabled: 'yes',
      when: '2025-01-15',
      list: ['a', 1],
    });
  });

  it.each([
    ['a JSON array', '[1, 2]', 'a list'],
    ['a YAML list', '- a\n- b', 'a list'],
    ['a scalar', 'just words', 'a string'],
    ['a number', '42', 'a number'],
    ['null', 'null', 'null'],
    ['broken JSON', '{"ticket": "JIRA-1",}', 'not valid JSON'],
    ['unclosed JSON', '{"ticket": ', 'not valid JSON'],
    ['broken YAML', 'a: b: c', 'not valid YAML'],
    ['duplicate YAML keys', 'a: 1\na: 2', 'not valid YAML'],
    ['a YAML tag', 'blob: !!binary aGVsbG8=', 'not valid YAML'],
    ['a custom YAML tag', 'x: !shell rm -rf', 'not valid YAML'],
    ['a non-string description', '{"description": 5}', 'description'],
    ['an integer beyond 2^53', '{"build": 123456789012345678901}', 'Quote it'],
    ['a number JSON cannot carry', '{"big": 1e400}', 'Quote it'],
  ])('refuses %s under on-error: fail, naming the input', async (_, data, says) => {
    expect(await expectRefused({ data, 'on-error': 'fail' }, 'data')).toContain(says);
  });

  it.each(['auto', 'warn'])('under on-error: %s, leaves out an unusable data with one warning that names it, as track-event v1 did', async (onError) => {
    const settings = await settingsOf({ data: '{"pr": }', 'on-error': onError });
    expect(settings.data).toEqual({});
    expect(settings.warnings).toHaveLength(1);
    expect(settings.warnings[0]).toContain('Input "data" is not valid JSON');
    expect(settings.warnings[0]).toContain('sent without it');
    expect(settings.warnings[0]).not.toMatch(/[\r\n]/);
  });

  it('refuses a YAML alias that refers to itself instead of recursing forever', async () => {
    expect(await expectRefused({ data: 'a: &x [*x]', 'on-error': 'fail' }, 'data')).toContain('nested');
  });

  it('refuses a billion-laughs alias bomb', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');
    await expectRefused({ data: bomb, 'on-error': 'fail' }, 'data');
  });
});

describe('time', () => {
  it.each([
    ['NOW', 'NOW'],
    ['now', 'NOW'],
    ['2025-01-15T14:30:00Z', '2025-01-15T14:30:00Z'],
    ['2025-01-15T14:30:00.123Z', '2025-01-15T14:30:00.123Z'],
    ['2025-01-15T14:30:00+02:00', '2025-01-15T14:30:00+02:00'],
    ['2025-01-15T14:30:00-0530', '2025-01-15T14:30:00-0530'],
    ['2025-01-15t14:30z', '2025-01-15T14:30Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00Z'],
  ])('accepts %s as %s', async (given, sent) => {
    expect((await settingsOf({ time: given })).time).toBe(sent);
  });

  it.each(['2025-01-15T14:30:00', '2025-01-15', '2025-01-15 14:30'])('refuses the bare datetime %s and says to add an offset', async (time) => {
    expect(await expectRefused({ time }, 'time')).toContain('no timezone offset');
  });

  it.each(['yesterday', '2025-02-30T00:00:00Z', '2025-13-01T00:00:00Z', '2025-01-15T24:00:00Z', '2025-01-15T14:30:00+02', '2025-01-15T14:30:00+25:00', '1736951400'])(
    'refuses %s as no ISO 8601 time',
    async (time) => {
      expect(await expectRefused({ time }, 'time')).toContain('not an ISO 8601 time');
    },
  );
});

describe('dataschema', () => {
  it.each(['https://example.com/schemas/deploy.json', 'urn:acme:deploy:v1'])('accepts the URI %s', async (dataschema) => {
    expect((await settingsOf({ dataschema })).dataschema).toBe(dataschema);
  });

  it.each(['schemas/deploy.json', 'https://exa mple.com/x', 'not a uri'])('refuses %s', async (dataschema) => {
    expect(await expectRefused({ dataschema }, 'dataschema')).toContain('URI');
  });
});

describe('on-error, retries, timeout, dry-run', () => {
  it.each(['auto', 'warn', 'fail', 'WARN'])('on-error accepts %s', async (onError) => {
    expect((await settingsOf({ 'on-error': onError })).onError).toBe(onError.toLowerCase());
  });

  it('on-error refuses anything else', async () => {
    expect(await expectRefused({ 'on-error': 'ignore' }, 'on-error')).toContain('auto, warn, fail');
  });

  it('retries takes 0 to 10', async () => {
    expect((await settingsOf({ retries: '0' })).retries).toBe(0);
    expect((await settingsOf({ retries: '10' })).retries).toBe(10);
    for (const retries of ['11', '-1', '2.5', 'three', '1e1']) await expectRefused({ retries }, 'retries');
  });

  it('timeout takes 1 to 600 seconds, in milliseconds inside', async () => {
    expect((await settingsOf({ timeout: '1' })).timeoutMs).toBe(1000);
    expect((await settingsOf({ timeout: '600' })).timeoutMs).toBe(600_000);
    for (const timeout of ['0', '601', '30s', '99999999999999999999']) await expectRefused({ timeout }, 'timeout');
  });

  it('dry-run takes the YAML booleans and refuses others', async () => {
    for (const yes of ['true', 'True', 'TRUE']) expect((await settingsOf({ 'dry-run': yes })).dryRun).toBe(true);
    for (const no of ['false', 'False', 'FALSE']) expect((await settingsOf({ 'dry-run': no })).dryRun).toBe(false);
    await expectRefused({ 'dry-run': 'yes' }, 'dry-run');
  });
});

describe('several bad inputs', () => {
  it('are all reported at once, one line each, in input order', async () => {
    const problems = await problemsOf({ severity: 'huge', time: 'later', retries: 'many' });
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => /Input "([^"]+)"/.exec(p)?.[1])).toEqual(['severity', 'time', 'retries']);
  });

  it('quote a user value JSON-escaped and shortened, so no control character or wall of text reaches the log', async () => {
    const line = await expectRefused({ severity: `\u001b[31mred\u0007${'x'.repeat(500)}` }, 'severity');
    expect(line).not.toMatch(/[\u0000-\u001f]/);
    expect(line.length).toBeLessThan(300);
  });
});

describe('api-url query and fragment', () => {
  it('keeps a query string, which a gateway in front of the API may need', async () => {
    expect((await settingsOf({ 'api-url': 'https://gw.example.com/opstrails?code=abc' })).eventsUrl).toBe('https://gw.example.com/opstrails/api/v1/events?code=abc');
  });

  it('refuses a #fragment, which is never sent', async () => {
    expect(await expectRefused({ 'api-url': 'https://api.opstrails.dev/#x' }, 'api-url')).toContain('fragment');
  });
});

describe('the previous-deploy inputs', () => {
  it('default to no environment (the subject is used), no since, rollback detection on, a 5 s lookup budget', async () => {
    expect(await settingsOf()).toMatchObject({ environment: undefined, since: undefined, detectRollback: true, lookupTimeoutMs: 5000 });
  });

  it('take an environment, a since ref, detect-rollback false and a lookup-timeout', async () => {
    const settings = await settingsOf({ environment: 'Production', since: 'v1.4.0', 'detect-rollback': 'false', 'lookup-timeout': '2' });
    expect(settings).toMatchObject({ environment: 'Production', since: 'v1.4.0', detectRollback: false, lookupTimeoutMs: 2000 });
  });

  it('take a commit to deploy: a SHA, tag or branch; a bad one is refused naming the input and the fix', async () => {
    expect(await settingsOf({ commit: 'v1.9.0' })).toMatchObject({ commit: 'v1.9.0' });
    expect(await settingsOf()).toMatchObject({ commit: undefined });
    expect(await expectRefused({ commit: 'v1..9' }, 'commit')).toContain("leave it empty to deploy the run's own commit");
  });

  it.each(['two words', 'main..dev', 'v1^', 'ref:x', '-rf', 'a'.repeat(256)])('refuses since %j, naming the forms it takes', async (since) => {
    expect(await expectRefused({ since }, 'since')).toContain('SHA, tag or branch');
  });

  it.each(['0', '61', '2.5'])('refuses lookup-timeout %s', async (value) => {
    await expectRefused({ 'lookup-timeout': value }, 'lookup-timeout');
  });
});

describe('type and id under track-job', () => {
  it('leave room for the start type suffix and the end id suffix, and say why', async () => {
    expect((await settingsOf({ 'track-job': 'true', type: 't'.repeat(92) })).type).toHaveLength(92);
    expect(await expectRefused({ 'track-job': 'true', type: 't'.repeat(93) }, 'type')).toContain('-started');
    expect(await expectRefused({ 'track-job': 'true', id: 'i'.repeat(192) }, 'id')).toContain('-finished');
  });
});

describe('readStepPolicy', () => {
  it('reads on-error and track-job even when other inputs are broken, a bad value counting as the default', () => {
    expect(readStepPolicy(raw({ 'on-error': ' WARN ', 'track-job': 'true', severity: 'huge' }))).toEqual({ onError: 'warn', trackJob: true });
    expect(readStepPolicy(raw({ 'on-error': 'sometimes', 'track-job': 'maybe' }))).toEqual({ onError: 'auto', trackJob: false });
  });
});

describe('ticket-pattern', () => {
  it('refuses a pattern over 500 characters before compiling it', async () => {
    expect(await expectRefused({ 'ticket-pattern': `(${'a|'.repeat(300)}b)` }, 'ticket-pattern')).toContain('at most 500');
  });
});
