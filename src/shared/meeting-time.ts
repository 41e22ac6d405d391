/**
 * The meeting time in every attendee's own zone ("10am ET — click to see your local time"):
 * pure, so the renderer and the main process share it.
 */
import { TZDate, tzName } from '@date-fns/tz';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';

export interface MeetingTimeFor {
  personId: string;
  name: string;
  timeZone: string;
  /** The meeting in the person's zone as ISO 8601 with their offset, e.g. `2026-03-10T16:00:00+01:00`. */
  local: string;
  /** e.g. `Tue 10 Mar, 16:00 CET`. */
  text: string;
  /** Calendar days from the organiser's date of the meeting to the person's: -1, 0 or 1. */
  dayShift: number;
}

/**
 * The zone a sprint's meeting is recorded in, wherever its times show (the app's record, the
 * summary): the organiser's zone, else UTC.
 */
export const meetingZone = (sprint: { meetingTimeZone: string | null }): string =>
  sprint.meetingTimeZone ?? 'UTC';

/** A zone's short name at an instant (`CET`, `EDT`, or `GMT+5:30` where there's no abbreviation). */
export function zoneAbbreviation(timeZone: string, at: Date): string {
  try {
    return tzName(timeZone, at, 'short');
  } catch {
    return timeZone;
  }
}

/** An instant as text in a zone: `Tue 10 Mar, 16:00 CET`. */
export function formatInZone(instant: string | Date, timeZone: string): string {
  const at = new TZDate(new Date(instant).getTime(), timeZone);
  return `${format(at, 'EEE d MMM, HH:mm')} ${zoneAbbreviation(timeZone, at)}`;
}

/**
 * Each person's local time of the meeting at `meetingAt` (an instant) set in `organiserZone`,
 * in the order given. People whose zone is not a valid IANA zone get the organiser's.
 */
export function meetingTimesFor(
  meetingAt: string | Date,
  organiserZone: string,
  people: readonly { id: string; name: string; timeZone: string }[],
): MeetingTimeFor[] {
  const instant = new Date(meetingAt).getTime();
  const organiserDate = new TZDate(instant, organiserZone);
  return people.map((person) => {
    let zone = person.timeZone;
    let local: TZDate;
    try {
      local = new TZDate(instant, zone);
      if (Number.isNaN(local.getTime()) || Number.isNaN(local.getHours())) throw new Error('bad zone');
    } catch {
      zone = organiserZone;
      local = new TZDate(instant, zone);
    }
    return {
      personId: person.id,
      name: person.name,
      timeZone: zone,
      local: format(local, "yyyy-MM-dd'T'HH:mm:ssxxx"),
      text: `${format(local, 'EEE d MMM, HH:mm')} ${zoneAbbreviation(zone, local)}`,
      dayShift: differenceInCalendarDays(
        new Date(local.getFullYear(), local.getMonth(), local.getDate()),
        new Date(organiserDate.getFullYear(), organiserDate.getMonth(), organiserDate.getDate()),
      ),
    };
  });
}
