/**
 * The plan of an import: what the files say, matched against the workspace — goals by title,
 * initiatives by goal and title, milestones by initiative and title — with the fields each
 * match changes. Writes nothing.
 *
 * Progress read from a file becomes the item's manual progress — unless the file shows what the
 * item will show without it (its manual progress, else what it derives from its milestones or
 * initiatives after the import; for a six-cell bar, the same cells), so a round trip changes
 * nothing.
 */
import type { ParsedInput } from '../../../shared/contract.ts';
import { LIMITS, type Goal, type Initiative, type Milestone, type State } from '../../../shared/domain.ts';
import type { Workspace } from '../../db/open.ts';
import { DomainError } from '../../services/errors.ts';
import { listGoals } from '../../services/goals.ts';
import { listInitiatives } from '../../services/initiatives.ts';
import { listMilestones } from '../../services/milestones.ts';
import { listPeople } from '../../services/people.ts';
import { PROGRESS_CELLS, progressBar } from '../../../shared/words.ts';
import {
  readRoadmap,
  UnreadableRoadmap,
  type ImportProblem,
  type ReadGoal,
  type ReadInitiative,
  type ReadMilestone,
  type Where,
} from '../roadmap-read.ts';
import { isUnowned, UNOWNED_FLAG } from '../../../shared/unowned.ts';
import { norm } from '../read/overview.ts';
import { goalFile, initiativeFile, readModel } from '../export/model.ts';
import { resolveDependencies } from './dependencies.ts';
import { planOrder, sameList } from './order.ts';
import { ownerIds, People, type PlannedPerson } from './people.ts';

export interface RoadmapFile {
  path: string;
  content: string;
}

export interface PlannedMilestone {
  read: ReadMilestone;
  existing: Milestone | null;
  id: string | null;
  fields: Partial<ParsedInput<'milestones.update'>>;
  dependsOn: (PlannedMilestone | Milestone)[] | undefined;
}

export interface PlannedInitiative {
  read: ReadInitiative;
  existing: Initiative | null;
  id: string | null;
  fields: Partial<ParsedInput<'initiatives.update'>>;
  milestones: PlannedMilestone[];
  dependsOn: (PlannedInitiative | Initiative)[] | undefined;
  /** The progress it will show after the import. */
  progress: number;
}

export interface PlannedGoal {
  read: ReadGoal;
  existing: Goal | null;
  id: string | null;
  fields: Partial<ParsedInput<'goals.update'>>;
  initiatives: PlannedInitiative[];
}

export interface Plan {
  people: PlannedPerson[];
  goals: PlannedGoal[];
  problems: ImportProblem[];
  /** What the import keeps as the files say but flags, by file and line: in progress, nobody owns it. */
  notes: ImportProblem[];
  /** Existing items whose position changes (by id), for the preview. */
  moved: Set<string>;
  /** Existing items the files no longer have, to delete (none with `keepMissing`). */
  removed: Removed[];
}

export interface Removed {
  kind: 'goal' | 'initiative' | 'milestone';
  id: string;
  title: string;
  within: string | null;
  /** Deleted with its parent (a removed goal's initiatives, a removed initiative's milestones). */
  withParent: boolean;
}

export interface PlanOptions {
  /** Keep the items the files don't have, rather than make the roadmap match the files. */
  keepMissing?: boolean | undefined;
}

function fit(text: string, max: number, what: string, at: Where, problems: ImportProblem[]): string {
  if (text.length <= max) return text;
  problems.push({ ...at, message: `${what} is longer than ${max} characters: cut to ${max}` });
  return text.slice(0, max);
}

/**
 * The state the file says, as it says it; an item that will be in progress while nobody owns it
 * gets the flag as a note (not a problem: nothing is skipped or changed).
 */
function settle(
  state: State | undefined,
  owners: string[] | undefined,
  current: { state: State; owners: readonly string[] } | null,
  what: string,
  at: Where,
  notes: ImportProblem[],
): State | undefined {
  if (isUnowned(state ?? current?.state ?? 'help wanted', owners ?? current?.owners ?? []))
    notes.push({ ...at, message: `${what}: ${UNOWNED_FLAG}` });
  return state;
}

