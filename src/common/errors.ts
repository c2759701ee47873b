// One error class per cause, decided once where the cause is known and used everywhere else to choose
// between failing the step and warning (see verdict.ts).

/** The user's configuration is wrong: an input, or the event it produces. Never retried; fix and re-run. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** One line per problem, each naming the input and the fix. */
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}

/**
 * How a delivery ended badly.
 * - `rejected`: the server refused the event or the key (400, 401, 403, 404), or `api-url` redirects for
 *   good (301, 308): a configuration problem.
 * - `unavailable`: network error, timeout, 5xx, rate limit, a temporary redirect, or a 2xx that is not the
 *   API's answer (recorded or not, no one can tell): an outage on the way or at OpsTrails.
 * - `quota`: the monthly quota is used up; retrying cannot help, but it is not the user's input either.
 */
export type DeliveryFailureKind = 'rejected' | 'unavailable' | 'quota';

export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    readonly kind: DeliveryFailureKind,
    message: string,
    /** How many HTTP attempts were made before giving up. */
    readonly attempts: number,
  ) {
    super(message);
  }
}
