/**
 * The kinds of value an entity's fields hold, as zod schemas with their real bounds: the one
 * place a text length, a range or an id format is written. The entity definitions, the API
 * contract and (later) sync all validate with these.
 */
import { z } from 'zod';
import { LIMITS } from '../domain.ts';
import { isIssueLink, isWebUrl } from '../links.ts';

export const id = z.uuid({ error: 'must be an id' });
export const nullableId = id.nullable();
export const ids = z.array(id).max(LIMITS.list, { error: `must list at most ${LIMITS.list} items` });

export const text = (max: number) => z.string().max(max, { error: `must be at most ${max} characters` });
/** One line: line breaks and runs of spaces pasted into a title or name become one space. */
export const oneLine = (max: number) =>
  text(max)
    .overwrite((s) => s.replace(/\s+/g, ' ').trim())
    .min(1, { error: 'must not be empty' });
/** One line (as `oneLine`) that may be empty: an optional name such as a team. */
export const oneLineOrEmpty = (max: number) => text(max).overwrite((s) => s.replace(/\s+/g, ' ').trim());
/** Trimmed text that must say something (a retrospective note, an action item). */
export const someText = (max: number) => text(max).trim().min(1, { error: 'must not be empty' });
export const title = oneLine(LIMITS.title);
export const longText = text(LIMITS.text);

/**
 * A number from `min` to `max`. The range is checked first and stops the checks, so a refusal
 * names the real range rather than a number type's own limits.
 */
export const decimal = (min: number, max: number) =>
  z
    .number()
    .min(min, { abort: true, error: `must be at least ${min}` })
    .max(max, { abort: true, error: `must be at most ${max}` });
/** A whole number from `min` to `max` (the range is checked first, see `decimal`). */
export const whole = (min: number, max: number) => decimal(min, max).int({ error: 'must be a whole number' });

/** Progress set by hand, in percent. */
export const percent = whole(0, 100).nullable();
/**
 * Where an item sits among its siblings. New items go after the last (`max + 1`) and a reorder
 * numbers them from 1, so a billion leaves room for every workspace.
 */
export const position = decimal(-1e9, 1e9);

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
export const timeZone = text(LIMITS.timeZone).refine(isTimeZone, { error: 'must be an IANA time zone' });

export const link = text(LIMITS.link)
  .trim()
  .refine(isWebUrl, { error: 'must be an http(s) link' })
  .nullable();
/** A polish issue's link: a URL, or the `owner/repo#123` shorthand of an issue tracker. */
export const issueLink = text(LIMITS.link)
  .trim()
  .refine(isIssueLink, {
    error: 'must be an http(s) link or owner/repo#123',
  })
  .nullable();

export const isoDate = z.iso.date({ error: 'must be a date (yyyy-MM-dd)' });
export const isoInstant = z.iso
  .datetime({ offset: true, error: 'must be a date and time (ISO 8601)' })
  .max(LIMITS.instant, { error: `must be at most ${LIMITS.instant} characters` });
/** A calendar month, `yyyy-MM`. */
export const month = text(7).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month (yyyy-MM)' });
