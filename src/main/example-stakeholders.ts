/**
 * The example group's stakeholders, a poll it ran and an update it published: five people
 * outside the group, what each follows, a closed poll on async drop with four answers, and the
 * monthly update of the month sprint 4 ended in, published.
 */
import { contract, type Input, type MethodName, type ParsedInput } from '../shared/contract.ts';
import type { Role } from '../shared/domain.ts';
import type { GoalKey } from './example-data.ts';
import type { Workspace } from './db/open.ts';
import { createUpdate, editUpdate } from './services/monthly-updates.ts';
import { createPerson, updatePerson } from './services/people.ts';
import { createPoll, respondToPoll } from './services/polls.ts';

const valid = <M extends MethodName>(method: M, input: Input<M>): ParsedInput<M> =>
  contract[method].input.parse(input) as ParsedInput<M>;

const stakeholder: Role[] = ['stakeholder'];

/** The example's stakeholders: the two already in the group's story, and three more. */
const STAKEHOLDERS = [
  {
    name: 'Sofia Marchetti',
    team: 'Ferrite Foundation, community',
    link: 'https://example.org/ferrite/community',
    goals: ['vision'],
    initiatives: [],
  },
  {
    name: 'Wei Zhang',
    team: 'Tokamak runtime',
    link: 'https://example.org/tokamak',
    goals: ['portability'],
    initiatives: ['drop'],
  },
  {
    name: 'Amara Nwosu',
    handle: 'anwosu',
    timeZone: 'Europe/London',
    team: 'Embedded working group',
    goals: [],
    initiatives: ['timers', 'cancellation'],
  },
  {
    name: 'Jonas Lindqvist',
    handle: 'jlindqvist',
    timeZone: 'Europe/Stockholm',
    team: 'Library team',
    goals: ['iteration'],
    initiatives: ['traits'],
  },
  {
    name: 'Rosa Delgado',
    handle: 'rdelgado',
    timeZone: 'America/Mexico_City',
    team: 'Developer relations',
    goals: ['tooling'],
    initiatives: ['book'],
  },
] as const satisfies readonly {
  name: string;
  handle?: string;
  timeZone?: string;
  team: string;
  link?: string;
  goals: readonly GoalKey[];
  initiatives: readonly string[];
}[];

export interface StoryLinks {
  personNamed(name: string): string | undefined;
  goal(key: GoalKey): string;
  initiative(key: string): string;
}

/** The stakeholders and what they follow, set up with the roadmap. Returns their ids by name. */
export function loadStakeholders(ws: Workspace, links: StoryLinks): string[] {
  return STAKEHOLDERS.map((data) => {
    const fields = {
      team: data.team,
      link: 'link' in data ? data.link : null,
      followsGoalIds: data.goals.map(links.goal),
      followsInitiativeIds: data.initiatives.map(links.initiative),
    };
    const known = links.personNamed(data.name);
    if (known) return updatePerson(ws, valid('people.update', { id: known, ...fields })).id;
    const { handle, timeZone } = data as { handle: string; timeZone: string };
    return createPerson(
      ws,
      valid('people.create', { name: data.name, handle, timeZone, roles: stakeholder, ...fields }),
    ).id;
  });
}

/** The poll on async drop: opened as sprint 4 starts, closed as it ends, four of five answered. */
export function loadPoll(
  ws: Workspace,
  links: StoryLinks,
  asked: string[],
  sprint: { startDate: string; endDate: string },
  setTime: (day: number) => void,
): void {
  setTime(0);
  const poll = createPoll(
    ws,
    valid('polls.create', {
      question: 'Which design should the async drop RFC propose?',
      initiativeId: links.initiative('drop'),
      options: ['Poll-based drop', 'Async destructors', 'Scoped cleanup only'],
      opensOn: sprint.startDate,
      closesOn: sprint.endDate,
      askedIds: asked,
    }),
  );
  const answers = ['Async destructors', 'Poll-based drop', 'Async destructors', 'Async destructors'];
  answers.forEach((answer, i) => {
    setTime(2 + i * 2);
    respondToPoll(ws, valid('polls.respond', { pollId: poll.id, personId: asked[i]!, answer }));
  });
}

/** The update of the month sprint 4 ended in, written and published. */
export function loadPublishedUpdate(ws: Workspace, month: string, timeZone: string): void {
  const update = createUpdate(ws, valid('updates.create', { month, timeZone }));
  editUpdate(ws, valid('updates.update', { id: update.id, status: 'published', timeZone }));
}
