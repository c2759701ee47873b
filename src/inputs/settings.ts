// Action inputs -> one typed, validated Settings object. The only module that parses inputs; their names
// are in names.ts.
//
// parseSettings is pure: it takes the raw input strings and the few environment variables that act as
// input defaults, and either returns Settings or throws a ConfigError with one line per bad input.
// Every line names the input, what is wrong and how to fix it. Values are quoted shortened and
// JSON-escaped; the API key's value is never quoted.
import { ConfigError } from '../common/errors.js';
import { parseDataInput } from './data-input.js';
import { INPUT_DEFAULTS } from './defaults.js';
import type { InputName, RawInputs } from './names.js';
import { isIsoTimeWithOffset } from '../common/iso-time.js';
import { LIMITS, SEVERITIES, type Severity } from '../common/contract.js';
import { oneLine, quote } from '../common/log-text.js';
import { END_ID_SUFFIX, PAIRED_TRIGGERS, START_TYPE_SUFFIX } from '../common/step-contract.js';

export const DEFAULT_API_URL = 'https://api.opstrails.dev';
export const EVENTS_PATH = '/api/v1/events';

export type OnError = 'auto' | 'warn' | 'fail';

export interface Settings {
  /** Bearer key; absent only in a dry run. */
  apiKey: string | undefined;
  /** Full URL events are POSTed to: `{api-url}/api/v1/events`, with the query string the user gave. */
  eventsUrl: string;
  type: string;
  /** The event source; absent means "derive from the repository" (see cloud-event.ts). */
  source: string | undefined;
  /** The environment; absent means "derive from a deployment run, if any". */
  subject: string | undefined;
  severity: Severity | undefined;
  /** Absent means "derive from the tag, release or commit". */
  version: string | undefined;
  /** Absent means "derive from the pull request or head commit". */
  description: string | undefined;
  /** The user's own `data` keys; they win over the keys the action fills in. */
  data: Record<string, unknown>;
  /** Event id; absent means a new UUID per event. */
  id: string | undefined;
  /** `NOW` or an ISO 8601 time with offset; absent means the moment the step ran. */
  time: string | undefined;
  dataschema: string | undefined;
  onError: OnError;
  /** Retries after the first attempt. */
  retries: number;
  /** Deadline for the whole delivery, retries and waits included. */
  timeoutMs: number;
  dryRun: boolean;
  trackJob: boolean;
  /** Severity of the end event when the job failed or was cancelled. */
  failureSeverity: Severity | undefined;
  /** `job.status` as the runner evaluates it for this step (hidden input). */
  jobStatus: string | undefined;
  /** `job.check_run_id` (hidden input), for a link to the exact job. */
  checkRunId: string | undefined;
  /** Token for the GitHub API lookups (pull request, previous deploy, compare). */
  githubToken: string | undefined;
  /** Replaces the ticket key pattern (e.g. `JIRA-1234`); compiled once here. */
  ticketPattern: RegExp | undefined;
  /** Event id or version this run undoes. */
  rollbackOf: string | undefined;
  /** `false`: send only what the user gave, no workflow context. */
  includeContext: boolean;
  /** The GitHub environment whose previous deployment the change is counted from; absent means the subject. */
  environment: string | undefined;
  /** Glob patterns (`!` excludes) of the files a service is built from: what shipped counts only commits touching them. */
  paths: readonly string[] | undefined;
  /** Commit SHA, tag or branch the change is counted from, instead of finding the previous deploy. */
  since: string | undefined;
  /** The commit SHA, tag or branch this run deploys, when not the run's own commit. */
  commit: string | undefined;
  /** Record a deploy of a commit behind the previous deploy as a rollback. */
  detectRollback: boolean;
  /** Deadline shared by every GitHub API lookup of the step. */
  lookupTimeoutMs: number;
  /** Observer mode records runs of forks' code too (never as a counted type), instead of skipping them. */
  observeForks: boolean;
  /** Problems that do not stop the event (an unusable `data` under on-error auto or warn), one line each. */
  warnings: readonly string[];
}

