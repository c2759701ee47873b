// What a problem does to the step: fail it, only warn, or fail the job later, decided once from the
// error's cause, `on-error` and where the step stands relative to the deploy.
import { ConfigError, type DeliveryError } from '../common/errors.js';
import type { OnError } from '../inputs/settings.js';

/**
 * - `fail`: an error annotation, and the step fails now.
 * - `warn`: a warning, and the step goes on.
 * - `defer`: an error annotation, the step goes on so the deploy after it runs, and the post step fails
 *   the job once the deploy is done: the problem stays red without OpsTrails holding up the deploy.
 */
export type Verdict = 'fail' | 'warn' | 'defer';

/**
 * Where the step stands: `alone` is a step placed after the deploy (nothing left to protect), `job-start`
 * the main step of a tracked job (the deploy comes after it), `job-end` its post step (the deploy is done).
 */
export type Moment = 'alone' | 'job-start' | 'job-end';

/**
 * - `auto`: a configuration problem (bad input, or the server refusing the event or the key) fails,
 *   because re-running will not help until someone fixes it; an outage (network, timeout, 5xx, rate
 *   limit, quota) only warns, because OpsTrails being down must not break a deploy. At the start of a
 *   tracked job the failure waits for the post step (`defer`), so the deploy still runs; at its end, the
 *   end event's delivery only warns, as the deploy it reports on is done.
 * - `warn`: never fail. `fail`: fail on anything, at once.
 */
export function verdictFor(error: ConfigError | DeliveryError, onError: OnError, moment: Moment = 'alone'): Verdict {
  if (onError === 'warn') return 'warn';
  if (onError === 'fail') return 'fail';
  const configuration = error instanceof ConfigError || error.kind === 'rejected';
  if (!configuration) return 'warn';
  if (moment === 'job-start') return 'defer';
  if (moment === 'job-end' && !(error instanceof ConfigError)) return 'warn';
  return 'fail';
}
