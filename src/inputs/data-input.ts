// The `data` input: a JSON object or a YAML mapping, into a plain object that is safe to merge.
import { ConfigError } from '../common/errors.js';
import { isRecord } from '../common/json.js';
import { oneLine, quote } from '../common/log-text.js';

const FIX = 'Give a JSON object like {"ticket": "JIRA-1234"} or a YAML mapping like "ticket: JIRA-1234".';

/** Deeper than this is no event data a reader wants; the cap also keeps the copy below off the stack limit. */
export const MAX_DATA_DEPTH = 32;

/**
 * Parses `data`. Text that starts with `{` or `[` is JSON, so broken JSON is reported as broken JSON
 * rather than read as some other YAML. JSON costs nothing to load; the YAML parser (~115 kB) is loaded
 * only for input that is not JSON.
 */
export async function parseDataInput(raw: string): Promise<Record<string, unknown>> {
  let value: unknown;
  const text = raw.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(`Input "data" is not valid JSON (${oneLine((error as Error).message)}). ${FIX}`);
    }
  } else {
    value = await parseYaml(text);
  }
  if (!isRecord(value)) {
    const kind = Array.isArray(value) ? 'a list' : value === null ? 'empty (null)' : `a ${typeof value}`;
    throw new ConfigError(`Input "data" is ${kind}, not an object. ${FIX}`);
  }
  const data = toPlainJson(value, 'data', 0) as Record<string, unknown>;
  if (Object.hasOwn(data, 'description') && typeof data.description !== 'string') {
    throw new ConfigError('Input "data" has a "description" that is not a string; OpsTrails only takes text there. Quote it, or use the "description" input.');
  }
  return data;
}

async function parseYaml(text: string): Promise<unknown> {
  const { parseDocument } = await import('yaml');
  // The core schema only: explicit tags such as !!binary, !!set or !!timestamp are refused (they would
  // become values JSON cannot carry); merge keys (<<) stay plain keys; duplicate keys are an error.
  const document = parseDocument(text, { schema: 'core', resolveKnownTags: false, merge: false, uniqueKeys: true, prettyErrors: false });
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem) {
    throw new ConfigError(`Input "data" is not valid YAML or JSON (${oneLine(problem.message.split('\n')[0] ?? '')}). ${FIX}`);
  }
  try {
    // Aliases are capped so a "billion laughs" document cannot blow up memory.
    return document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new ConfigError(`Input "data" could not be read (${oneLine((error as Error).message.split('\n')[0] ?? '')}). ${FIX}`);
  }
}

/** `data.a.b`, or `data["odd key"]` for a key that would not read plainly in an error line. */
function childPath(path: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]{0,39}$/.test(key) ? `${path}.${key}` : `${path}[${quote(key, 40)}]`;
}

/**
 * Copies a parsed value into plain objects that JSON carries unchanged. Own `__proto__` keys stay
 * ordinary data keys (defined, never assigned), so no prototype can be reached through them.
 */
function toPlainJson(value: unknown, path: string, depth: number): unknown {
  if (depth > MAX_DATA_DEPTH) {
    throw new ConfigError(`Input "data" is nested more than ${MAX_DATA_DEPTH} levels deep at ${path} (or a YAML alias refers to itself). Flatten it.`);
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new ConfigError(`Input "data" has a number at ${path} that JSON cannot carry (too large or not a number). Quote it as a string.`);
    }
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      throw new ConfigError(`Input "data" has an integer at ${path} too large to keep exactly (over 2^53). Quote it as a string.`);
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item, index) => toPlainJson(item, `${path}[${index}]`, depth + 1));
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(copy, key, { value: toPlainJson(item, childPath(path, key), depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  throw new ConfigError(`Input "data" has a value at ${path} that JSON cannot carry (${Object.prototype.toString.call(value)}). ${FIX}`);
}
