/**
 * The one error map for zod: every refusal of an input says what the field must be, in the
 * app's words and with the bound the contract sets ("must be at most 100"), never zod's stock
 * English ("Too big: expected number to be <=100"). A message a schema writes itself wins;
 * this map words everything else. Importing this module installs it for every schema.
 */
import { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

const TYPES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
  date: 'a date',
};

const FORMATS: Readonly<Record<string, string>> = {
  uuid: 'an id',
  guid: 'an id',
  email: 'an email address',
  url: 'a link',
  date: 'a date (yyyy-MM-dd)',
  datetime: 'a date and time (ISO 8601)',
  time: 'a time (HH:mm)',
  duration: 'a duration (ISO 8601)',
};

const count = (n: number | bigint, one: string, many = `${one}s`) =>
  `${n} ${n === 1 || n === 1n ? one : many}`;

/** "must be at most 100", "must be at most 200 characters", "must list at most 50 items". */
function bound(issue: RawIssue & { origin: string }, edge: 'most' | 'least', limit: number | bigint): string {
  const { origin } = issue;
  const inclusive = issue.inclusive !== false;
  if (origin === 'string') {
    if (issue.exact) return `must be exactly ${count(limit, 'character')}`;
    if (edge === 'least' && limit === 1) return 'must not be empty';
    return `must be at ${edge} ${count(limit, 'character')}`;
  }
  if (origin === 'array' || origin === 'set') {
    if (issue.exact) return `must list exactly ${count(limit, 'item')}`;
    return `must list at ${edge} ${count(limit, 'item')}`;
  }
  if (origin === 'file') return `must be at ${edge} ${count(limit, 'byte')}`;
  if (!inclusive) return `must be ${edge === 'most' ? 'less' : 'more'} than ${limit}`;
  return `must be at ${edge} ${limit}`;
}

/**
 * A whole number's own check reports the safe-integer range, a bound nobody set: the bound the
 * schema does set (its tightest `max` or `min` check) is the one to name.
 */
function schemaBound(issue: RawIssue, edge: 'most' | 'least', limit: number | bigint): number | bigint {
  if (typeof limit !== 'number') return limit;
  const wanted = edge === 'most' ? 'less_than' : 'greater_than';
  const checks = (issue.schema?._zod.def as { checks?: z.core.$ZodCheck[] } | undefined)?.checks ?? [];
  let tightest = limit;
  for (const check of checks) {
    const def = check._zod.def as { check: string; value?: unknown };
    if (def.check !== wanted || typeof def.value !== 'number') continue;
    tightest = edge === 'most' ? Math.min(tightest, def.value) : Math.max(tightest, def.value);
  }
  return tightest;
}

const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The app's wording of an issue, without the field (`describeIssue` adds that). */
export function issueMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${TYPES[issue.expected] ?? issue.expected}`;
    case 'too_big':
      return bound(issue, 'most', schemaBound(issue, 'most', issue.maximum));
    case 'too_small':
      return bound(issue, 'least', schemaBound(issue, 'least', issue.minimum));
    case 'invalid_value': {
      const values = issue.values.map(shown);
      if (values.length === 1) return `must be ${values[0]}`;
      return `must be one of: ${values.join(', ')}`;
    }
    case 'invalid_format':
      if (issue.format === 'starts_with') return `must start with ${shown(issue.prefix)}`;
      if (issue.format === 'ends_with') return `must end with ${shown(issue.suffix)}`;
      if (issue.format === 'includes') return `must include ${shown(issue.includes)}`;
      return FORMATS[issue.format] ? `must be ${FORMATS[issue.format]}` : 'is not in the expected format';
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return 'is not a known field';
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_element':
      return 'has an entry that is not allowed';
    case 'invalid_union':
      return 'does not match any of the allowed forms';
    default:
      return 'is not valid';
  }
}

z.config({ customError: issueMessage });