/** The two inputs that decide how a step ends, read even when the others cannot be parsed. */
export interface StepPolicy {
  onError: OnError;
  trackJob: boolean;
}

/** Reads what parseSettings needs from the environment besides inputs: documented fallbacks only. */
export interface SettingsEnv {
  OPSTRAILS_API_KEY?: string | undefined;
  OPSTRAILS_API_URL?: string | undefined;
  /** Whether the run's trigger pairs start and end events (workflow_run, deployment_status). */
  GITHUB_EVENT_NAME?: string | undefined;
}

/**
 * RFC 6750 b64token. Besides refusing a pasted key with a space or line break in it, this keeps the key
 * free of characters that JSON, HTML or the runner's log would escape, so the redactor finds every copy.
 */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
/** Shorter than any real key; a value this short could not be told apart from ordinary log text when redacted. */
const MIN_KEY_LENGTH = 8;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** `api-url` -> the events endpoint, refusing the URLs users paste by mistake. */
export function resolveEventsUrl(raw: string): string {
  const fix = `Set it to the API base URL, ${DEFAULT_API_URL}, or leave it empty.`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`Input "api-url" ${quote(raw)} is not a URL. ${fix}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`Input "api-url" must use https://, not ${url.protocol}//. ${fix}`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(
      `Input "api-url" uses http:// for ${url.hostname}; the key would travel in clear text. Use https:// (http:// is allowed only for localhost).`,
    );
  }
  if (url.username || url.password) {
    throw new ConfigError(`Input "api-url" must not carry credentials. Pass the key in "api-key" instead.`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  const mcp = /\/api\/mcp(\/|$)/.exec(path);
  if (mcp) {
    const base = `${url.origin}${path.slice(0, mcp.index)}`;
    throw new ConfigError(`Input "api-url" is the MCP endpoint, which is read-only and serves AI assistants. Set it to the API base URL, ${base}, or leave it empty.`);
  }
  if (/(^|\.)opstrails\.dev$/.test(url.hostname) && !url.hostname.startsWith('api.')) {
    throw new ConfigError(`Input "api-url" points at the OpsTrails console or website, not its API. ${fix}`);
  }
  if (url.hash) {
    throw new ConfigError(`Input "api-url" has a #fragment, which is never sent to the server. Remove it: ${fix}`);
  }
  // Users paste the base, the versioned prefix or the full endpoint: all three name the same endpoint.
  // A query string is kept: a gateway in front of the API may need one (e.g. ?code= of Azure Functions).
  const base = path.replace(/\/api\/v1(\/events)?$/, '');
  return `${url.origin}${base}${EVENTS_PATH}${url.search}`;
}

const ISO_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?$/;

/** `NOW`, or an ISO 8601 time with offset (T and Z in upper case, as every reader accepts them). */
export function parseTime(raw: string): string {
  const value = raw.toUpperCase();
  if (value === 'NOW') return 'NOW';
  if (isIsoTimeWithOffset(value)) return value;
  if (ISO_WITHOUT_OFFSET.test(value)) {
    throw new ConfigError(
      `Input "time" ${quote(raw)} has no timezone offset, and OpsTrails rejects such times. Append "Z" for UTC or an offset like "+02:00", or use NOW.`,
    );
  }
  throw new ConfigError(
    `Input "time" ${quote(raw)} is not an ISO 8601 time. Use a time with offset like "2025-01-15T14:30:00Z", or NOW, or leave it empty for the moment the step ran.`,
  );
}

function parseBoolean(input: InputName, raw: string): boolean {
  // The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new ConfigError(`Input "${input}" ${quote(raw)} is not a boolean. Use true or false.`);
}

function parseInteger(input: InputName, raw: string, min: number, max: number, unit: string): number {
  const value = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`Input "${input}" ${quote(raw)} is not a whole number of ${unit} from ${min} to ${max}.`);
  }
  return value;
}

