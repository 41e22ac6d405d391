/** Months as the Updates screen shows and picks them, in the user's locale and zone. */
import { format } from 'date-fns/format';

/** This month here, `yyyy-MM`. */
export const thisMonth = (now = new Date()): string => format(now, 'yyyy-MM');

/** Today here, `yyyy-MM-dd`. */
export const today = (now = new Date()): string => format(now, 'yyyy-MM-dd');

/** The user's zone (the draft reads the month's change log in it). */
export const userZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** `2026-03` as "March 2026" in the user's locale. */
export function formatMonth(month: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}
