// The action's inputs by their action.yml names, and the raw strings the runner gives for them.

/** Every input the action declares, by its action.yml name. */
export const INPUT_NAMES = [
  'api-key',
  'api-url',
  'type',
  'source',
  'subject',
  'severity',
  'version',
  'description',
  'data',
  'id',
  'time',
  'dataschema',
  'on-error',
  'retries',
  'timeout',
  'dry-run',
  'track-job',
  'failure-severity',
  'job-status',
  'check-run-id',
  'github-token',
  'ticket-pattern',
  'rollback-of',
  'include-context',
  'environment',
  'paths',
  'since',
  'commit',
  'detect-rollback',
  'lookup-timeout',
  'observe-forks',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];
export type RawInputs = Readonly<Record<InputName, string>>;
