// What a problem does to the step, for every cause, policy and place of the step (verdict.ts): OpsTrails
// never blocks a deploy by itself, and on-error: fail still fails at once.
import { describe, expect, it } from 'vitest';
import { ConfigError, DeliveryError, type DeliveryFailureKind } from '../../src/common/errors.js';
import { verdictFor, type Moment } from '../../src/steps/verdict.js';
import type { OnError } from '../../src/inputs/settings.js';

const config = new ConfigError('Input "api-key" is required.');
const delivery = (kind: DeliveryFailureKind) => new DeliveryError(kind, kind, 1);

describe('verdictFor', () => {
  // [cause, on-error, moment, verdict]
  const table: Array<[string, ConfigError | DeliveryError, OnError, Moment, string]> = [
    ['a missing key', config, 'auto', 'alone', 'fail'],
    ['a missing key', config, 'auto', 'job-start', 'defer'],
    ['a missing key', config, 'fail', 'job-start', 'fail'],
    ['a missing key', config, 'warn', 'job-start', 'warn'],
    ['a 401', delivery('rejected'), 'auto', 'alone', 'fail'],
    ['a 401', delivery('rejected'), 'auto', 'job-start', 'defer'],
    ['a 401', delivery('rejected'), 'auto', 'job-end', 'warn'],
    ['a 401', delivery('rejected'), 'fail', 'job-start', 'fail'],
    ['a 401', delivery('rejected'), 'fail', 'job-end', 'fail'],
    ['an outage', delivery('unavailable'), 'auto', 'job-start', 'warn'],
    ['an outage', delivery('unavailable'), 'auto', 'alone', 'warn'],
    ['a used-up quota', delivery('quota'), 'auto', 'job-start', 'warn'],
    ['an outage', delivery('unavailable'), 'fail', 'alone', 'fail'],
    ['a bad input in the post step', config, 'auto', 'job-end', 'fail'],
  ];
  it.each(table)('%s under on-error: %s, %s: %s', (_, error, onError, moment, verdict) => {
    expect(verdictFor(error, onError, moment)).toBe(verdict);
  });
});
