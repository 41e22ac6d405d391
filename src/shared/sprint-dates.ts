/** A sprint's dates: two weeks from its first day, calendar days (DST can't shift them). */
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';

export const SPRINT_DAYS = 14;

/** The calendar date `days` after a `yyyy-MM-dd` date (calendar arithmetic: DST can't shift it). */
export function addCalendarDays(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** The sprint's last day: start + 13 days. */
export const sprintEnd = (startDate: string): string => addCalendarDays(startDate, SPRINT_DAYS - 1);
