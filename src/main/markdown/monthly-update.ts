/**
 * The monthly update's draft, in GitHub-flavoured Markdown, written from what the workspace
 * knows of the month (`monthFacts`):
 *
 * `# Monthly update: <Month yyyy>`; `## Summary` (the sprints that ended, outcome counts,
 * milestones reached, polish done); `## Sprints` (a `### Sprint N` per sprint: each sprint goal
 * with its outcome, and whether it was carried over); `## Goals` (a `### <goal>` per goal that
 * moved this month or is in progress: its state, its items' state changes, milestones reached,
 * its sprint goals' outcomes); `## Polish` (done, by whom); `## What's next` (the next sprint's
 * goals, milestones due); `## Polls` (each poll open during the month, its counts so far);
 * `## For our stakeholders` (a `### <name>` per stakeholder: the items they follow and what
 * happened to them).
 *
 * Whatever users typed goes through `escape.ts`. Deterministic, ending with one newline. The
 * slide deck reads its `##` sections as slides and `###` as vertical ones: one slide per goal.
 */
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { STATE_EMOJI, type Goal, type Outcome, type Person } from '../../shared/domain.ts';
import type { PollView } from '../../shared/stakeholder-views.ts';
import { isStakeholder, pollStatus } from '../../shared/stakeholder-views.ts';
import { OUTCOME_EMOJI, progressBar } from '../../shared/words.ts';
import type { MonthFacts } from '../services/month-facts.ts';
import { inline, title } from './escape.ts';
import { day, outcomeLine, polishLine } from './sprint-summary.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const shortDay = (date: string) => format(parseISO(date), 'd MMM');
const when = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: zone }).format(new Date(iso));

export const updateTitle = (facts: Pick<MonthFacts, 'label'>): string => `Monthly update: ${facts.label}`;

interface Context {
  facts: MonthFacts;
  name: (id: string | null) => string;
  goalOf: Map<string, string>;
  /** Sprint goals of the month's sprints, per goal. */
  sprintGoalsByGoal: Map<string, MonthFacts['ended'][number]['goals']>;
}

function contextOf(facts: MonthFacts): Context {
  const names = new Map(facts.people.map((p) => [p.id, p.name]));
  const goalOf = new Map<string, string>();
  for (const initiative of facts.initiatives) goalOf.set(initiative.id, initiative.goalId);
  const sprintGoalsByGoal = new Map<string, MonthFacts['ended'][number]['goals']>();
  for (const goal of facts.ended.flatMap((e) => e.goals)) {
    const goalId = goal.goalId ?? (goal.initiativeId ? goalOf.get(goal.initiativeId) : undefined);
    if (!goalId) continue;
    sprintGoalsByGoal.set(goalId, [...(sprintGoalsByGoal.get(goalId) ?? []), goal]);
  }
  return {
    facts,
    name: (id) => (id === null ? 'No owner' : (names.get(id) ?? 'Someone deleted')),
    goalOf,
    sprintGoalsByGoal,
  };
}

const countOutcomes = (goals: readonly { outcome: Outcome | null }[]) => {
  const counts = { done: 0, partial: 0, missed: 0, dropped: 0, none: 0 };
  for (const goal of goals) counts[goal.outcome ?? 'none'] += 1;
  return counts;
};

/** A sprint of the month not closed yet (the update was drafted before its meeting). */
const UNDER_WAY = 'under way';

function summary({ facts }: Context): string {
  const lines = ['## Summary', ''];
  if (!facts.ended.length) lines.push(`- **Sprints ended:** none in ${facts.label}`);
  else {
    const sprints = facts.ended.map(
      ({ sprint }) =>
        `Sprint ${sprint.number} (${shortDay(sprint.startDate)} – ${day(sprint.endDate)}${sprint.status === 'active' ? `, ${UNDER_WAY}` : ''})`,
    );
    const label = facts.ended.some((e) => e.sprint.status === 'active')
      ? `Sprints ending in ${facts.label}`
      : 'Sprints ended';
    lines.push(`- **${label}:** ${sprints.join(', ')}`);
    const goals = facts.ended.flatMap((e) => e.goals);
    lines.push(`- **Sprint goals:** ${goals.length ? outcomeLine(countOutcomes(goals)) : 'none'}`);
  }
  lines.push(`- **Milestones reached:** ${facts.milestonesDone.length}`);
  const polish = facts.ended.flatMap((e) => e.polishDone);
  const polishers = new Set(polish.map((p) => p.assigneeId ?? ''));
  lines.push(
    `- **Polish done:** ${polish.length ? `${plural(polish.length, 'issue')} by ${plural(polishers.size, 'person', 'people')}` : 'none'}`,
  );
  return lines.join('\n');
}

