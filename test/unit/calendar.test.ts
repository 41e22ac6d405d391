/**
 * The meeting calendar, read back with an independent parser (ical.js): the two-weekly series
 * in the organiser's zone across DST changes, a numbered title per sprint, a moved meeting; and
 * the meeting time in every attendee's zone.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import { vtimezone } from '../../src/main/calendar/vtimezone.ts';
import { meetingTimesFor } from '../../src/shared/meeting-time.ts';
import { dump, must, refused, tempCore } from './helpers.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

async function example(): Promise<Core> {
  const core = await tempCore();
  core.workspace.now = () => NOW;
  must(core, 'workspace.loadExample', {});
  return core;
}

interface Parsed {
  master: ICAL.Component;
  event: ICAL.Event;
  overrides: ICAL.Component[];
  calendar: ICAL.Component;
}

function parse(content: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(content));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent');
  const master = events.find((e) => !e.hasProperty('recurrence-id'))!;
  const overrides = events.filter((e) => e.hasProperty('recurrence-id'));
  const event = new ICAL.Event(master);
  for (const o of overrides) event.relateException(o);
  return { master, event, overrides, calendar };
}

/** The first `n` occurrences: UTC start, local wall-clock time in the zone, title. */
function occurrences(event: ICAL.Event, n: number): { utc: string; local: string; title: string }[] {
  const it = event.iterator();
  const out: { utc: string; local: string; title: string }[] = [];
  for (let next = it.next(); next && out.length < n; next = it.next()) {
    const details = event.getOccurrenceDetails(next);
    const start = details.startDate;
    out.push({
      utc: start.toJSDate().toISOString(),
      local: `${start.toString().slice(0, 16)}`,
      title: details.item.summary,
    });
  }
  return out;
}

