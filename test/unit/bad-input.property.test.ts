// Bad input, in-process and property-based: whatever the inputs, parseSettings answers with Settings or
// with one line per problem naming the input; no input reaches a prototype; the key is never quoted.
// The bundled process gets the same treatment, fewer runs, in test/e2e/bad-input.test.ts.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkflowContext } from '../../src/context/workflow-context.js';
import { parseDataInput } from '../../src/inputs/data-input.js';
import { ConfigError } from '../../src/common/errors.js';
import { buildEvent } from '../../src/event/cloud-event.js';
import { protectSecrets, redact } from '../../src/runner/output.js';
import { summaryMarkdown } from '../../src/steps/report.js';
import { parseSettings, parseTime, resolveEventsUrl, type Settings } from '../../src/inputs/settings.js';
import { INPUT_NAMES, type InputName, type RawInputs } from '../../src/inputs/names.js';
import { validationError } from '../support/fake-opstrails.js';

const KEY = 'ot_prop_K3y_0123456789abcdef';

/** Text of the kinds users and attackers put into inputs. */
const nastyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u0007', '\u001b', '\n', '\r', '\t', '\u2028', '\ud800', '\udfff', '"', '\\', '|', '<', '`', '$', '{', '}', ':', '-', ' '), maxLength: 40 }),
  fc.constantFrom('__proto__', 'constructor', 'NOW', 'true', '1e400', '99999999999999999999', '-0', 'NaN', ''),
  fc.constant(KEY),
  fc.integer({ min: 9_000, max: 11_000 }).map((n) => 'x'.repeat(n)),
);

/** One value per input: mostly nasty, sometimes a plausible good value, so both paths are walked. */
const inputValue = (name: InputName) => {
  const good: Partial<Record<InputName, fc.Arbitrary<string>>> = {
    'api-key': fc.constant(KEY),
    severity: fc.constantFrom('low', 'MINOR', 'Major', 'critical'),
    time: fc.date({ noInvalidDate: true, min: new Date('1970-01-01'), max: new Date('9999-12-31') }).map((d) => d.toISOString()),
    data: fc.jsonValue().map((v) => JSON.stringify(v)),
    retries: fc.integer({ min: -5, max: 20 }).map(String),
    timeout: fc.integer({ min: -5, max: 700 }).map(String),
    'api-url': fc.constantFrom('https://api.opstrails.dev', 'http://127.0.0.1:1', 'https://api.opstrails.dev/api/mcp/mcp', 'http://example.com', 'https://x.opstrails.dev'),
  };
  return fc.oneof(nastyText, good[name] ?? fc.string({ maxLength: 60 }));
};

const rawInputs: fc.Arbitrary<RawInputs> = fc
  .record(Object.fromEntries(INPUT_NAMES.map((name) => [name, inputValue(name)])) as Record<InputName, fc.Arbitrary<string>>, {
    requiredKeys: [],
  })
  .map((partial) => ({ ...Object.fromEntries(INPUT_NAMES.map((name) => [name, ''])), ...partial }) as RawInputs);