function parseSeverity(input: InputName, raw: string): Severity {
  const value = raw.trim().toUpperCase();
  if (!(SEVERITIES as readonly string[]).includes(value)) {
    throw new ConfigError(`Input "${input}" ${quote(raw)} is not one of ${SEVERITIES.join(', ')}. Use one of those or leave it empty.`);
  }
  return value as Severity;
}

function parseOnError(raw: string): OnError {
  const value = raw.trim().toLowerCase();
  if (value === 'auto' || value === 'warn' || value === 'fail') return value;
  throw new ConfigError(`Input "on-error" ${quote(raw)} is not one of auto, warn, fail.`);
}

function parseUri(raw: string): string {
  // CloudEvents: dataschema is an absolute URI.
  if (!/^[a-z][a-z0-9+.-]*:[^\s\u0000-\u001f\u007f]+$/i.test(raw) || !URL.canParse(raw)) {
    throw new ConfigError(`Input "dataschema" ${quote(raw)} is not an absolute URI. Use a URL like https://example.com/schemas/deploy.json.`);
  }
  return raw;
}

/** Far longer than any ticket pattern; compiling a pattern of thousands of nested groups exhausts V8's memory. */
const MAX_TICKET_PATTERN_LENGTH = 500;

function parseTicketPattern(raw: string): RegExp {
  checkLength('ticket-pattern', raw, 1, MAX_TICKET_PATTERN_LENGTH);
  let pattern: RegExp;
  try {
    pattern = new RegExp(raw, 'g');
  } catch (error) {
    throw new ConfigError(`Input "ticket-pattern" is not a valid regular expression (${oneLine((error as Error).message)}). Fix the pattern, e.g. "[A-Z]+-\\d+".`);
  }
  if (pattern.test('')) {
    throw new ConfigError(`Input "ticket-pattern" ${quote(raw)} matches the empty string. Use a pattern that needs at least one character, e.g. "[A-Z]+-\\d+".`);
  }
  return pattern;
}

// Plain comparisons rather than zod schemas: the messages are all our own, and building a schema per
// input at every start cost more than the checks are worth (callgrind, see BENCHMARKS.md).
function checkLength(input: InputName, raw: string, min: number, max: number, why = ''): string {
  if (raw.length < min) throw new ConfigError(`Input "${input}" is empty. Set it or remove it from "with:".`);
  if (raw.length > max) throw new ConfigError(`Input "${input}" is longer than ${max} characters${why}. Shorten it to at most ${max}.`);
  return raw;
}

