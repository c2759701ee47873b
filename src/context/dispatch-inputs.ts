// The inputs of a `workflow_dispatch` run: what the person who started it by hand typed, often the very
// reason for the change (`reason: Hotfix for JIRA-999`). Pure.
import { record, type JsonObject } from '../common/json.js';
import { shorten } from '../common/log-text.js';

/** GitHub takes at most 25 inputs per workflow; more in a payload is not GitHub's, and is not kept. */
export const MAX_INPUTS = 25;
/** Longest input value kept, so the inputs cannot eat the event's 10 KB. Tickets are read from all of it. */
export const MAX_INPUT_VALUE = 200;
const MAX_INPUT_NAME = 100;

/** Inputs whose value says what the run does, in order of preference: the default description. */
const DESCRIBING_INPUTS = ['description', 'reason', 'message'];

export interface DispatchInputs {
  /** Name -> value as text, each bounded; undefined when the run had none. */
  inputs: Record<string, string> | undefined;
  /** The whole values, to read tickets from. */
  ticketTexts: string[];
  /** The value of an input named description, reason or message (any letter case). */
  description: string | undefined;
}

/** A value as the run saw it: text, or a boolean/number input written out; anything else is not an input. */
function valueText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  return undefined;
}

export function readDispatchInputs(payload: JsonObject): DispatchInputs {
  const entries = Object.entries(record(payload.inputs) ?? {})
    .flatMap(([name, value]): Array<[string, string]> => {
      const textValue = valueText(value);
      return textValue === undefined ? [] : [[name, textValue]];
    })
    .slice(0, MAX_INPUTS);
  const byName = new Map(entries.map(([name, value]) => [name.toLowerCase(), value]));
  const description = DESCRIBING_INPUTS.map((name) => byName.get(name)).find((value) => value !== undefined && value.trim() !== '');
  return {
    inputs: entries.length > 0 ? Object.fromEntries(entries.map(([name, value]) => [shorten(name, MAX_INPUT_NAME), shorten(value, MAX_INPUT_VALUE)])) : undefined,
    ticketTexts: entries.map(([, value]) => value),
    description,
  };
}
