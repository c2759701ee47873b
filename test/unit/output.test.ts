// The one cleaning of everything the action writes or sends (src/runner/output.ts).
import { describe, expect, it } from 'vitest';
import { cleanText, cleanValue, protectSecrets } from '../../src/runner/output.js';

const KEY = 'ot_clean_key_0123456789';
const TOKEN = 'ghs_cleanToken0123456789abcdef';

describe('cleanText and cleanValue', () => {
  it('redact both secrets and remove C1 controls and bidi overrides, nothing else', () => {
    protectSecrets([KEY, undefined, TOKEN]);
    expect(cleanText(`key ${KEY}, token ${TOKEN}\u009b\u202e\u2066 é ü \u200b\n\t`)).toBe('key ***, token *** é ü \u200b\n\t');
  });

  it('clean every string of a value, keys included, and keep __proto__ a plain key', () => {
    protectSecrets([KEY, undefined, TOKEN]);
    const value = JSON.parse(`{"__proto__": {"polluted": true}, "${TOKEN}": ["a\\u0085b", {"url": "https://x.example/?t=${TOKEN}"}], "n": 1, "ok": null}`) as unknown;
    const cleaned = cleanValue(value) as Record<string, unknown>;
    expect(JSON.stringify(cleaned)).toBe('{"__proto__":{"polluted":true},"***":["ab",{"url":"https://x.example/?t=***"}],"n":1,"ok":null}');
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