function sprints(ctx: Context): string {
  const blocks = ['## Sprints'];
  if (!ctx.facts.ended.length) return [...blocks, `No sprint ended in ${ctx.facts.label}.`].join('\n\n');
  for (const { sprint, goals } of ctx.facts.ended) {
    blocks.push(
      `### Sprint ${sprint.number} · ${day(sprint.startDate)} – ${day(sprint.endDate)}${sprint.status === 'active' ? ` (${UNDER_WAY})` : ''}`,
    );
    if (!goals.length) {
      blocks.push('No sprint goals.');
      continue;
    }
    blocks.push(outcomeLine(countOutcomes(goals)));
    blocks.push(
      goals
        .map((goal) => {
          const outcome = goal.outcome ? `${OUTCOME_EMOJI[goal.outcome]} ${goal.outcome}` : 'no outcome yet';
          const carried = goal.carriedOver ? ' · carried over' : '';
          return `- ${title(goal.title)} (${inline(ctx.name(goal.ownerId))}): ${outcome}${carried}`;
        })
        .join('\n'),
    );
  }
  return blocks.join('\n\n');
}

/** What happened this month to a goal and its initiatives and milestones, as list items. */
function goalNews(ctx: Context, goal: Goal): string[] {
  const { facts } = ctx;
  const initiatives = new Set(facts.initiatives.filter((i) => i.goalId === goal.id).map((i) => i.id));
  const lines: string[] = [];
  for (const change of facts.changes) {
    const mine =
      (change.entity === 'goal' && change.id === goal.id) ||
      (change.entity === 'initiative' && initiatives.has(change.id));
    if (!mine) continue;
    const from = change.from ? `${STATE_EMOJI[change.from]} ${change.from} → ` : 'new, ';
    lines.push(
      `- ${change.entity === 'goal' ? 'The goal' : title(change.title)}: ${from}${STATE_EMOJI[change.to]} ${change.to} (${when(change.at, facts.bounds.timeZone)})`,
    );
  }
  for (const milestone of facts.milestonesDone) {
    if (!milestone.initiativeId || !initiatives.has(milestone.initiativeId)) continue;
    lines.push(
      `- ✅ Milestone reached: ${title(milestone.title)} (${title(milestone.initiativeTitle ?? '')}, ${when(milestone.at, facts.bounds.timeZone)})`,
    );
  }
  const sprintGoals = ctx.sprintGoalsByGoal.get(goal.id) ?? [];
  if (sprintGoals.length) lines.push(`- Sprint goals: ${outcomeLine(countOutcomes(sprintGoals))}`);
  return lines;
}

function goals(ctx: Context): string {
  const blocks = ['## Goals'];
  let shown = 0;
  for (const goal of ctx.facts.goals) {
    const news = goalNews(ctx, goal);
    if (!news.length && goal.state !== 'in progress') continue;
    shown++;
    blocks.push(`### ${title(goal.title)}`);
    blocks.push(`${STATE_EMOJI[goal.state]} ${goal.state} · ${progressBar(goal.progress)} ${goal.progress}%`);
    blocks.push(news.length ? news.join('\n') : 'No change this month.');
  }
  if (!shown) blocks.push('No goal moved this month, and none is in progress.');
  return blocks.join('\n\n');
}

function polish(ctx: Context): string {
  const done = ctx.facts.ended.flatMap((e) => e.polishDone);
  const blocks = ['## Polish'];
  if (!done.length) return [...blocks, 'No polish done in the sprints that ended this month.'].join('\n\n');
  const byPerson = new Map<string, number>();
  for (const issue of done) {
    const who = ctx.name(issue.assigneeId);
    byPerson.set(who, (byPerson.get(who) ?? 0) + 1);
  }
  const tally = [...byPerson]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'en'))
    .map(([who, n]) => `${inline(who)} ${n}`);
  blocks.push(`${plural(done.length, 'polish issue')} done: ${tally.join(', ')}.`);
  blocks.push(
    done.map((issue) => `- ${polishLine(issue)} (${inline(ctx.name(issue.assigneeId))})`).join('\n'),
  );
  return blocks.join('\n\n');
}