function parseGitRef(name: 'since' | 'commit', raw: string): string {
  // A SHA, tag or branch as git allows it: no spaces, controls, `..`, `~^:?*[\` (git check-ref-format).
  if (raw.length > 255 || /[\s\u0000-\u001f\u007f~^:?*[\\]|\.\.|^[-/]|\/$|@\{|\.lock$/.test(raw)) {
    const instead = name === 'since' ? 'leave it empty to find the previous deploy' : "leave it empty to deploy the run's own commit";
    throw new ConfigError(`Input "${name}" ${quote(raw)} is not a commit SHA, tag or branch name. Use e.g. v1.4.0, main or a full SHA, or ${instead}.`);
  }
  return raw;
}

/** Patterns in one `paths` input at most, and the longest one. */
export const MAX_PATH_PATTERNS = 50;
const MAX_PATH_PATTERN_LENGTH = 255;

/** What is wrong with one `paths` pattern, for its error line; undefined when nothing is. */
function pathPatternProblem(pattern: string): string | undefined {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (pattern.length > MAX_PATH_PATTERN_LENGTH) return `is longer than ${MAX_PATH_PATTERN_LENGTH} characters`;
  if (body === '') return 'excludes nothing';
  if (/[\u0000-\u001f\u007f]/.test(body)) return 'holds a control character';
  if (body.includes('\\')) return 'uses \\; paths in git use /';
  if (body.startsWith('/') || /^[A-Za-z]:/.test(body)) return 'is absolute';
  if (body.split('/').includes('..')) return 'climbs out of the repository with ..';
  return undefined;
}

/** `paths`: glob patterns, one per line or comma-separated, relative to the repository's root. */
function parsePaths(raw: string): string[] {
  const patterns = raw
    .split(/[\r\n,]+/)
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern !== '');
  const example = 'e.g. "services/api/**, libs/shared/**, !**/*.md"';
  if (patterns.length === 0) throw new ConfigError(`Input "paths" holds no pattern. Give glob patterns, ${example}, or remove it.`);
  if (patterns.length > MAX_PATH_PATTERNS) throw new ConfigError(`Input "paths" holds ${patterns.length} patterns. Use at most ${MAX_PATH_PATTERNS}, with ** for whole folders.`);
  for (const pattern of patterns) {
    const problem = pathPatternProblem(pattern);
    if (problem) throw new ConfigError(`Input "paths" pattern ${quote(pattern)} ${problem}. Give patterns relative to the repository root, ${example}.`);
  }
  return patterns;
}

/**
 * on-error and track-job, read on their own: a bad input must still honour the user's choice to never
 * fail the step, and the post step must know whether the job is tracked. A value that does not parse
 * counts as its default here; parseSettings reports it.
 */
export function readStepPolicy(raw: Partial<RawInputs>): StepPolicy {
  const lenient = <T>(name: InputName, parse: (value: string) => T, fallback: T): T => {
    try {
      return parse(raw[name]?.trim() || INPUT_DEFAULTS[name] || '');
    } catch {
      return fallback;
    }
  };
  return {
    onError: lenient('on-error', parseOnError, 'auto'),
    trackJob: lenient('track-job', (v) => parseBoolean('track-job', v), false),
  };
}

/**
 * Builds Settings from raw inputs. Collects every bad input before throwing, so one run shows all
 * problems, one line each.
 */
export async function parseSettings(raw: RawInputs, env: SettingsEnv): Promise<Settings> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const given = (name: InputName): string | undefined => {
    const value = (raw[name] ?? '').trim();
    return value === '' ? undefined : value;
  };
  const input = (name: InputName): string | undefined => given(name) ?? INPUT_DEFAULTS[name];
  function attempt<T>(parse: () => T): T | undefined {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  }
  const optional = <T>(name: InputName, parse: (value: string) => T): T | undefined => {
    const value = input(name);
    return value === undefined ? undefined : attempt(() => parse(value));
  };
  // An input with a default always has a value; undefined only when it was refused, and then a problem
  // is recorded and no Settings are returned.
  const withDefault = <T>(name: InputName, parse: (value: string) => T): T => optional(name, parse) as T;

  const { onError } = readStepPolicy(raw);
  attempt(() => parseOnError(input('on-error') ?? ''));
  const dryRun = withDefault('dry-run', (v) => parseBoolean('dry-run', v));
  const trackJob = withDefault('track-job', (v) => parseBoolean('track-job', v));

  let data: Record<string, unknown> = {};
  const dataRaw = given('data');
  if (dataRaw !== undefined) {
    try {
      data = await parseDataInput(dataRaw);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // track-event v1 sent its event without broken `data`; a v1 workflow must keep recording its deploys.
      if (onError === 'fail') problems.push(...error.problems);
      else warnings.push(...error.problems.map((problem) => `${problem} The event is sent without it (on-error: ${onError}).`));
    }
  }

  const apiKey = given('api-key') ?? (env.OPSTRAILS_API_KEY?.trim() || undefined);
  if (apiKey === undefined && !dryRun) {
    problems.push(
      'Input "api-key" is required. Pass a READ_WRITE key, e.g. api-key: ${{ secrets.OPSTRAILS_API_KEY }}, or set OPSTRAILS_API_KEY.',
    );
  } else if (apiKey !== undefined && apiKey.length < MIN_KEY_LENGTH) {
    problems.push('Input "api-key" is too short to be an OpsTrails key. Copy the whole key (it starts with ot_) from Settings → API Keys.');
  } else if (apiKey !== undefined && !BEARER_TOKEN.test(apiKey)) {
    problems.push(
      'Input "api-key" has characters an API key cannot have (only letters, digits and - . _ ~ + / = are allowed). Copy the key again from Settings → API Keys.',
    );
  }
  const apiUrl = given('api-url') ?? (env.OPSTRAILS_API_URL?.trim() || DEFAULT_API_URL);
  // A start event is `<type>-started` and its end event's id `<id>-finished`: with track-job, and for
  // the triggers whose payload pairs events, whichever half this run sends.
  const pairs = trackJob || PAIRED_TRIGGERS.has(env.GITHUB_EVENT_NAME ?? '');
  const pairedBy = trackJob ? 'with track-job' : `for a ${env.GITHUB_EVENT_NAME ?? ''} run`;
  const typeLimit = pairs ? LIMITS.type - START_TYPE_SUFFIX.length : LIMITS.type;
  const idLimit = pairs ? LIMITS.id - END_ID_SUFFIX.length : LIMITS.id;

  const settings: Settings = {
    apiKey,
    eventsUrl: attempt(() => resolveEventsUrl(apiUrl)) ?? '',
    type: withDefault('type', (v) => checkLength('type', v, 1, typeLimit, pairs ? ` (${pairedBy}, the start event is "<type>${START_TYPE_SUFFIX}")` : '')),
    source: optional('source', (v) => checkLength('source', v, 1, LIMITS.source)),
    subject: optional('subject', (v) => checkLength('subject', v, 1, LIMITS.subject)),
    severity: optional('severity', (v) => parseSeverity('severity', v)),
    version: optional('version', (v) => checkLength('version', v, 1, LIMITS.version)),
    description: optional('description', (v) => v),
    data,
    id: optional('id', (v) => checkLength('id', v, 1, idLimit, pairs ? ` (${pairedBy}, the end event's id is "<id>${END_ID_SUFFIX}")` : '')),
    time: optional('time', parseTime),
    dataschema: optional('dataschema', parseUri),
    onError,
    retries: withDefault('retries', (v) => parseInteger('retries', v, 0, 10, 'retries')),
    timeoutMs: withDefault('timeout', (v) => parseInteger('timeout', v, 1, 600, 'seconds')) * 1000,
    dryRun,
    trackJob,
    failureSeverity: optional('failure-severity', (v) => parseSeverity('failure-severity', v)),
    jobStatus: given('job-status')?.toLowerCase(),
    checkRunId: given('check-run-id'),
    githubToken: given('github-token'),
    ticketPattern: optional('ticket-pattern', parseTicketPattern),
    rollbackOf: optional('rollback-of', (v) => checkLength('rollback-of', v, 1, LIMITS.id)),
    includeContext: withDefault('include-context', (v) => parseBoolean('include-context', v)),
    environment: optional('environment', (v) => checkLength('environment', v, 1, 255)),
    paths: optional('paths', parsePaths),
    since: optional('since', (v) => parseGitRef('since', v)),
    commit: optional('commit', (v) => parseGitRef('commit', v)),
    detectRollback: withDefault('detect-rollback', (v) => parseBoolean('detect-rollback', v)),
    lookupTimeoutMs: withDefault('lookup-timeout', (v) => parseInteger('lookup-timeout', v, 1, 60, 'seconds')) * 1000,
    observeForks: withDefault('observe-forks', (v) => parseBoolean('observe-forks', v)),
    warnings,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  if (settings.paths && (!settings.includeContext || !settings.githubToken)) {
    warnings.push(
      `Input "paths" has no effect ${settings.includeContext ? 'without a github-token' : 'with include-context: false'}: what shipped is not looked up. Remove "paths", or ${settings.includeContext ? 'give github-token (the default ${{ github.token }} does)' : 'set include-context: true'}.`,
    );
  }
  return settings;
}
