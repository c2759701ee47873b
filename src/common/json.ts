// Reading JSON of any shape without assuming it: webhook payloads, API answers and saved state are
// untrusted, so every field is read through these, never cast.

export type JsonObject = Readonly<Record<string, unknown>>;

/** A plain object (not null, not an array, not a Date or a class instance): what JSON calls an object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `value` when it is an object, else undefined. */
export function record(value: unknown): JsonObject | undefined {
  return isRecord(value) ? value : undefined;
}

/** `value` when it is a string with something in it, else undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** `value` when it is an array, else an empty one. */
export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The entries whose value is defined; undefined when none is, so an empty object never reaches an event. */
export function compact(entries: Record<string, unknown>): Record<string, unknown> | undefined {
  const kept = Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** JSON.parse that answers undefined instead of throwing. */
export function parseJson(textValue: string): unknown {
  try {
    return JSON.parse(textValue) as unknown;
  } catch {
    return undefined;
  }
}
