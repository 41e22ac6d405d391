/**
 * The sprint summary, in GitHub-flavoured Markdown, to paste into a repository, a wiki or an
 * issue after the meeting:
 *
 * `# Sprint N summary`, then the dates and the meeting; `## Attendees` (present, absent);
 * `## Sprint goals` (the outcome counts, then a `### Owner` table per owner:
 * `| Sprint goal | Outcome | Note |`); `## Retrospective` (notes per column, most votes first);
 * `## Action items` (new ones with owners, earlier ones done this sprint, earlier ones still
 * open when it ended); `## Polish` (done in the sprint, with links, and the per-person tally);
 * `## Plan for sprint N+1` (`| Owner | Sprint goal | Estimate (days) | Definition of done |`,
 * then each owner's planned days against their capacity).
 *
 * Whatever users typed goes through `escape.ts`, so it can't break a table, start a block,
 * inject HTML or hide a link behind text; the links made are the polish issues' (`owner/repo#123`
 * → its GitHub issue, or the issue's http(s) URL); a name or a note that reads like a URL stays
 * text. Deterministic (people by name, goals by position, notes by votes then position), ending
 * with one newline.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import {
  OUTCOMES,
  RETRO_COLUMNS,
  type ActionItem,
  type Meeting,
  type Person,
  type PolishIssue,
  type Sprint,
} from '../../shared/domain.ts';
import type { OutcomeCounts, SprintSummary } from '../../shared/meeting-views.ts';
import type { Workspace } from '../db/open.ts';
import { getMeetingOfSprint } from '../services/meeting.ts';
import { listPeople } from '../services/people.ts';
import { planningView } from '../services/planning.ts';
import { sprintTally, tallyPeople } from '../services/polish-tally.ts';
import {
  actionItemsOf,
  earlierActionItems,
  goalsByOwner,
  notesByColumn,
  polishDoneIn,
} from '../services/retrospective.ts';
import { getSprint, listSprints, sprintNumbered } from '../services/sprints.ts';
import { issueLink } from '../../shared/links.ts';
import { meetingZone } from '../../shared/meeting-time.ts';
import { ATTENDANCE_LABELS, OUTCOME_EMOJI, RETRO_COLUMN_LABELS, meetingLength } from '../../shared/words.ts';
import { inline, linkText, title, url } from './escape.ts';

/** `2 Nov 2026` for a `yyyy-MM-dd` calendar date. */
export const day = (date: string): string => format(parseISO(date), 'd MMM yyyy');

export const summaryFileName = (sprint: Pick<Sprint, 'number'>): string =>
  `sprint-${sprint.number}-summary.md`;

/**
 * A polish issue as Markdown: its `owner/repo#123` reference linked to the GitHub issue, or its
 * title linked to its http(s) URL; anything else stays text (`javascript:` never becomes a link).
 */
export function polishLine(issue: Pick<PolishIssue, 'title' | 'link'>): string {
  const text = title(issue.title);
  const link = issue.link?.trim() ?? '';
  const found = issueLink(link);
  const destination = found && url(found.shorthand ? found.href : found.link);
  if (found?.shorthand && destination) return `[${linkText(link)}](${destination}) ${text}`;
  if (destination) return `[${linkText(issue.title)}](${destination})`;
  return link ? `${text} (${inline(link)})` : text;
}

/** A table row; an empty cell stays a valid cell. */
function row(cells: readonly string[]): string {
  return `|${cells.map((c) => (c ? ` ${c} ` : ' ')).join('|')}|`;
}

