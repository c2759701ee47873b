// readEventPayload against hostile payloads: within the byte cap, a payload of millions of `{}` or
// values is refused by a linear scan before JSON.parse would spend seconds and gigabytes on it; a real
// payload, braces and commas in its strings included, still parses.
import { mkdtempSync, openSync, closeSync, ftruncateSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, MAX_PAYLOAD_CONTAINERS, MAX_PAYLOAD_VALUES, readEventPayload } from '../../src/context/workflow-context.js';

const dir = mkdtempSync(join(tmpdir(), 'event-payload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function payloadFile(text: string): string {
  const path = join(dir, `event-${files++}.json`);
  writeFileSync(path, text);
  return path;
}

/** `{"a":[{},{},…]}` holding `containers` objects and arrays in all. */
function emptyObjects(containers: number): string {
  return `{"a":[${Array.from({ length: containers - 2 }, () => '{}').join(',')}]}`;
}

describe('readEventPayload bounds', () => {
  it(`reads a payload of exactly ${MAX_PAYLOAD_CONTAINERS} objects and arrays`, () => {
    const { payload, problem } = readEventPayload(payloadFile(emptyObjects(MAX_PAYLOAD_CONTAINERS)));
    expect(problem).toBeUndefined();
    expect((payload.a as unknown[]).length).toBe(MAX_PAYLOAD_CONTAINERS - 2);
  });

  it('refuses one more object, without parsing it', () => {
    expect(readEventPayload(payloadFile(emptyObjects(MAX_PAYLOAD_CONTAINERS + 1)))).toEqual({
      payload: {},
      problem: `the event payload at GITHUB_EVENT_PATH holds more than ${MAX_PAYLOAD_CONTAINERS} objects and arrays, far more than any GitHub webhook; it was not parsed`,
    });
  });

  it(`refuses more than ${MAX_PAYLOAD_VALUES} values in one object or array`, () => {
    const values = `{"a":[${'1,'.repeat(MAX_PAYLOAD_VALUES + 1)}1]}`;
    expect(readEventPayload(payloadFile(values)).problem).toBe(
      `the event payload at GITHUB_EVENT_PATH holds more than ${MAX_PAYLOAD_VALUES} values, far more than any GitHub webhook; it was not parsed`,
    );
  });

  it('does not count braces, brackets and commas inside strings, escaped quotes included', () => {
    const message = `${'{[,'.repeat(MAX_PAYLOAD_VALUES)} \\" {"a": [1, 2]} \\\\`;
    const text = JSON.stringify({ head_commit: { message }, commits: [{ message }] });
    const { payload, problem } = readEventPayload(payloadFile(text));
    expect(problem).toBeUndefined();
    expect(payload).toEqual(JSON.parse(text));
  });

  it('reads a real push payload unchanged', () => {
    const text = readFileSync('test/fixtures/payloads/push.json', 'utf8');
    expect(readEventPayload(payloadFile(text))).toEqual({ payload: JSON.parse(text) });
  });

  it(`does not read a payload over ${MAX_PAYLOAD_BYTES} bytes, GitHub's 25 MB webhook cap`, () => {
    const path = join(dir, 'oversized.json');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, MAX_PAYLOAD_BYTES + 1); // sparse: nothing is written
    closeSync(fd);
    expect(readEventPayload(path)).toEqual({
      payload: {},
      problem: `the event payload at GITHUB_EVENT_PATH is ${MAX_PAYLOAD_BYTES + 1} bytes, over ${MAX_PAYLOAD_BYTES}; it was not read`,
    });
  });
});
