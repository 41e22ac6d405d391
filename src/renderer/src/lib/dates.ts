/**
 * Dates shown in the user's locale and zone, by the platform's `Intl.DateTimeFormat` (which
 * knows every locale without loading any). date-fns stays for arithmetic and time zones.
 */

const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };

/** A calendar date (`yyyy-MM-dd`) such as "Mar 3, 2025" (en-US) or "3. März 2025" (de-DE). */
export function formatDate(isoDate: string, locale?: string): string {
  // A calendar date is no instant: read and written in UTC, it is the same day everywhere.
  return new Intl.DateTimeFormat(locale, { ...DAY, timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** A date range such as "Mar 3, 2025 – Mar 16, 2025". */
export function formatRange(start: string, end: string, locale?: string): string {
  return `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
}

/** An instant (ISO 8601) as a date and time here, such as "Mar 3, 2025, 10:00 AM". */
export function formatInstant(instant: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { ...DAY, hour: 'numeric', minute: '2-digit' }).format(
    new Date(instant),
  );
}

/** An instant's day here, without the year, such as "Mar 3". */
export function formatDay(instant: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(new Date(instant));
}
