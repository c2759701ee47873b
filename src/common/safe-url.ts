// Links from payloads and API answers made safe to carry in an event. Whoever reads the event (the
// OpsTrails timeline, its assistant, a replay) may open them, so only web links are kept: a
// `javascript:`, `data:` or `vbscript:` link would run in the reader's browser, credentials in a link
// (`user:pass@`) would be recorded for everyone who can read the timeline, and a link longer than any
// real page's would crowd out the facts the event is about.

/** Longest link kept: real pages of GitHub and the deploy platforms are far shorter; browsers cut near this. */
export const MAX_URL_LENGTH = 2000;

const WEB_SCHEMES: ReadonlySet<string> = new Set(['https:', 'http:']);

export type SafeUrl = { url: string; dropped?: undefined } | { url?: undefined; dropped: string };

/**
 * The link as it may be carried, or why it was dropped: not a URL, a scheme other than https/http, or
 * over MAX_URL_LENGTH. Credentials are removed, not a reason to drop; a link is never cut, because a cut
 * link leads to another page.
 */
export function safeUrl(value: string): SafeUrl {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return { dropped: 'not a URL' };
  }
  if (!WEB_SCHEMES.has(parsed.protocol)) return { dropped: `the scheme ${parsed.protocol} is not https or http` };
  parsed.username = '';
  parsed.password = '';
  const url = parsed.href === value || parsed.href === `${value}/` ? value : parsed.href;
  if (url.length > MAX_URL_LENGTH) return { dropped: `it is ${url.length} characters, over ${MAX_URL_LENGTH}` };
  return { url };
}