function table(header: readonly string[], rows: readonly string[][], align?: readonly ('l' | 'r')[]): string {
  const rule = header.map((_, i) => (align?.[i] === 'r' ? '--:' : '---'));
  return [row(header), row(rule), ...rows.map(row)].join('\n');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const days = (n: number) => String(Math.round(n * 100) / 100);

export function outcomeLine(counts: OutcomeCounts): string {
  const parts = OUTCOMES.filter((o) => counts[o] > 0).map((o) => `${counts[o]} ${o}`);
  if (counts.none > 0) parts.push(`${counts.none} without an outcome`);
  return parts.join(' · ');
}

interface Names {
  of(id: string | null): string;
}

function names(people: readonly Person[]): Names {
  const byId = new Map(people.map((p) => [p.id, p.name]));
  return { of: (id) => (id === null ? 'No owner' : (byId.get(id) ?? 'Someone deleted')) };
}

function header(sprint: Sprint, meeting: Meeting | null): string {
  const lines = [
    `# Sprint ${sprint.number} summary`,
    '',
    `- **Dates:** ${day(sprint.startDate)} – ${day(sprint.endDate)}`,
    `- **Status:** ${sprint.status}`,
  ];
  if (meeting) {
    const zone = meetingZone(sprint);
    const started = format(new TZDate(meeting.startedAt, zone), 'd MMM yyyy, HH:mm');
    const seconds = Object.values(meeting.secondsSpent).reduce((a, b) => a + b, 0);
    const length = meeting.endedAt ? `, ${meetingLength(seconds)}` : ' (in progress)';
    lines.push(`- **Meeting:** ${started} (${inline(zone)})${length}`);
  }
  return lines.join('\n');
}

function attendees(meeting: Meeting | null, who: Names): string {
  const lines = ['## Attendees', ''];
  if (!meeting) return [...lines, 'No meeting has been held for this sprint yet.'].join('\n');
  const sorted = (present: boolean) =>
    meeting.attendees
      .filter((a) => a.present === present)
      .map((a) => who.of(a.personId))
      .sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0))
      .map(inline);
  const present = sorted(true);
  const absent = sorted(false);
  lines.push(
    `- **${ATTENDANCE_LABELS.present}:** ${present.length ? present.join(', ') : 'nobody recorded'}`,
  );
  if (absent.length) lines.push(`- **${ATTENDANCE_LABELS.absent}:** ${absent.join(', ')}`);
  return lines.join('\n');
}

function sprintGoals(ws: Workspace, sprint: Sprint, who: Names): string {
  const groups = goalsByOwner(ws, sprint.id);
  const blocks = ['## Sprint goals'];
  if (!groups.length) return [...blocks, 'No sprint goals.'].join('\n\n');
  const counts: OutcomeCounts = { done: 0, partial: 0, missed: 0, dropped: 0, none: 0 };
  for (const goal of groups.flatMap((g) => g.goals)) counts[goal.outcome ?? 'none'] += 1;
  blocks.push(outcomeLine(counts));
  for (const group of groups) {
    const rows = group.goals.map((goal) => [
      title(goal.title, { inCell: true }) +
        (goal.rolloverCount ? ` (carried over ×${goal.rolloverCount})` : ''),
      goal.outcome ? `${OUTCOME_EMOJI[goal.outcome]} ${goal.outcome}` : '—',
      inline(goal.outcomeNote),
    ]);
    blocks.push(`### ${inline(who.of(group.ownerId))}`, table(['Sprint goal', 'Outcome', 'Note'], rows));
  }
  return blocks.join('\n\n');
}

function retrospective(ws: Workspace, sprint: Sprint): string {
  const notes = notesByColumn(ws, sprint.id);
  const blocks = ['## Retrospective'];
  for (const column of RETRO_COLUMNS) {
    const sorted = [...notes[column]].sort((a, b) => b.votes - a.votes || a.position - b.position);
    if (!sorted.length) continue;
    const items = sorted.map((n) => `- ${inline(n.text)}${n.votes ? ` (${plural(n.votes, 'vote')})` : ''}`);
    blocks.push(`### ${RETRO_COLUMN_LABELS[column]}`, items.join('\n'));
  }
  if (blocks.length === 1) blocks.push('No notes.');
  return blocks.join('\n\n');
}

function actionItems(ws: Workspace, sprint: Sprint, who: Names): string {
  const numbers = new Map(listSprints(ws).map((s) => [s.id, s.number]));
  const owner = (item: ActionItem) => (item.ownerId ? ` — ${inline(who.of(item.ownerId))}` : '');
  /** `(raised in sprint 2, done in sprint 5)`: where it came from (earlier ones) and where it ended. */
  const facts = (item: ActionItem, raised: boolean, done = true) => {
    const parts = raised ? [`raised in sprint ${numbers.get(item.sprintId) ?? '?'}`] : [];
    if (done && item.status === 'done') {
      parts.push(item.doneSprintId ? `done in sprint ${numbers.get(item.doneSprintId) ?? '?'}` : 'done');
    }
    return parts.length ? ` (${parts.join(', ')})` : '';
  };
  const list = (items: ActionItem[], raised: boolean, done = true) =>
    items.map((item) => `- ${inline(item.text)}${owner(item)}${facts(item, raised, done)}`).join('\n');

  const mine = actionItemsOf(ws, sprint.id);
  const earlier = earlierActionItems(ws, sprint);
  const doneNow = earlier.filter((i) => i.status === 'done' && i.doneSprintId === sprint.id);
  // Open when this sprint ended: open now, or done in a later sprint (which its line says).
  const stillOpen = earlier.filter((i) => !doneNow.includes(i));
  const blocks = ['## Action items'];
  if (mine.length) blocks.push('### New', list(mine, false));
  if (doneNow.length) blocks.push('### Done this sprint', list(doneNow, true, false));
  if (stillOpen.length) blocks.push('### Open from earlier sprints', list(stillOpen, true));
  if (blocks.length === 1) blocks.push('No action items.');
  return blocks.join('\n\n');
}

