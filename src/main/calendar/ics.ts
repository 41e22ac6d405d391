/**
 * The sprint meetings as an iCalendar file (RFC 5545), for any calendar app.
 *
 * The meeting repeats every two weeks at the same wall-clock time in the organiser's zone, so
 * the file holds ONE recurring event — `RRULE:FREQ=WEEKLY;INTERVAL=2` from the first sprint's
 * meeting (`DTSTART;TZID=<zone>` with the zone's VTIMEZONE) — and, because one rule can't vary
 * the title, an override per occurrence (same UID, `RECURRENCE-ID`) that carries the sprint
 * number: for every sprint that exists, and for a year of sprints after the last one. Google
 * Calendar, Apple Calendar, Outlook and Thunderbird all read overrides as part of the series,
 * so the meetings stay one series (move or cancel it once, and re-importing a newer file
 * updates it instead of duplicating it — the UID is the first sprint's id, shared by every
 * replica), while each occurrence shows "Sprint 7 meeting". A sprint whose meeting was moved
 * keeps its own time in its override. Occurrences beyond the year show the series' generic title.
 */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import ical, { ICalEventRepeatingFreq } from 'ical-generator';
import type { Sprint } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { DomainError } from '../services/errors.ts';
import { listSprints } from '../services/sprints.ts';
import { vtimezone } from './vtimezone.ts';

export const MEETING_MINUTES = 60;
/** Sprints after the last existing one that get a numbered title (a year). */
export const NUMBERED_AHEAD = 26;
export const CALENDAR_FILE = 'sprint-meetings.ics';

/**
 * A date in the calendar's zone that stays itself when asked for that zone: ical-generator asks
 * for every date it writes, and a TZDate copy costs several time-zone look-ups.
 */
class ZonedDate extends TZDate {
  override withTimeZone(timeZone: string): TZDate {
    return timeZone === this.timeZone ? this : super.withTimeZone(timeZone);
  }
}

/** The meeting's end: an hour after `start`, in the same zone. */
const endOf = (start: TZDate): ZonedDate => new ZonedDate(+start + MEETING_MINUTES * 60_000, start.timeZone);

const title = (number: number): string => `Sprint ${number} meeting`;

const description = (number: number): string =>
  [
    `Sprint ${number}: retrospective, polish issues, and planning of sprint ${number + 1}.`,
    'Agenda: 1. Sprint retrospective 2. Polish issues 3. Plan next sprint.',
  ].join('\n');

/** The sprint the series starts from: sprint 1 when it has a meeting time, else the active one, else the first that has one. */
function anchorSprint(sprints: Sprint[]): Sprint & { meetingAt: string } {
  const timed = sprints.filter((s): s is Sprint & { meetingAt: string } => s.meetingAt !== null);
  const anchor =
    timed.find((s) => s.number === 1) ?? timed.find((s) => s.status === 'active') ?? timed[0] ?? null;
  if (!anchor) {
    throw new DomainError(
      'rule_violation',
      sprints.length
        ? 'No sprint has a meeting time yet: set the meeting time of the active sprint first'
        : 'There are no sprints yet: plan the first sprint and its meeting time first',
    );
  }
  return anchor;
}

/** The meeting series as an `.ics` file. */
export function meetingCalendar(ws: Workspace): { fileName: string; content: string } {
  const sprints = listSprints(ws);
  const anchor = anchorSprint(sprints);
  const zone = anchor.meetingTimeZone ?? 'UTC';
  const first = new ZonedDate(anchor.meetingAt, zone);
  /** The series' k-th meeting: same wall-clock time, 14k calendar days later, in the zone. */
  const occurrence = (k: number): ZonedDate => new ZonedDate(+addDays(first, 14 * k), zone);
  const uid = `sprint-meetings-${sprints.find((s) => s.number === 1)?.id ?? anchor.id}@fortnight`;
  const stamp = ws.now();

  const calendar = ical({
    name: 'Sprint meetings',
    prodId: { company: 'Fortnight', product: 'Fortnight', language: 'EN' },
    // No calendar-wide zone name: ical-generator would then write DTSTAMP as local time
    // without `Z`; every event carries its TZID instead.
    timezone: { name: null, generator: (tz) => vtimezone(tz, first) },
    x: [['X-WR-TIMEZONE', zone]],
  });
  calendar.createEvent({
    id: uid,
    start: first,
    end: endOf(first),
    timezone: zone,
    stamp,
    summary: 'Sprint meeting',
    description: 'Every two weeks: 1. Sprint retrospective 2. Polish issues 3. Plan next sprint.',
    repeating: { freq: ICalEventRepeatingFreq.WEEKLY, interval: 2 },
  });

  const last = sprints.at(-1)?.number ?? anchor.number;
  const byNumber = new Map(sprints.map((s) => [s.number, s]));
  for (let number = anchor.number; number <= last + NUMBERED_AHEAD; number++) {
    const k = number - anchor.number;
    const planned = occurrence(k);
    const sprint = byNumber.get(number);
    const own = sprint?.meetingTimeZone ?? zone;
    const start = sprint?.meetingAt
      ? own === zone
        ? new ZonedDate(sprint.meetingAt, zone)
        : new ZonedDate(+new TZDate(sprint.meetingAt, own), zone)
      : planned;
    calendar.createEvent({
      id: uid,
      recurrenceId: planned,
      start,
      end: endOf(start),
      timezone: zone,
      stamp,
      summary: title(number),
      description: description(number),
    });
  }
  return { fileName: CALENDAR_FILE, content: calendar.toString() };
}
