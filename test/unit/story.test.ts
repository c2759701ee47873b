// The story line is a pure function of the event as sent: these cases hold the keys other parts of the
// action may or may not add (restores, removed, scanned ranges, paths, forks), present and absent.
import { describe, expect, it } from 'vitest';
import type { CloudEvent } from '../../src/event/cloud-event.js';
import { span } from '../../src/common/log-text.js';
import { storyLines } from '../../src/steps/story.js';

function event(type: string, data: Record<string, unknown>, extra: Partial<CloudEvent> = {}): CloudEvent {
  return { specversion: '1.0', id: 'evt-1', type, source: '//github.com/acme/api', subject: 'PRODUCTION', version: '1.4.2', time: '2025-01-10T12:00:00Z', datacontenttype: 'application/json', data: { repository: 'acme/api', ...data }, ...extra };
}
const line = (e: CloudEvent, status: 'sent' | 'dry-run' = 'sent') => storyLines(e, { status, storedId: 'srv-9' }).info;

describe('the story line', () => {
  it("the issue's example: what shipped since the previous deploy, and the lead time", () => {
    const e = event('deployment', {
      commits: { count: 7, list: [] },
      pull_requests: [{ number: 1 }, { number: 2 }, { number: 3 }],
      previous: { version: '1.4.1', found_by: 'deployment', deployed_at: '2025-01-08T12:00:00Z' },
      lead_time_seconds: 5 * 3600 + 12 * 60,
    });
    expect(line(e)).toBe('Recorded deployment of api 1.4.2 to PRODUCTION: 7 commits, 3 pull requests since 1.4.1 (deployment, 2 days ago), lead time 5 h 12 min');
    expect(storyLines(e, { status: 'sent', storedId: 'srv-9' }).debug).toBe('OpsTrails event id srv-9 (deployment, at 2025-01-10T12:00:00Z).');
  });

  it('a bare event: the type, the thing, the version and where, nothing invented', () => {
    expect(line(event('config-change', {}, { subject: undefined }))).toBe('Recorded config-change of api 1.4.2');
    expect(line(event('deployment', {}), 'dry-run')).toBe('Dry run, nothing sent: would record deployment of api 1.4.2 to PRODUCTION');
  });

  it('a rollback: what it rolls back, what it takes out (data.removed when present)', () => {
    expect(line(event('rollback', { rollback_of: '1.4.3', commits: { count: 2 } }))).toBe('Recorded rollback of api 1.4.2 on PRODUCTION: rolls back 1.4.3, takes out 2 commits');
    expect(line(event('rollback', { rollback_of: '1.4.3', removed: { count: 4, list: [] }, commits: { count: 2 } }))).toBe('Recorded rollback of api 1.4.2 on PRODUCTION: rolls back 1.4.3, takes out 4 commits');
  });

  it('a restore, a revert, paths, a fork and a partial range', () => {
    const e = event('deployment', {
      commits: { count: 450, scanned: 120, range_count: 450 },
      restores: { commit: 'abcdef0123', version: '1.4.1', failed_at: '2025-01-10T11:35:00Z', seconds: 1500 },
      reverted: ['a', 'b'],
      paths: ['services/api', 'libs/db'],
      fork: true,
    });
    expect(line(e)).toBe(
      "Recorded deployment of api 1.4.2 to PRODUCTION: 450 commits, partial: 120 of 450 read, in services/api, libs/db, restores service 25 min after 1.4.1 failed, reverts 2 commits, from a fork's run",
    );
  });

  it("keys of another shape count as absent, and the line can't become a command", () => {
    const odd = event('deployment', { commits: 'many', previous: [], restores: 'x', paths: 7, lead_time_seconds: -5 }, { subject: '::error::x\n##[warning]y' });
    expect(line(odd)).toBe('Recorded deployment of api 1.4.2 to ::error::x #\u200b#[warning]y');
  });

  it('a start and an end of a tracked job, each in its own words', () => {
    expect(line(event('deployment-started', { phase: 'started' }))).toBe('Recorded the start of a deployment of api 1.4.2 to PRODUCTION. The end event, with the outcome and duration, follows when the job ends');
    expect(line(event('deployment', { phase: 'finished', outcome: 'success', duration_seconds: 312 }))).toBe('Recorded deployment of api 1.4.2 to PRODUCTION: success after 5 min');
  });

  it('spans read as a person says them', () => {
    expect([45, 720, 5 * 3600, 5 * 3600 + 12 * 60, 3 * 86400].map(span)).toEqual(['45 s', '12 min', '5 h', '5 h 12 min', '3 days']);
  });
});