/**
 * Progress as the workspace derives it, from the parts' progress (a milestone: 0 or 100) after
 * the import: their rounded average, else 100 for an item done and 0 for any other.
 */
function derivedProgress(parts: number[], state: State | undefined): number {
  if (!parts.length) return state === 'done' ? 100 : 0;
  return Math.round(parts.reduce((sum, p) => sum + p, 0) / parts.length);
}

/** A value a six-cell bar reads as (0, 17, 33, …, 100), which says no more than its cells. */
const isBarValue = (progress: number): boolean =>
  Math.round((Math.round((progress * PROGRESS_CELLS) / 100) / PROGRESS_CELLS) * 100) === progress;

/**
 * The manual progress an import sets: the file's, unless it is what the item will show without
 * it (`shown`: its manual progress, else what the import leaves it to derive) — for a six-cell
 * bar, the same cells; for a finer value (`40%`), the same value.
 */
function manualProgress(read: number | undefined, shown: number): number | undefined {
  if (read === undefined || read === shown) return undefined;
  return isBarValue(read) && progressBar(read) === progressBar(shown) ? undefined : read;
}

/** Items grouped by their parent's id, in their order (an empty list for a parent without any). */
function byParent<T>(items: readonly T[], parentOf: (item: T) => string): (id: string) => T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = parentOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return (id) => groups.get(id) ?? [];
}

/**
 * Existing siblings matched to read ones, each at most once: by the same title first, then by the
 * same title ignoring case and spacing, then — an item renamed in its page — by the same page
 * file, as Fortnight's export names it. `unmatched`: what the files no longer have.
 */
function matchSiblings<T extends { id: string; title: string }>(
  read: readonly { title: string; file: string | null }[],
  existing: readonly T[],
  pageOf: ReadonlyMap<string, string>,
): { matches: (T | null)[]; unmatched: T[] } {
  const used = new Set<string>();
  const matches: (T | null)[] = read.map(() => null);
  const pass = (same: (r: { title: string; file: string | null }, e: T) => boolean) =>
    read.forEach((r, i) => {
      if (matches[i]) return;
      const found = existing.find((e) => !used.has(e.id) && same(r, e));
      if (found) {
        used.add(found.id);
        matches[i] = found;
      }
    });
  pass((r, e) => e.title === r.title);
  pass((r, e) => norm(e.title) === norm(r.title));
  pass((r, e) => r.file !== null && pageOf.get(e.id) === r.file);
  return { matches, unmatched: existing.filter((e) => !used.has(e.id)) };
}

/** Each goal's and initiative's page in a folder Fortnight exports, by id. */
function pages(ws: Workspace): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of readModel(ws).goals) {
    out.set(g.goal.id, goalFile(g));
    for (const i of g.initiatives) out.set(i.initiative.id, initiativeFile(g, i));
  }
  return out;
}

/** A title as the import keeps it (a longer one is cut, and the cut named as a problem). */
const matchKey = (item: { title: string; file?: string | null }) => ({
  title: item.title.slice(0, LIMITS.title),
  file: item.file ?? null,
});