const NAMED_INPUT = new RegExp(`"(${INPUT_NAMES.join('|')})"`);

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('parseSettings on any inputs', () => {
  it('returns Settings or throws a ConfigError of single lines that each name an input, never the key', async () => {
    protectSecrets([KEY]);
    await fc.assert(
      fc.asyncProperty(rawInputs, async (raw) => {
        let settings: Settings | undefined;
        try {
          settings = await parseSettings(raw, {});
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          const problems = (error as ConfigError).problems;
          expect(problems.length).toBeGreaterThan(0);
          for (const line of problems) {
            expect(line).not.toMatch(/[\r\n\u2028\u2029]/);
            expect(line).toMatch(NAMED_INPUT);
            expect(redact(line)).not.toContain(KEY);
            // The api-key input is never quoted (a key pasted into another input is, and then redacted).
            const key = raw['api-key'].trim();
            const elsewhere = INPUT_NAMES.some((name) => name !== 'api-key' && raw[name].includes(key));
            if (key.length >= 8 && !elsewhere) expect(line).not.toContain(key);
          }
        }
        if (settings) {
          expect(settings.eventsUrl).toMatch(/^(https:\/\/[^/]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?)(\/.*)?\/api\/v1\/events$/);
          expect(Object.getPrototypeOf(settings.data)).toBe(Object.prototype);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('builds, from any Settings it accepts, an event the OpsTrails rules accept, or refuses it in one line', async () => {
    const context = buildWorkflowContext({ GITHUB_REPOSITORY: 'acme/api', GITHUB_SHA: 'a'.repeat(40), GITHUB_SERVER_URL: 'https://github.com' }, {});
    const change = { data: {}, description: undefined, version: undefined, subject: undefined };
    await fc.assert(
      fc.asyncProperty(rawInputs, async (raw) => {
        let settings: Settings;
        try {
          settings = await parseSettings({ ...raw, 'track-job': '' }, {});
        } catch {
          return;
        }
        try {
          const { event } = buildEvent({ settings, context, change, id: settings.id ?? 'generated-id', now: new Date() });
          const json = JSON.stringify(event);
          expect(validationError(JSON.parse(json) as Record<string, unknown>, json)).toBeUndefined();
          protectSecrets([KEY]);
          const summary = redact(summaryMarkdown({ event, status: 'dry-run' }));
          expect(summary).not.toContain(KEY);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          for (const line of (error as ConfigError).problems) expect(line).not.toMatch(/[\r\n]/);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('data', () => {
  const jsonObject = fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted')), fc.jsonValue({ maxDepth: 4 }), {
    maxKeys: 8,
  });

  it('round-trips any JSON object exactly, __proto__ and constructor as plain keys', async () => {
    await fc.assert(
      fc.asyncProperty(jsonObject, async (object) => {
        const text = JSON.stringify(object);
        let data: Record<string, unknown>;
        try {
          data = await parseDataInput(text);
        } catch (error) {
          // The only refusals: a non-text description, or an integer JSON cannot keep exactly.
          expect(error).toBeInstanceOf(ConfigError);
          expect((error as ConfigError).problems[0]).toMatch(/description|too large to keep exactly/);
          return;
        }
        expect(JSON.stringify(data)).toBe(text);
        expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
        if (Object.hasOwn(object, '__proto__')) expect(Object.hasOwn(data, '__proto__')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['JSON', '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}'],
    ['YAML', '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n'],
    ['YAML with a merge key', 'base: &b {polluted: yes}\n__proto__:\n  <<: *b\n'],
  ])('keeps __proto__ in %s a plain key, all the way into the sent event', async (_, text) => {
    const data = await parseDataInput(text);
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect((data as { polluted?: unknown }).polluted).toBeUndefined();
    const settings = await parseSettings({ ...(Object.fromEntries(INPUT_NAMES.map((n) => [n, ''])) as RawInputs), 'api-key': KEY, data: text }, {});
    const context = buildWorkflowContext({ GITHUB_REPOSITORY: 'acme/api' }, {});
    const { event } = buildEvent({ settings, context, change: { data: {}, description: undefined, version: undefined, subject: undefined }, id: 'e', now: new Date() });
    expect(Object.hasOwn(event.data, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(event.data)).toBe(Object.prototype);
    expect(JSON.stringify(event)).toContain('"__proto__":{');
  });

  it('refuses, in one line naming data, the YAML that attacks parsers', async () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((n, i) => `${n}: &${n} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)].join('\n');
    for (const text of [laughs, 'a: &x [*x]', 'x: !!js/function "function(){}"', 'x: !!binary aGk=', 'x: !!set {a}', '--- a\n--- b', 'x: .inf', 'x: 123456789012345678901234', `${'['.repeat(5000)}${']'.repeat(5000)}`]) {
      const error = await parseDataInput(text).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, text.slice(0, 40)).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(1);
      expect((error as ConfigError).problems[0]).toMatch(/^Input "data"/);
    }
  });
});

describe('parser messages that quote the input', () => {
  it.each([
    ['broken JSON over several lines', '{\n"ticket": JIRA-1\n}'],
    ['broken JSON with a line separator and a bidi override', '{"a":\u2028 \u202e1,}'],
    ['a YAML error on a later line', 'a: 1\nb: [\n\u0085c'],
  ])('stay one line for %s', async (_, data) => {
    const error = await parseDataInput(data).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems[0]).not.toMatch(/[\u0000-\u001f\u0085\u2028\u2029\u202e]/);
  });
});

describe('time and api-url on any text', () => {
  it('time: NOW, or a time OpsTrails accepts and Date can read, or a refusal naming time', () => {
    const timeLike = fc.oneof(
      fc.string(),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc
        .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 }), fc.constantFrom('Z', '+02:00', '-0530', '+24:00', '', '+02'))
        .map(([y, mo, d, h, mi, z]) => `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:00${z}`),
    );
    fc.assert(
      fc.property(timeLike, (raw) => {
        try {
          const time = parseTime(raw);
          if (time === 'NOW') return;
          expect(Number.isNaN(Date.parse(time))).toBe(false);
          expect(validationError({ specversion: '1.0', type: 't', source: 's', time }, '{}')).toBeUndefined();
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          expect((error as ConfigError).problems[0]).toMatch(/^Input "time"/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('api-url: an https endpoint, or http on loopback, or a refusal naming api-url', () => {
    const urlLike = fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.webUrl().map((u) => `${u}/api/mcp/mcp`));
    fc.assert(
      fc.property(urlLike, (raw) => {
        try {
          const url = new URL(resolveEventsUrl(raw));
          expect(url.pathname.endsWith('/api/v1/events')).toBe(true);
          expect(url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)).toBe(true);
          expect(url.username + url.password).toBe('');
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          expect((error as ConfigError).problems[0]).toMatch(/^Input "api-url"/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