function polish(ws: Workspace, sprint: Sprint, who: Names): string {
  const done = polishDoneIn(ws, sprint.id);
  const blocks = ['## Polish', `### Done in sprint ${sprint.number}`];
  blocks.push(
    done.length
      ? done
          .map(
            (issue) =>
              `- ${polishLine(issue)}${issue.assigneeId ? ` — ${inline(who.of(issue.assigneeId))}` : ''}`,
          )
          .join('\n')
      : 'No polish done.',
  );
  const { tally, unassigned } = sprintTally(ws, sprint, tallyPeople(ws));
  const rows = tally.map((t) => [inline(who.of(t.personId)), String(t.count)]);
  if (unassigned) rows.push(['No assignee', String(unassigned)]);
  if (rows.length) blocks.push('### Tally', table(['Person', 'Polish done'], rows, ['l', 'r']));
  return blocks.join('\n\n');
}

function plan(ws: Workspace, sprint: Sprint, who: Names): string {
  const nextRow = sprintNumbered(ws, sprint.number + 1);
  if (!nextRow)
    return ['## Plan for the next sprint', 'The next sprint has not been planned yet.'].join('\n\n');
  const view = planningView(ws, { sprintId: nextRow.id });
  const next = view.sprint;
  const blocks = [
    `## Plan for sprint ${next.number}`,
    `- **Dates:** ${day(next.startDate)} – ${day(next.endDate)}`,
  ];
  if (!view.sprintGoals.length) return [...blocks, 'No sprint goals yet.'].join('\n\n');
  const byId = new Map(view.sprintGoals.map((g) => [g.id, g]));
  const rows = view.owners.flatMap((owner) =>
    owner.sprintGoalIds.map((id) => {
      const goal = byId.get(id)!;
      return [
        inline(who.of(owner.personId)),
        title(goal.title, { inCell: true }) +
          (goal.rolloverCount ? ` (carried over ×${goal.rolloverCount})` : ''),
        goal.estimate === null ? '—' : days(goal.estimate),
        inline(goal.definitionOfDone),
      ];
    }),
  );
  blocks.push(
    table(['Owner', 'Sprint goal', 'Estimate (days)', 'Definition of done'], rows, ['l', 'l', 'r', 'l']),
  );
  const load = view.owners
    .filter((o) => o.personId !== null && o.sprintGoalIds.length)
    .map((o) => {
      const capacity =
        o.capacity === null
          ? '—'
          : `${days(o.capacity)}${o.isDefault ? ` (as in sprint ${o.capacityFromSprintNumber})` : ''}`;
      return [
        inline(who.of(o.personId)),
        days(o.totalEstimate),
        capacity,
        o.overCapacity ? '⚠️ over capacity' : '',
      ];
    });
  if (load.length) {
    blocks.push(table(['Owner', 'Planned (days)', 'Capacity (days)', 'Note'], load, ['l', 'r', 'r', 'l']));
  }
  return blocks.join('\n\n');
}

/** The summary of one sprint. */
export function sprintSummary(ws: Workspace, sprintId: string): SprintSummary {
  const sprint = getSprint(ws, sprintId, 'sprintId');
  const who = names(listPeople(ws));
  const meeting = getMeetingOfSprint(ws, { sprintId: sprint.id });
  const sections = [
    header(sprint, meeting),
    attendees(meeting, who),
    sprintGoals(ws, sprint, who),
    retrospective(ws, sprint),
    actionItems(ws, sprint, who),
    polish(ws, sprint, who),
    plan(ws, sprint, who),
  ];
  return { fileName: summaryFileName(sprint), markdown: `${sections.join('\n\n')}\n` };
}
