/**
 * Dates shown in the user's locale and zone, by the platform's `Intl.DateTimeFormat` (which
 * knows every locale without loading any). date-fns stays for arithmetic and time zones.
 */

const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and options, made once: making an `Intl.DateTimeFormat` costs far
 * more than formatting with it, and a screen of ten years formats thousands of dates.
 */
function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

// A calendar date is no instant: read and written in UTC, it is the same day everywhere.
const calendarDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const calendarFormat = (locale: string | undefined) => dateFormat(locale, { ...DAY, timeZone: 'UTC' });

/** A calendar date (`yyyy-MM-dd`) such as "Mar 3, 2025" (en-US) or "3. März 2025" (de-DE). */
export function formatDate(isoDate: string, locale?: string): string {
  return calendarFormat(locale).format(calendarDay(isoDate));
}

/** A range of calendar dates the way the locale shortens it: "Mar 3 – 16, 2025", "3.–16. März 2025". */
export function formatRange(start: string, end: string, locale?: string): string {
  return calendarFormat(locale).formatRange(calendarDay(start), calendarDay(end));
}

/**
 * The same range in two halves, split where its end begins ("Oct 21 – ", "Nov 3, 2026"), for a
 * narrow column to break there and nowhere else.
 */
export function formatRangeHalves(start: string, end: string, locale?: string): [string, string] {
  const parts = calendarFormat(locale).formatRangeToParts(calendarDay(start), calendarDay(end));
  const at = parts.findIndex((part) => part.source === 'endRange');
  const text = (from: number, to?: number) =>
    parts
      .slice(from, to)
      .map((part) => part.value)
      .join('');
  return at < 0 ? [text(0), ''] : [text(0, at), text(at)];
}

/**
 * An instant (ISO 8601) as a date and time, saying its zone: here, such as "Mar 3, 2025, 10:00 AM
 * GMT+1"; or in `timeZone` (an IANA name) followed by that name, as the sprint summary writes it:
 * "Mar 3, 2025, 10:00 AM (Europe/Berlin)".
 */
export function formatInstant(instant: string, locale?: string, timeZone?: string): string {
  const at = new Date(instant);
  if (timeZone) {
    const there = dateFormat(locale, { ...DAY, hour: 'numeric', minute: '2-digit', timeZone });
    return `${there.format(at)} (${timeZone})`;
  }
  return dateFormat(locale, {
    ...DAY,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

/** An instant here to the second, for things made moments apart (backups): "Mar 3, 2025, 9:05:07 AM UTC". */
export function formatMoment(instant: string, locale?: string): string {
  return dateFormat(locale, {
    ...DAY,
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(instant));
}

/** An instant's day here, without the year, such as "Mar 3". */
export function formatDay(instant: string, locale?: string): string {
  return dateFormat(locale, { month: 'short', day: 'numeric' }).format(new Date(instant));
}

const AGO_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 24],
  ['day', Number.POSITIVE_INFINITY],
];

/**
 * How long ago an instant was, such as "3 minutes ago" or "yesterday" (en); "this minute" under a
 * minute (and for an instant ahead of `now`: a clock a little off).
 */
export function formatAgo(instant: string, now: Date, locale?: string): string {
  let amount = Math.floor((now.getTime() - new Date(instant).getTime()) / 60_000);
  if (amount < 1) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'minute');
  for (const [unit, size] of AGO_STEPS) {
    if (amount < size) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-amount, unit);
    amount = Math.floor(amount / size);
  }
  return '';
}