function whatsNext(ctx: Context): string {
  const { next } = ctx.facts;
  const blocks = ["## What's next"];
  if (!next) return [...blocks, 'No sprint is planned yet.'].join('\n\n');
  const { sprint } = next;
  blocks.push(`### Sprint ${sprint.number} · ${day(sprint.startDate)} – ${day(sprint.endDate)}`);
  blocks.push(
    next.goals.length
      ? next.goals.map((g) => `- ${title(g.title)} (${inline(ctx.name(g.ownerId))})`).join('\n')
      : 'Its sprint goals are not planned yet.',
  );
  if (next.due.length) {
    blocks.push('### Milestones due');
    blocks.push(
      next.due
        .map((m) => `- ${title(m.title)} (${title(m.initiativeTitle)}), by sprint ${m.targetSprintNumber}`)
        .join('\n'),
    );
  }
  return blocks.join('\n\n');
}

/** A poll's results as Markdown: the counts with a bar of cells (the count is always written). */
export function pollResults(poll: PollView): string {
  if (!poll.options.length) {
    if (!poll.responses.length) return 'No answers yet.';
    return poll.responses.map((r) => `- ${inline(r.name)}: ${inline(r.answer)}`).join('\n');
  }
  const most = Math.max(1, ...poll.counts.map((c) => c.count));
  return poll.counts
    .map((c) => `- ${title(c.option)}: ${c.count} ${'▰'.repeat(Math.round((c.count / most) * 6))}`.trimEnd())
    .join('\n');
}

/** `Open 1 Mar – 14 Mar 2026 · 3 of 5 asked answered`. */
export function pollLine(poll: PollView, today: string): string {
  const until = poll.closesOn ? ` – ${day(poll.closesOn)}` : ', no closing date';
  const status = pollStatus(poll, today);
  const word = status === 'closed' ? 'Closed' : status === 'open' ? 'Open' : 'Opens';
  const about = poll.subject ? `About ${poll.subject.kind} ${title(poll.subject.title)}. ` : '';
  return `${about}${word}: ${day(poll.opensOn)}${until} · ${poll.responses.length} of ${plural(poll.askedIds.length, 'stakeholder')} asked answered.`;
}

function polls(ctx: Context): string {
  const blocks = ['## Polls'];
  if (!ctx.facts.polls.length) return [...blocks, `No poll was open in ${ctx.facts.label}.`].join('\n\n');
  for (const poll of ctx.facts.polls) {
    blocks.push(`### ${title(poll.question)}`);
    blocks.push(pollLine(poll, ctx.facts.lastDay));
    blocks.push(pollResults(poll));
  }
  return blocks.join('\n\n');
}

function followed(ctx: Context, person: Person): string[] {
  const { facts } = ctx;
  const lines: string[] = [];
  for (const id of person.followsGoalIds) {
    const goal = facts.goals.find((g) => g.id === id);
    if (!goal) continue;
    const news = goalNews(ctx, goal).length;
    lines.push(
      `- ${title(goal.title)}: ${STATE_EMOJI[goal.state]} ${goal.state}, ${goal.progress}%${news ? `; ${plural(news, 'change')} this month (see Goals)` : '; no change this month'}`,
    );
  }
  for (const id of person.followsInitiativeIds) {
    const initiative = facts.initiatives.find((i) => i.id === id);
    if (!initiative) continue;
    const changes = facts.changes.filter((c) => c.entity === 'initiative' && c.id === id).length;
    const milestones = facts.milestonesDone.filter((m) => m.initiativeId === id).length;
    const news = [
      changes ? plural(changes, 'state change') : '',
      milestones ? plural(milestones, 'milestone') + ' reached' : '',
    ].filter(Boolean);
    lines.push(
      `- ${title(initiative.title)}: ${STATE_EMOJI[initiative.state]} ${initiative.state}, ${initiative.progress}%; ${news.length ? `${news.join(', ')} this month` : 'no change this month'}`,
    );
  }
  return lines;
}

function stakeholders(ctx: Context): string {
  const people = ctx.facts.people.filter(isStakeholder);
  const blocks = ['## For our stakeholders'];
  if (!people.length) return [...blocks, 'No stakeholders are listed yet.'].join('\n\n');
  for (const person of people) {
    blocks.push(`### ${inline(person.name)}${person.team ? ` (${inline(person.team)})` : ''}`);
    const lines = followed(ctx, person);
    blocks.push(lines.length ? lines.join('\n') : 'Follows no goal or initiative yet.');
  }
  return blocks.join('\n\n');
}

/** The draft of the month's update (see the file's comment). */
export function monthlyUpdateDraft(facts: MonthFacts): string {
  const ctx = contextOf(facts);
  const sections = [
    `# ${updateTitle(facts)}`,
    summary(ctx),
    sprints(ctx),
    goals(ctx),
    polish(ctx),
    whatsNext(ctx),
    polls(ctx),
    stakeholders(ctx),
  ];
  return `${sections.join('\n\n')}\n`;
}
