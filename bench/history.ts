/**
 * A generated history, written sprint by sprint in the order things happen, each sprint in one
 * transaction: the week before sprint 1 (the group, the first goals, sprint 1 and its plan),
 * then each sprint's work and the meeting that ends it.
 */
import { TZDate } from '@date-fns/tz';
import type { Workspace } from '../src/main/db/open.ts';
import { createPerson } from '../src/main/services/people.ts';
import { addCalendarDays } from '../src/shared/sprint-dates.ts';
import { createNextSprint } from '../src/main/services/sprints.ts';
import { setMe } from '../src/main/services/workspace.ts';
import { planSprint, meeting } from './history-meeting.ts';
import { createRoadmapItems, work } from './history-work.ts';
import type { Plan } from './plan.ts';
import { TIME_ZONES, personName, type Random } from './random.ts';
import { MEETING_DAY, MEETING_HOUR, MEETING_ZONE, simulation, valid, type Simulation } from './simulation.ts';

/** The week before sprint 1. */
function found(sim: Simulation): void {
  const { ws, r, plan, setTime, at, startOf, ownerCount, people, sprints, events, runEvents } = sim;
  setTime(at(1, -7));
  for (let i = 0; i < plan.people; i++) {
    const { name, handle } = personName(i);
    people.push(
      createPerson(
        ws,
        valid('people.create', {
          name,
          handle,
          timeZone: TIME_ZONES[i % TIME_ZONES.length]!,
          roles: i < ownerCount ? ['goal owner'] : r.chance(0.6) ? ['stakeholder'] : [],
        }),
      ).id,
    );
  }
  createRoadmapItems(sim, 1);
  events.forEach((e) => (e.at = at(1, -7, 10).getTime() + e.seq * 1000));
  runEvents();
  setTime(at(1, -3));
  const meetingDate = addCalendarDays(startOf(1), MEETING_DAY);
  const [year, month, day] = meetingDate.split('-').map(Number) as [number, number, number];
  const meetingAt = new TZDate(year, month - 1, day, MEETING_HOUR, 0, 0, MEETING_ZONE).toISOString();
  sprints.push(
    createNextSprint(
      ws,
      valid('sprints.createNext', { startDate: startOf(1), meetingAt, meetingTimeZone: MEETING_ZONE }),
    ),
  );
  planSprint(sim, 1);
  setMe(ws, valid('workspace.setMe', { personId: people[0]! }));
}

export function writeHistory(
  ws: Workspace,
  r: Random,
  plan: Plan,
  today: Date,
  setTime: (at: Date) => void,
  log: (line: string) => void,
  started: number,
): void {
  const sim = simulation(ws, r, plan, today, setTime);
  const { n } = sim;
  ws.db.transaction(() => found(sim))();

  let reported = 0;
  for (let s = 1; s <= n; s++) {
    ws.db.transaction(() => {
      work(sim, s);
      if (s < n) meeting(sim, s);
    })();
    const percent = Math.floor((s * 100) / n);
    if (percent >= reported + 10 || s === n) {
      reported = percent - (percent % 10);
      log(`  sprint ${s}/${n} (${percent}%) · ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }
}
