// The `data` input: a JSON object or a YAML mapping, into a plain object that is safe to merge.
import { ConfigError } from './errors.js';

const FIX = 'Give a JSON object like {"ticket": "JIRA-1234"} or a YAML mapping like "ticket: JIRA-1234".';

/**
 * Parses `data`. JSON is tried first because it is what most users pass and costs nothing to load;
 * the YAML parser (~115 kB) is loaded only for input that is not JSON.
 */
export async function parseDataInput(raw: string): Promise<Record<string, unknown>> {
  let value: unknown;
  const text = raw.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(`Input "data" is not valid JSON (${(error as Error).message}). ${FIX}`);
    }
  } else {
    value = await parseYaml(text);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`;
    throw new ConfigError(`Input "data" is ${kind}, not an object. ${FIX}`);
  }
  return toPlainJson(value, 'data') as Record<string, unknown>;
}

async function parseYaml(text: string): Promise<unknown> {
  const { parseDocument } = await import('yaml');
  // The core schema only (no custom tags, no !!binary/!!set/!!timestamp); aliases are capped so a
  // "billion laughs" document cannot blow up memory; merge keys (<<) are not expanded.
  const document = parseDocument(text, { schema: 'core', merge: false, uniqueKeys: true, prettyErrors: false });
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem) {
    throw new ConfigError(`Input "data" is not valid YAML or JSON (${problem.message.split('\n')[0]}). ${FIX}`);
  }
  try {
    return document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new ConfigError(`Input "data" could not be read (${(error as Error).message.split('\n')[0]}). ${FIX}`);
  }
}

/**
 * Copies a parsed value into plain objects that JSON can carry unchanged. Own `__proto__` keys stay
 * ordinary data keys (defined, never assigned), so no prototype can be reached through them.
 */
function toPlainJson(value: unknown, path: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new ConfigError(`Input "data" has a number at ${path} that JSON cannot carry (too large or not a number). Quote it as a string.`);
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item, index) => toPlainJson(item, `${path}[${index}]`));
  if (typeof value === 'object' && !(value instanceof Map) && !(value instanceof Set) && !(value instanceof Date)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(copy, key, { value: toPlainJson(item, `${path}.${key}`), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  throw new ConfigError(`Input "data" has a value at ${path} that JSON cannot carry (${Object.prototype.toString.call(value)}). ${FIX}`);
}
