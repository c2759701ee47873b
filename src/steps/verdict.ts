// What a problem does to the step: fail it or only warn, decided once from the error's cause and `on-error`.
import { ConfigError, type DeliveryError } from '../common/errors.js';
import type { OnError } from '../inputs/settings.js';

export type Verdict = 'fail' | 'warn';

/**
 * - `auto`: a configuration problem (bad input, or the server refusing the event or the key) fails the
 *   step, because re-running will not help until someone fixes it; an outage (network, timeout, 5xx,
 *   rate limit, quota) only warns, because OpsTrails being down must not break a deploy.
 * - `warn`: never fail. `fail`: fail on anything.
 */
export function verdictFor(error: ConfigError | DeliveryError, onError: OnError): Verdict {
  if (onError === 'warn') return 'warn';
  if (onError === 'fail') return 'fail';
  if (error instanceof ConfigError) return 'fail';
  return error.kind === 'rejected' ? 'fail' : 'warn';
}