describe('the meeting calendar', () => {
  it('is one two-weekly series in the organiser’s zone, with a VTIMEZONE', async () => {
    const core = await example();
    const { fileName, content } = must(core, 'calendar.export', {});
    expect(fileName).toBe('sprint-meetings.ics');
    expect(content.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const { master, calendar } = parse(content);
    const rrule = master.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rrule.freq).toBe('WEEKLY');
    expect(rrule.interval).toBe(2);
    expect(rrule.until).toBeNull();
    const dtstart = master.getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe('America/New_York');
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([
      'America/New_York',
    ]);
    expect(content).toMatch(/\r\nDTSTART;TZID=America\/New_York:\d{8}T110000\r\n/);
    expect(content).toMatch(/\r\nDTSTAMP:20260310T120000Z\r\n/);
  });

  it('keeps the wall-clock time across DST, and numbers each sprint in its title', async () => {
    const core = await example();
    const sprints = must(core, 'sprints.list', {});
    const { event, overrides } = parse(must(core, 'calendar.export', {}).content);
    const list = occurrences(event, sprints.length + 3);
    // Every meeting at 11:00 in New York; 16:00 UTC in winter, 15:00 UTC after 8 March 2026.
    for (const o of list) expect(o.local.slice(11)).toBe('11:00');
    const utcHours = list.map((o) => o.utc.slice(11, 16));
    expect(new Set(utcHours)).toEqual(new Set(['16:00', '15:00']));
    // Titles: the sprint numbers, for the sprints that exist and the ones to come.
    expect(list.map((o) => o.title)).toEqual(
      Array.from({ length: sprints.length + 3 }, (_, i) => `Sprint ${i + 1} meeting`),
    );
    // The occurrences are the sprints' meetings.
    for (const [i, sprint] of sprints.entries()) expect(list[i]!.utc).toBe(sprint.meetingAt);
    // Overrides for every sprint and a year ahead; beyond that, the series' generic title.
    expect(overrides).toHaveLength(sprints.length + 26);
    const far = occurrences(event, sprints.length + 30).at(-1)!;
    expect(far.title).toBe('Sprint meeting');
  });

  it('keeps a moved meeting at its own time, as an override of its occurrence', async () => {
    const core = await example();
    const sprint = must(core, 'sprints.list', {}).at(-1)!;
    must(core, 'sprints.update', { id: sprint.id, meetingAt: '2026-03-18T14:30:00Z' });
    const { event, overrides } = parse(must(core, 'calendar.export', {}).content);
    const moved = overrides.find(
      (o) => o.getFirstPropertyValue('summary') === `Sprint ${sprint.number} meeting`,
    )!;
    expect((moved.getFirstPropertyValue('recurrence-id') as ICAL.Time).toString()).toBe(
      '2026-03-17T11:00:00',
    );
    const list = occurrences(event, sprint.number);
    expect(list.at(-1)).toMatchObject({
      utc: '2026-03-18T14:30:00.000Z',
      title: `Sprint ${sprint.number} meeting`,
    });
  });

  it('writes a meeting moved in another zone at its instant, in the series’ zone', async () => {
    const core = await tempCore();
    must(core, 'sprints.createNext', {
      startDate: '2026-01-05',
      meetingAt: '2026-01-13T04:30:00Z',
      meetingTimeZone: 'Asia/Kolkata',
    });
    const second = must(core, 'sprints.createNext', {});
    must(core, 'sprints.update', {
      id: second.id,
      meetingAt: '2026-01-27T15:00:00Z',
      meetingTimeZone: 'America/New_York',
    });
    const { event, overrides } = parse(must(core, 'calendar.export', {}).content);
    const moved = overrides.find((o) => o.getFirstPropertyValue('summary') === 'Sprint 2 meeting')!;
    expect(moved.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Kolkata');
    expect(occurrences(event, 2)[1]).toEqual({
      utc: '2026-01-27T15:00:00.000Z',
      local: '2026-01-27T20:30',
      title: 'Sprint 2 meeting',
    });
  });

  it('is refused, changing nothing, when no sprint has a meeting time', async () => {
    const core = await tempCore();
    expect(refused(core, 'calendar.export', {})).toMatchObject({ code: 'rule_violation' });
    must(core, 'sprints.createNext', { startDate: '2026-11-09' });
    const before = dump(core.workspace.db);
    expect(refused(core, 'calendar.export', {}).message).toMatch(/meeting time/);
    expect(dump(core.workspace.db)).toBe(before);
  });

  it('starts from sprint 1 in its zone, even in a zone without DST', async () => {
    const core = await tempCore();
    must(core, 'sprints.createNext', {
      startDate: '2026-01-05',
      meetingAt: '2026-01-13T04:30:00Z',
      meetingTimeZone: 'Asia/Kolkata',
    });
    must(core, 'sprints.createNext', {});
    const { event, master } = parse(must(core, 'calendar.export', {}).content);
    expect(master.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Kolkata');
    expect(occurrences(event, 3)).toEqual([
      { utc: '2026-01-13T04:30:00.000Z', local: '2026-01-13T10:00', title: 'Sprint 1 meeting' },
      { utc: '2026-01-27T04:30:00.000Z', local: '2026-01-27T10:00', title: 'Sprint 2 meeting' },
      { utc: '2026-02-10T04:30:00.000Z', local: '2026-02-10T10:00', title: 'Sprint 3 meeting' },
    ]);
  });
});

describe('the VTIMEZONE', () => {
  /** The UTC offset ical.js computes from our VTIMEZONE, against the runtime's zone data. */
  function checkZone(zone: string, from: string, days: number): void {
    const component = new ICAL.Component(
      ICAL.parse(`BEGIN:VCALENDAR\r\n${vtimezone(zone, new Date(from))}\r\nEND:VCALENDAR`),
    );
    const tz = new ICAL.Timezone(component.getFirstSubcomponent('vtimezone')!);
    for (let d = 0; d < days; d += 5) {
      const at = new Date(new Date(from).getTime() + d * 86_400_000 + 12 * 3_600_000);
      const time = ICAL.Time.fromJSDate(at, true);
      const ours = tz.utcOffset(time.convertToZone(tz)) / 60;
      const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')!.value;
      const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(parts)!;
      const runtime = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
      expect(`${zone} ${at.toISOString()} ${ours}`).toBe(`${zone} ${at.toISOString()} ${runtime}`);
    }
  }

  it.each([
    'America/New_York',
    'Europe/Berlin',
    'Australia/Sydney',
    'America/Santiago',
    'Asia/Kolkata',
    'UTC',
  ])('gives %s the runtime’s offsets for years after the series starts', (zone) =>
    checkZone(zone, '2025-01-01T00:00:00Z', 365 * 8),
  );
});

describe('meeting times in each person’s zone', () => {
  it('shows the local time, zone and day shift of each attendee', () => {
    const times = meetingTimesFor('2026-03-10T15:00:00Z', 'America/New_York', [
      { id: 'a', name: 'Ada', timeZone: 'America/New_York' },
      { id: 'b', name: 'Bo', timeZone: 'Europe/Berlin' },
      { id: 'c', name: 'Cy', timeZone: 'Asia/Kolkata' },
      { id: 'd', name: 'Di', timeZone: 'Pacific/Auckland' },
      { id: 'e', name: 'Ed', timeZone: 'Not/A_Zone' },
    ]);
    expect(times.map((t) => [t.name, t.text, t.dayShift])).toEqual([
      ['Ada', 'Tue 10 Mar, 11:00 EDT', 0],
      ['Bo', 'Tue 10 Mar, 16:00 GMT+1', 0],
      ['Cy', 'Tue 10 Mar, 20:30 GMT+5:30', 0],
      ['Di', 'Wed 11 Mar, 04:00 GMT+13', 1],
      ['Ed', 'Tue 10 Mar, 11:00 EDT', 0],
    ]);
    expect(times[1]).toMatchObject({
      personId: 'b',
      timeZone: 'Europe/Berlin',
      local: '2026-03-10T16:00:00+01:00',
    });
    expect(times[4]!.timeZone).toBe('America/New_York');
  });
});
