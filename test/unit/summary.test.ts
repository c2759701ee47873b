// The job summary as GitHub shows it: rendered with a GitHub Flavored Markdown renderer (marked, GFM on),
// and read as HTML. What counts is what renders, not what the escaping code meant to do: no text the
// action did not write may become a link, an image, an e-mail link, a mention or HTML.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { CloudEvent } from '../../src/event/cloud-event.js';
import { summaryMarkdown, type EventReport } from '../../src/steps/report.js';

const REPO = 'https://github.com/acme/api-service';
const RUN = `${REPO}/actions/runs/1658821493/attempts/1`;
const SHA = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';
const PREVIOUS = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b';

function render(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false });
}

/** Every link target, image, and tag name in rendered HTML, and its text outside code blocks. */
function readHtml(html: string): { hrefs: string[]; tags: Set<string>; text: string } {
  const hrefs = [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const tags = new Set([...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
  const outsideCode = html.replace(/<pre>[\s\S]*?<\/pre>/g, '');
  const text = outsideCode
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return { hrefs, tags, text };
}

/** What GitHub would turn into a link or a mention on the rendered text. */
const LIVE_TEXT = [/https?:\/\//i, /\bwww\./i, /(^|[^\w])@\w/, /\b[\w.+-]+@[\w-]+\.[\w.]+/];
const ALLOWED_TAGS = new Set(['h3', 'h4', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'code', 'strong', 'details', 'summary', 'pre']);

function expectInert(markdown: string): void {
  const { hrefs, tags, text } = readHtml(render(markdown));
  for (const href of hrefs) expect(href.startsWith(`${REPO}/`), href).toBe(true);
  for (const tag of tags) expect(ALLOWED_TAGS.has(tag), `<${tag}>`).toBe(true);
  for (const pattern of LIVE_TEXT) expect(text, String(pattern)).not.toMatch(pattern);
}

const HOSTILE = [
  'https://evil.example/login',
  'www.evil.example',
  'see <https://evil.example> and [click](https://evil.example) ![x](https://evil.example/i.png)',
  '@octocat please approve',
  'mail admin@evil.example now',
  '<img src=x onerror=alert(1)><script>alert(1)</script>',
  'HTTPS://EVIL.EXAMPLE',
  '| broken | cell |\n# heading\n> quote',
  'javascript:alert(1)',
  '`code` **bold** _em_ ~~gone~~ \\',
];

function event(text: string): CloudEvent {
  return {
    specversion: '1.0',
    id: text,
    type: 'deployment',
    source: '//github.com/acme/api-service',
    subject: text,
    version: text,
    time: '2025-01-10T12:00:00.000Z',
    datacontenttype: 'application/json',
    data: {
      repository: 'acme/api-service',
      commit: SHA,
      description: text,
      tickets: [text, 'OPS-6'],
      authors: [text, 'mona'],
      pull_requests: [{ number: 23, title: text, url: text }],
      commits: { count: 30, list: [{ sha: SHA, message: text, author: text }, { sha: text, message: 'x', author: 'y' }] },
      previous: { commit: PREVIOUS, version: text, deployed_at: '2025-01-07T12:00:00Z', url: text, found_by: text },
      restores: { version: text, seconds: 300 },
      rollback_of: text,
      reverted: text,
      outcome: text,
      context_id: text,
      compare_url: text,
      links: { run: text },
    },
  };
}

describe('the job summary, rendered as GitHub Flavored Markdown', () => {
  it('the check itself sees a bare URL, a mention and a link when they are there', () => {
    const { hrefs, text } = readHtml(render('see https://evil.example and @octocat, [x](https://evil.example)'));
    expect(hrefs).toContain('https://evil.example');
    expect(text).toMatch(LIVE_TEXT[2]!);
  });

  it.each(HOSTILE)('keeps untrusted text inert: %j', (text) => {
    const report: EventReport = { event: event(text), status: 'failed', failure: text, storedId: text, storedTime: text, runUrl: RUN };
    expectInert(summaryMarkdown(report));
    const start = { event: { ...event(text), type: 'deployment-started', data: { ...event(text).data, phase: 'started' } }, status: 'sent' as const, id: text };
    const end = { ...event(text), data: { ...event(text).data, phase: 'finished', duration_seconds: 90 } };
    expectInert(summaryMarkdown({ event: end, status: 'sent', runUrl: RUN, start }));
    expectInert(summaryMarkdown({ event: { ...event(text), type: 'rollback' }, status: 'dry-run', runUrl: RUN }));
  });

  it('links pull requests, commits and the compare view, all on the repository', () => {
    const good = event('plain');
    good.data.commits = { count: 2, list: [{ sha: SHA, message: 'Merge pull request #23 from acme/x', author: 'mona' }, { sha: PREVIOUS.replace('9', '8'), message: 'Fix it', author: 'dana' }] };
    delete good.data.rollback_of;
    const html = render(summaryMarkdown({ event: good, status: 'sent', runUrl: RUN }));
    const { hrefs } = readHtml(html);
    expect(hrefs).toEqual([`${REPO}/pull/23`, `${REPO}/commit/${PREVIOUS.replace('9', '8')}`, `${REPO}/compare/${PREVIOUS}...${SHA}`, RUN]);
    // The merge commit of #23 is the pull request's row, not a second one.
    expect(html).not.toContain(`${REPO}/commit/${SHA}`);
  });
});
