// Links from payloads and answers: which are kept, and how.
import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH, safeUrl } from '../../src/common/safe-url.js';

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
