/** The workspace in export order, and where each item's page goes. */
import type { Goal, Initiative, Milestone, Person } from '../../../shared/domain.ts';
import type { Workspace } from '../../db/open.ts';
import { listGoals } from '../../services/goals.ts';
import { listInitiatives } from '../../services/initiatives.ts';
import { listMilestones } from '../../services/milestones.ts';
import { listPeople } from '../../services/people.ts';
import { path } from '../escape.ts';
import { uniqueSlugs } from '../slug.ts';
import { PAGES_DIR } from './format.ts';

export interface InitiativeEntry {
  initiative: Initiative;
  slug: string;
  milestones: Milestone[];
}
export interface GoalEntry {
  goal: Goal;
  slug: string;
  initiatives: InitiativeEntry[];
}
export interface Model {
  people: Map<string, Person>;
  goals: GoalEntry[];
  initiatives: Map<string, { goal: GoalEntry; entry: InitiativeEntry }>;
  milestones: Map<string, Milestone>;
}

export function readModel(ws: Workspace): Model {
  const people = new Map(listPeople(ws).map((p) => [p.id, p]));
  const initiatives = listInitiatives(ws, {});
  const milestones = listMilestones(ws, {});
  const goals = listGoals(ws);
  const goalSlugs = uniqueSlugs(
    goals.map((g) => g.title),
    'goal',
  );
  const model: Model = { people, goals: [], initiatives: new Map(), milestones: new Map() };
  goals.forEach((goal, i) => {
    const own = initiatives.filter((x) => x.goalId === goal.id);
    const slugs = uniqueSlugs(
      own.map((x) => x.title),
      'initiative',
    );
    const entry: GoalEntry = {
      goal,
      slug: goalSlugs[i]!,
      initiatives: own.map((initiative, j) => ({
        initiative,
        slug: slugs[j]!,
        milestones: milestones.filter((m) => m.initiativeId === initiative.id),
      })),
    };
    model.goals.push(entry);
    for (const x of entry.initiatives) model.initiatives.set(x.initiative.id, { goal: entry, entry: x });
  });
  for (const m of milestones) model.milestones.set(m.id, m);
  return model;
}

/** A relative link from the folder of `from` to the file `to` (both relative to the export root). */
export function relative(from: string, to: string): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common])
    common++;
  const up = fromParts.length - common;
  const rest = toParts.slice(common).join('/');
  return path(up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`);
}

export const goalFile = (g: GoalEntry): string => `${PAGES_DIR}/${g.slug}.md`;
export const initiativeFile = (g: GoalEntry, i: InitiativeEntry): string =>
  `${PAGES_DIR}/${g.slug}/${i.slug}.md`;