export function plan(ws: Workspace, files: readonly RoadmapFile[], options: PlanOptions = {}): Plan {
  let read;
  try {
    read = readRoadmap(files);
  } catch (error) {
    if (error instanceof UnreadableRoadmap) {
      throw new DomainError('invalid_input', error.message, `files.${error.index}`);
    }
    throw error;
  }
  const problems = read.problems;
  const people = new People(listPeople(ws), read.people);
  const goals = listGoals(ws);
  const initiatives = listInitiatives(ws, {});
  const milestones = listMilestones(ws, {});
  const initiativesOf = byParent(initiatives, (i) => i.goalId);
  const milestonesOf = byParent(milestones, (m) => m.initiativeId);
  const pageOf = pages(ws);
  const goalMatch = matchSiblings(read.goals.map(matchKey), goals, pageOf);
  const out: Plan = {
    people: people.planned,
    goals: [],
    problems,
    notes: [],
    moved: new Set(),
    removed: [],
  };
  const remove = (item: Removed) => {
    if (!options.keepMissing) out.removed.push(item);
  };
  const removeInitiative = (i: Initiative, within: string, withParent: boolean) => {
    remove({ kind: 'initiative', id: i.id, title: i.title, within, withParent });
    for (const m of milestonesOf(i.id))
      remove({ kind: 'milestone', id: m.id, title: m.title, within: i.title, withParent: true });
  };

  for (const [gi, rg] of read.goals.entries()) {
    const title = fit(rg.title, LIMITS.title, `The title “${rg.title.slice(0, 40)}…”`, rg.at, problems);
    const existing = goalMatch.matches[gi] ?? null;
    const owners = ownerIds(people, rg.owners, true, `“${title}”`, rg.at, problems);
    const state = settle(
      rg.state,
      owners.ids,
      existing && { state: existing.state, owners: existing.ownerIds },
      `The goal “${title}”`,
      rg.at,
      out.notes,
    );
    const fields: PlannedGoal['fields'] = {};
    if (!existing || existing.title !== title) fields.title = title;
    if (rg.impact !== undefined && rg.impact !== (existing?.impact ?? ''))
      fields.impact = fit(rg.impact, LIMITS.text, 'The impact', rg.at, problems);
    if (rg.howToHelp !== undefined && rg.howToHelp !== (existing?.howToHelp ?? ''))
      fields.howToHelp = fit(rg.howToHelp, LIMITS.text, 'How to help', rg.at, problems);
    if (state !== undefined && state !== existing?.state) fields.state = state;
    if (owners.ids && !sameList(owners.ids, existing?.ownerIds ?? [])) fields.ownerIds = owners.ids;
    const goal: PlannedGoal = { read: rg, existing, id: existing?.id ?? null, fields, initiatives: [] };
    out.goals.push(goal);

    const initiativeMatch = matchSiblings(
      rg.initiatives.map(matchKey),
      existing ? initiativesOf(existing.id) : [],
      pageOf,
    );
    for (const [ii, ri] of rg.initiatives.entries()) {
      const ititle = fit(ri.title, LIMITS.title, `The title “${ri.title.slice(0, 40)}…”`, ri.at, problems);
      const iexisting = initiativeMatch.matches[ii] ?? null;
      const iowners = ownerIds(people, ri.owners, true, `“${ititle}”`, ri.at, problems);
      const istate = settle(
        ri.state,
        iowners.ids,
        iexisting && { state: iexisting.state, owners: iexisting.ownerIds },
        `The initiative “${ititle}”`,
        ri.at,
        out.notes,
      );
      const f: PlannedInitiative['fields'] = {};
      if (!iexisting || iexisting.title !== ititle) f.title = ititle;
      if (ri.impact !== undefined && ri.impact !== (iexisting?.impact ?? ''))
        f.impact = fit(ri.impact, LIMITS.text, 'The impact', ri.at, problems);
      if (ri.features !== undefined && ri.features !== (iexisting?.features ?? ''))
        f.features = fit(ri.features, LIMITS.text, 'The features', ri.at, problems);
      if (ri.link !== undefined) {
        const link = ri.link && ri.link.length <= LIMITS.link ? ri.link : null;
        if (ri.link && !link)
          problems.push({ ...ri.at, message: `The link of “${ititle}” is too long: left out` });
        if (link !== (iexisting?.link ?? null)) f.link = link;
      }
      if (istate !== undefined && istate !== iexisting?.state) f.state = istate;
      if (iowners.ids && !sameList(iowners.ids, iexisting?.ownerIds ?? [])) f.ownerIds = iowners.ids;
      const initiative: PlannedInitiative = {
        read: ri,
        existing: iexisting,
        id: iexisting?.id ?? null,
        fields: f,
        milestones: [],
        dependsOn: undefined,
        progress: 0,
      };
      goal.initiatives.push(initiative);

      const milestoneMatch = matchSiblings(
        (ri.milestones ?? []).map(matchKey),
        iexisting ? milestonesOf(iexisting.id) : [],
        pageOf,
      );
      for (const [mi, rm] of (ri.milestones ?? []).entries()) {
        const mtitle = fit(rm.title, LIMITS.title, `The title “${rm.title.slice(0, 40)}…”`, rm.at, problems);
        const mexisting = milestoneMatch.matches[mi] ?? null;
        const participants = ownerIds(people, rm.participants, false, `“${mtitle}”`, rm.at, problems);
        const mstate = settle(
          rm.state,
          participants.ids,
          mexisting && { state: mexisting.state, owners: mexisting.participantIds },
          `The milestone “${mtitle}”`,
          rm.at,
          out.notes,
        );
        const mf: PlannedMilestone['fields'] = {};
        if (!mexisting || mexisting.title !== mtitle) mf.title = mtitle;
        if (mstate !== undefined && mstate !== mexisting?.state) mf.state = mstate;
        if (participants.ids && !sameList(participants.ids, mexisting?.participantIds ?? []))
          mf.participantIds = participants.ids;
        initiative.milestones.push({
          read: rm,
          existing: mexisting,
          id: mexisting?.id ?? null,
          fields: mf,
          dependsOn: undefined,
        });
      }
      // Its milestones the files don't list (all of them when they list none): removed, unless
      // the files say nothing of milestones or `keepMissing` keeps them.
      const unlistedMilestones = iexisting
        ? ri.milestones
          ? milestoneMatch.unmatched
          : milestonesOf(iexisting.id)
        : [];
      if (iexisting && ri.milestones) {
        for (const m of unlistedMilestones)
          remove({ kind: 'milestone', id: m.id, title: m.title, within: iexisting.title, withParent: false });
      }
      const milestoneStates = [
        ...initiative.milestones.map((m) => m.fields.state ?? m.existing?.state),
        ...(ri.milestones && !options.keepMissing ? [] : unlistedMilestones.map((m) => m.state)),
      ];
      const derived = derivedProgress(
        milestoneStates.map((s) => (s === 'done' ? 100 : 0)),
        f.state ?? iexisting?.state,
      );
      const manual = manualProgress(ri.progress, iexisting?.manualProgress ?? derived);
      if (manual !== undefined) f.manualProgress = manual;
      initiative.progress = f.manualProgress ?? iexisting?.manualProgress ?? derived;
    }
    const unlistedInitiatives = existing ? initiativeMatch.unmatched : [];
    if (existing) for (const i of unlistedInitiatives) removeInitiative(i, existing.title, false);
    const derived = derivedProgress(
      [
        ...goal.initiatives.map((i) => i.progress),
        ...(options.keepMissing ? unlistedInitiatives.map((i) => i.progress) : []),
      ],
      fields.state ?? existing?.state,
    );
    const manual = manualProgress(rg.progress, existing?.manualProgress ?? derived);
    if (manual !== undefined) fields.manualProgress = manual;
  }
  for (const g of goalMatch.unmatched) {
    remove({ kind: 'goal', id: g.id, title: g.title, within: null, withParent: false });
    for (const i of initiativesOf(g.id)) removeInitiative(i, g.title, true);
  }
  // What is removed is no longer there for dependencies to name.
  const gone = new Set(out.removed.map((r) => r.id));
  resolveDependencies(
    out,
    initiatives.filter((i) => !gone.has(i.id)),
    (id) => milestonesOf(id).filter((m) => !gone.has(m.id)),
  );
  planOrder(
    out,
    goals.filter((g) => !gone.has(g.id)),
    (id) => initiativesOf(id).filter((i) => !gone.has(i.id)),
    (id) => milestonesOf(id).filter((m) => !gone.has(m.id)),
  );
  return out;
}
