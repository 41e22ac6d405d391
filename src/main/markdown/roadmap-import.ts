/**
 * Importing a roadmap folder (or one `roadmap.md`): what `roadmap-read.ts` read, matched against
 * the workspace — goals by title, initiatives by goal and title, milestones by initiative and
 * title, people by handle (else by name) — into a plan: what will be created, what updated
 * (and which fields), and what could not be read. The preview shows the plan; the import
 * carries it out through the services, in the caller's transaction, so any refusal undoes it
 * all. Items the files don't mention are left alone; fields the files don't say (no page, no
 * owners column) too.
 *
 * Progress read from a file becomes the item's manual progress — unless the file shows what
 * the workspace already shows (the same six-cell bar), so a round trip changes nothing.
 */
import { contract, type Input, type MethodName, type ParsedInput } from '../../shared/contract.ts';
import {
  LIMITS,
  type Goal,
  type Initiative,
  type Milestone,
  type Person,
  type State,
} from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { DomainError } from '../services/errors.ts';
import { createGoal, listGoals, reorderGoals, updateGoal } from '../services/goals.ts';
import {
  createInitiative,
  listInitiatives,
  reorderInitiatives,
  updateInitiative,
} from '../services/initiatives.ts';
import {
  createMilestone,
  listMilestones,
  reorderMilestones,
  updateMilestone,
} from '../services/milestones.ts';
import { createPerson, listPeople, updatePerson } from '../services/people.ts';
import { oneLine } from './escape.ts';
import { progressBar } from '../../shared/words.ts';
import {
  readRoadmap,
  UnreadableRoadmap,
  type DependencyRef,
  type ImportProblem,
  type PersonRef,
  type ReadGoal,
  type ReadInitiative,
  type ReadMilestone,
  type Where,
} from './roadmap-read.ts';

export type { ImportProblem } from './roadmap-read.ts';

export interface ImportItem {
  kind: 'person' | 'goal' | 'initiative' | 'milestone';
  title: string;
  /** The goal of an initiative, the initiative of a milestone. */
  within: string | null;
  /** The fields an update changes (empty for a creation). */
  fields: string[];
}
export interface ImportPreview {
  create: ImportItem[];
  update: ImportItem[];
  problems: ImportProblem[];
}
export interface ImportResult {
  created: number;
  updated: number;
  problems: ImportProblem[];
}
export interface RoadmapFile {
  path: string;
  content: string;
}

/** An input checked (and trimmed) by the contract, as the API would pass it to the service. */
function valid<M extends MethodName>(method: M, input: Input<M>): ParsedInput<M> {
  const parsed = contract[method].input.safeParse(input);
  if (parsed.success) return parsed.data as ParsedInput<M>;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  throw new DomainError('invalid_input', `Can't import: ${method} ${field}: ${issue?.message ?? 'invalid'}`);
}

const norm = (title: string): string => oneLine(title).toLowerCase().replace(/\s+/g, ' ');
const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

// ---- the plan ------------------------------------------------------------------------------

interface PlannedPerson {
  existing: Person | null;
  id: string | null;
  name: string;
  handle: string | null;
  owner: boolean;
  /** A handle to give an existing person who had none. */
  setHandle: boolean;
}

interface PlannedMilestone {
  read: ReadMilestone;
  existing: Milestone | null;
  id: string | null;
  fields: Partial<ParsedInput<'milestones.update'>>;
  dependsOn: (PlannedMilestone | Milestone)[] | undefined;
}

interface PlannedInitiative {
  read: ReadInitiative;
  existing: Initiative | null;
  id: string | null;
  fields: Partial<ParsedInput<'initiatives.update'>>;
  milestones: PlannedMilestone[];
  dependsOn: (PlannedInitiative | Initiative)[] | undefined;
}

interface PlannedGoal {
  read: ReadGoal;
  existing: Goal | null;
  id: string | null;
  fields: Partial<ParsedInput<'goals.update'>>;
  initiatives: PlannedInitiative[];
}

interface Plan {
  people: PlannedPerson[];
  goals: PlannedGoal[];
  problems: ImportProblem[];
  /** Existing items whose position changes (by id), for the preview. */
  moved: Set<string>;
}

class People {
  readonly planned: PlannedPerson[] = [];
  private readonly byHandle = new Map<string, PlannedPerson>();
  private readonly existing: Person[];
  /** Names the files give handles (`[Gus Wynn](https://github.com/gwynn)`), and the reverse. */
  private readonly names = new Map<string, string>();
  private readonly handles = new Map<string, string>();
  constructor(existing: Person[], seen: readonly PersonRef[]) {
    this.existing = existing;
    for (const ref of seen) {
      if (!ref.handle || !ref.name || ref.name === ref.handle) continue;
      if (!this.names.has(ref.handle.toLowerCase())) this.names.set(ref.handle.toLowerCase(), ref.name);
      if (!this.handles.has(norm(ref.name))) this.handles.set(norm(ref.name), ref.handle);
    }
  }

  /** The planned person a reference names (created in the plan on first sight). */
  resolve(ref: PersonRef, owner: boolean): PlannedPerson {
    const found = ref.handle ? this.withHandle(ref) : this.withName(ref);
    if (owner) found.owner = true;
    return found;
  }

  private add(person: Omit<PlannedPerson, 'owner' | 'setHandle' | 'id'>): PlannedPerson {
    const planned: PlannedPerson = {
      ...person,
      owner: false,
      setHandle: false,
      id: person.existing?.id ?? null,
    };
    if (planned.handle) this.byHandle.set(planned.handle.toLowerCase(), planned);
    this.planned.push(planned);
    return planned;
  }

  private withHandle(ref: PersonRef): PlannedPerson {
    const handle = ref.handle!;
    const key = handle.toLowerCase();
    const known = this.byHandle.get(key);
    const name = ref.name && ref.name !== handle ? ref.name : (this.names.get(key) ?? null);
    if (known) {
      if (!known.existing && name && known.name === known.handle) known.name = name;
      return known;
    }
    const existing = this.existing.find((p) => p.handle?.toLowerCase() === key);
    if (existing) return this.add({ existing, name: existing.name, handle: existing.handle });
    // Someone without a handle who has this name gets the handle.
    const named = name
      ? (this.planned.find((p) => !p.handle && norm(p.name) === norm(name)) ??
        this.addExisting(this.existing.find((p) => !p.handle && norm(p.name) === norm(name))))
      : null;
    if (named && !named.handle) {
      named.handle = handle;
      named.setHandle = named.existing !== null;
      this.byHandle.set(key, named);
      return named;
    }
    return this.add({ existing: null, name: name ?? handle, handle });
  }

  private addExisting(person: Person | undefined): PlannedPerson | null {
    if (!person) return null;
    return (
      this.planned.find((p) => p.existing?.id === person.id) ??
      this.add({ existing: person, name: person.name, handle: person.handle })
    );
  }

  private withName(ref: PersonRef): PlannedPerson {
    const key = norm(ref.name);
    // A bare name the files also give with a profile link is that person.
    const handle = ref.plain ? this.handles.get(key) : undefined;
    if (handle) return this.withHandle({ ...ref, handle, plain: false });
    // Names in italics are people without a handle; a bare name may be anyone's.
    const fits = (p: { handle: string | null; name: string }) =>
      norm(p.name) === key && (ref.plain || !p.handle);
    const planned = this.planned.find((p) => !p.handle && fits(p)) ?? this.planned.find(fits);
    if (planned) return planned;
    const existing = this.existing.find((p) => !p.handle && fits(p)) ?? this.existing.find(fits);
    if (existing) return this.addExisting(existing)!;
    return this.add({ existing: null, name: ref.name, handle: null });
  }
}

function fit(text: string, max: number, what: string, at: Where, problems: ImportProblem[]): string {
  if (text.length <= max) return text;
  problems.push({ ...at, message: `${what} is longer than ${max} characters: cut to ${max}` });
  return text.slice(0, max);
}

/** State and owners that keep the rule "nothing without an owner is in progress". */
function settle(
  state: State | undefined,
  owners: string[] | undefined,
  current: { state: State; owners: readonly string[] } | null,
  what: string,
  at: Where,
  problems: ImportProblem[],
): State | undefined {
  const finalOwners = owners ?? current?.owners ?? [];
  const finalState = state ?? current?.state;
  if (finalState === 'in progress' && finalOwners.length === 0) {
    problems.push({ ...at, message: `${what} is in progress but has no owner: imported as help wanted` });
    return 'help wanted';
  }
  return state;
}

const cells = (progress: number): string => progressBar(progress);

function ownerIds(
  people: People,
  refs: PersonRef[] | undefined,
  owner: boolean,
  what: string,
  at: Where,
  problems: ImportProblem[],
): { ids: string[] | undefined; planned: PlannedPerson[] | undefined } {
  if (!refs) return { ids: undefined, planned: undefined };
  const planned: PlannedPerson[] = [];
  for (const ref of refs) {
    const p = people.resolve(ref, owner);
    if (!planned.includes(p)) planned.push(p);
  }
  if (planned.length > LIMITS.list) {
    problems.push({
      ...at,
      message: `${what} names more than ${LIMITS.list} people: only the first ${LIMITS.list} kept`,
    });
    planned.length = LIMITS.list;
  }
  return { ids: planned.map((p) => p.id ?? `new:${people.planned.indexOf(p)}`), planned };
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

/** Existing siblings matched to read ones: exact title first, then the same title ignoring case and spacing. */
function matcher<T extends { id: string; title: string }>(existing: T[]) {
  const used = new Set<string>();
  return (title: string): T | null => {
    const found =
      existing.find((e) => !used.has(e.id) && e.title === title) ??
      existing.find((e) => !used.has(e.id) && norm(e.title) === norm(title));
    if (found) used.add(found.id);
    return found ?? null;
  };
}

function plan(ws: Workspace, files: readonly RoadmapFile[]): Plan {
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
  const matchGoal = matcher(goals);
  const out: Plan = { people: people.planned, goals: [], problems, moved: new Set() };

  for (const rg of read.goals) {
    const title = fit(rg.title, LIMITS.title, `The title “${rg.title.slice(0, 40)}…”`, rg.at, problems);
    const existing = matchGoal(title);
    const owners = ownerIds(people, rg.owners, true, `“${title}”`, rg.at, problems);
    const state = settle(
      rg.state,
      owners.ids,
      existing && { state: existing.state, owners: existing.ownerIds },
      `The goal “${title}”`,
      rg.at,
      problems,
    );
    const fields: PlannedGoal['fields'] = {};
    if (!existing || existing.title !== title) fields.title = title;
    if (rg.impact !== undefined && rg.impact !== (existing?.impact ?? ''))
      fields.impact = fit(rg.impact, LIMITS.text, 'The impact', rg.at, problems);
    if (rg.howToHelp !== undefined && rg.howToHelp !== (existing?.howToHelp ?? ''))
      fields.howToHelp = fit(rg.howToHelp, LIMITS.text, 'How to help', rg.at, problems);
    if (state !== undefined && state !== existing?.state) fields.state = state;
    if (owners.ids && !sameList(owners.ids, existing?.ownerIds ?? [])) fields.ownerIds = owners.ids;
    if (rg.progress !== undefined && (!existing || cells(existing.progress) !== cells(rg.progress)))
      fields.manualProgress = rg.progress;
    const goal: PlannedGoal = { read: rg, existing, id: existing?.id ?? null, fields, initiatives: [] };
    out.goals.push(goal);

    const matchInitiative = matcher(existing ? initiativesOf(existing.id) : []);
    for (const ri of rg.initiatives) {
      const ititle = fit(ri.title, LIMITS.title, `The title “${ri.title.slice(0, 40)}…”`, ri.at, problems);
      const iexisting = matchInitiative(ititle);
      const iowners = ownerIds(people, ri.owners, true, `“${ititle}”`, ri.at, problems);
      const istate = settle(
        ri.state,
        iowners.ids,
        iexisting && { state: iexisting.state, owners: iexisting.ownerIds },
        `The initiative “${ititle}”`,
        ri.at,
        problems,
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
      if (ri.progress !== undefined && (!iexisting || cells(iexisting.progress) !== cells(ri.progress)))
        f.manualProgress = ri.progress;
      const initiative: PlannedInitiative = {
        read: ri,
        existing: iexisting,
        id: iexisting?.id ?? null,
        fields: f,
        milestones: [],
        dependsOn: undefined,
      };
      goal.initiatives.push(initiative);

      const matchMilestone = matcher(iexisting ? milestonesOf(iexisting.id) : []);
      for (const rm of ri.milestones ?? []) {
        const mtitle = fit(rm.title, LIMITS.title, `The title “${rm.title.slice(0, 40)}…”`, rm.at, problems);
        const mexisting = matchMilestone(mtitle);
        const participants = ownerIds(people, rm.participants, false, `“${mtitle}”`, rm.at, problems);
        const mstate = settle(
          rm.state,
          participants.ids,
          mexisting && { state: mexisting.state, owners: mexisting.participantIds },
          `The milestone “${mtitle}”`,
          rm.at,
          problems,
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
    }
  }
  resolveDependencies(out, initiatives, milestonesOf);
  planOrder(out, goals, initiativesOf, milestonesOf);
  return out;
}

function resolveDependencies(
  plan: Plan,
  initiatives: Initiative[],
  milestonesOf: (initiativeId: string) => Milestone[],
): void {
  const all = plan.goals.flatMap((g) => g.initiatives);
  // The first initiative read with each anchor and each file (compared ignoring case).
  const byAnchor = new Map<string, PlannedInitiative>();
  const byFile = new Map<string, PlannedInitiative>();
  for (const i of all) {
    if (i.read.anchor && !byAnchor.has(i.read.anchor)) byAnchor.set(i.read.anchor, i);
    const file = i.read.file?.toLowerCase();
    if (file && !byFile.has(file)) byFile.set(file, i);
  }
  const findInitiative = (ref: DependencyRef): PlannedInitiative | Initiative | null => {
    if (ref.anchor) {
      const found = byAnchor.get(ref.anchor);
      if (found) return found;
    }
    if (ref.file) {
      const found = byFile.get(ref.file.toLowerCase());
      if (found) return found;
    }
    return (
      all.find((i) => norm(i.read.title) === norm(ref.text)) ??
      initiatives.find((i) => norm(i.title) === norm(ref.text)) ??
      null
    );
  };
  for (const initiative of all) {
    const refs =
      initiative.read.dependsOn ?? (initiative.read.file || initiative.read.anchor ? [] : undefined);
    if (refs) {
      const deps: (PlannedInitiative | Initiative)[] = [];
      for (const ref of refs) {
        const target = findInitiative(ref);
        if (!target) {
          plan.problems.push({
            ...ref.at,
            message: `Depends on “${ref.text}”, which is not in the roadmap: left out`,
          });
        } else if (target !== initiative && !deps.includes(target)) deps.push(target);
      }
      initiative.dependsOn = deps;
    }
    for (const milestone of initiative.milestones) {
      if (!milestone.read.dependsOn && !initiative.read.milestones) continue;
      const deps: (PlannedMilestone | Milestone)[] = [];
      for (const ref of milestone.read.dependsOn ?? []) {
        const owner = ref.file || ref.anchor ? findInitiativeOf(ref) : initiative;
        const target = owner ? findMilestone(owner, ref.text) : null;
        if (!target) {
          plan.problems.push({
            ...ref.at,
            message: `Depends on the milestone “${ref.text}”, which is not in the roadmap: left out`,
          });
        } else if (target !== milestone && !deps.includes(target)) deps.push(target);
      }
      milestone.dependsOn = deps;
    }
  }
  function findInitiativeOf(ref: DependencyRef): PlannedInitiative | Initiative | null {
    if (ref.anchor) {
      const found = byAnchor.get(ref.anchor);
      if (found) return found;
    }
    if (ref.file) return byFile.get(ref.file.toLowerCase()) ?? null;
    return null;
  }
  function findMilestone(
    owner: PlannedInitiative | Initiative,
    title: string,
  ): PlannedMilestone | Milestone | null {
    if ('read' in owner) {
      const planned = owner.milestones.find((m) => norm(m.read.title) === norm(title));
      if (planned) return planned;
      if (!owner.existing) return null;
      owner = owner.existing;
    }
    return milestonesOf(owner.id).find((m) => norm(m.title) === norm(title)) ?? null;
  }
}

/** Existing siblings take the file's order among the places they already hold. */
function reordered(currentIds: string[], fileIds: string[]): string[] | null {
  const inFile = new Set(fileIds);
  const slots = currentIds.map((id, i) => (inFile.has(id) ? i : -1)).filter((i) => i >= 0);
  const wanted = fileIds.filter((id) => currentIds.includes(id));
  const next = [...currentIds];
  slots.forEach((slot, k) => (next[slot] = wanted[k]!));
  return sameList(next, currentIds) ? null : next;
}

function planOrder(
  plan: Plan,
  goals: Goal[],
  initiativesOf: (goalId: string) => Initiative[],
  milestonesOf: (initiativeId: string) => Milestone[],
): void {
  const mark = (current: string[], file: (string | null)[]) => {
    const next = reordered(
      current,
      file.filter((id): id is string => id !== null),
    );
    next?.forEach((id, i) => {
      if (current[i] !== id) plan.moved.add(id);
    });
  };
  mark(
    goals.map((g) => g.id),
    plan.goals.map((g) => g.existing?.id ?? null),
  );
  for (const g of plan.goals) {
    if (!g.existing) continue;
    mark(
      initiativesOf(g.existing.id).map((i) => i.id),
      g.initiatives.map((i) => i.existing?.id ?? null),
    );
    for (const i of g.initiatives) {
      if (!i.existing || !i.read.milestones) continue;
      mark(
        milestonesOf(i.existing.id).map((m) => m.id),
        i.milestones.map((m) => m.existing?.id ?? null),
      );
    }
  }
}

// ---- preview and import ---------------------------------------------------------------------

const idOf = (x: { id: string | null } | { id: string }): string | null => x.id;

function dependencyChange(
  deps: ({ id: string | null } | { id: string })[] | undefined,
  current: readonly string[],
): boolean {
  if (!deps) return false;
  const ids = deps.map(idOf);
  return ids.some((id) => id === null) || !sameList(ids as string[], current);
}

/** What an import of `files` would create and update, and what could not be read. Writes nothing. */
export function previewImport(ws: Workspace, files: readonly RoadmapFile[]): ImportPreview {
  const p = plan(ws, files);
  const create: ImportItem[] = [];
  const update: ImportItem[] = [];
  const item = (
    kind: ImportItem['kind'],
    title: string,
    within: string | null,
    existing: unknown,
    fields: string[],
  ) => {
    if (!existing) create.push({ kind, title, within, fields: [] });
    else if (fields.length) update.push({ kind, title, within, fields });
  };
  for (const person of p.people) {
    item('person', person.name, null, person.existing, person.setHandle ? ['handle'] : []);
  }
  for (const g of p.goals) {
    const moved = g.existing && p.moved.has(g.existing.id) ? ['position'] : [];
    item('goal', g.fields.title ?? g.existing?.title ?? g.read.title, null, g.existing, [
      ...Object.keys(g.fields),
      ...moved,
    ]);
    for (const i of g.initiatives) {
      const deps =
        i.existing && dependencyChange(i.dependsOn, i.existing.dependsOnIds) ? ['dependsOnIds'] : [];
      const imoved = i.existing && p.moved.has(i.existing.id) ? ['position'] : [];
      item('initiative', i.fields.title ?? i.read.title, g.read.title, i.existing, [
        ...Object.keys(i.fields),
        ...deps,
        ...imoved,
      ]);
      for (const m of i.milestones) {
        const mdeps =
          m.existing && dependencyChange(m.dependsOn, m.existing.dependsOnIds) ? ['dependsOnIds'] : [];
        const mmoved = m.existing && p.moved.has(m.existing.id) ? ['position'] : [];
        item('milestone', m.fields.title ?? m.read.title, i.read.title, m.existing, [
          ...Object.keys(m.fields),
          ...mdeps,
          ...mmoved,
        ]);
      }
    }
  }
  return { create, update, problems: p.problems };
}

/**
 * Imports `files` through the services, in the caller's transaction: a refusal (thrown) undoes
 * everything. Refuses, naming file and line, when the files can't be read as a roadmap.
 */
export function importRoadmap(ws: Workspace, files: readonly RoadmapFile[]): ImportResult {
  const p = plan(ws, files);
  let created = 0;
  const updated = new Set<string>(p.moved);
  const changed = (id: string) => updated.add(id);

  for (const person of p.people) {
    if (!person.existing) {
      person.id = createPerson(
        ws,
        valid('people.create', {
          name: person.name.slice(0, LIMITS.name),
          handle: person.handle,
          roles: person.owner ? ['goal owner'] : [],
        }),
      ).id;
      created++;
    } else if (person.setHandle) {
      updatePerson(ws, valid('people.update', { id: person.existing.id, handle: person.handle }));
      changed(person.existing.id);
    }
  }
  const personIds = (ids: string[] | undefined): string[] | undefined =>
    ids?.map((id) => (id.startsWith('new:') ? p.people[Number(id.slice(4))]!.id! : id));
  const withPeople = <T extends Record<string, unknown>>(
    fields: T,
    key: 'ownerIds' | 'participantIds',
  ): T => {
    const ids = personIds(fields[key] as string[] | undefined);
    const out: Record<string, unknown> = { ...fields };
    if (ids) out[key] = ids;
    return out as T;
  };

  for (const g of p.goals) {
    const fields = withPeople(g.fields, 'ownerIds');
    if (!g.existing) {
      g.id = createGoal(ws, valid('goals.create', { ...fields, title: fields.title ?? g.read.title })).id;
      created++;
    } else if (Object.keys(fields).length) {
      updateGoal(ws, valid('goals.update', { id: g.existing.id, ...fields }));
      changed(g.existing.id);
    }
    for (const i of g.initiatives) {
      const ifields = withPeople(i.fields, 'ownerIds');
      if (!i.existing) {
        i.id = createInitiative(
          ws,
          valid('initiatives.create', { ...ifields, goalId: g.id!, title: ifields.title ?? i.read.title }),
        ).id;
        created++;
      } else if (Object.keys(ifields).length) {
        updateInitiative(ws, valid('initiatives.update', { id: i.existing.id, ...ifields }));
        changed(i.existing.id);
      }
      for (const m of i.milestones) {
        const mfields = withPeople(m.fields, 'participantIds');
        if (!m.existing) {
          m.id = createMilestone(
            ws,
            valid('milestones.create', {
              ...mfields,
              initiativeId: i.id!,
              title: mfields.title ?? m.read.title,
            }),
          ).id;
          created++;
        } else if (Object.keys(mfields).length) {
          updateMilestone(ws, valid('milestones.update', { id: m.existing.id, ...mfields }));
          changed(m.existing.id);
        }
      }
    }
  }

  // Dependencies once every item exists; a cycle is reported, not fatal.
  for (const i of p.goals.flatMap((g) => g.initiatives)) {
    if (i.dependsOn) {
      const ids = i.dependsOn.map((d) => idOf(d)!).slice(0, LIMITS.list);
      if (!sameList(ids, i.existing?.dependsOnIds ?? [])) {
        try {
          updateInitiative(ws, valid('initiatives.update', { id: i.id!, dependsOnIds: ids }));
          if (i.existing) changed(i.existing.id);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          p.problems.push({
            ...i.read.at,
            message: `The dependencies of “${i.read.title}” were left out: ${error.message}`,
          });
        }
      }
    }
    for (const m of i.milestones) {
      if (!m.dependsOn) continue;
      const ids = m.dependsOn.map((d) => idOf(d)!).slice(0, LIMITS.list);
      if (sameList(ids, m.existing?.dependsOnIds ?? [])) continue;
      try {
        updateMilestone(ws, valid('milestones.update', { id: m.id!, dependsOnIds: ids }));
        if (m.existing) changed(m.existing.id);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        p.problems.push({
          ...m.read.at,
          message: `The dependencies of “${m.read.title}” were left out: ${error.message}`,
        });
      }
    }
  }

  // The files' order, for items that already existed (new ones were added in order).
  const reorder = (current: string[], file: string[], apply: (ids: string[]) => void) => {
    const next = reordered(current, file);
    if (next) apply(next);
  };
  reorder(
    listGoals(ws).map((g) => g.id),
    p.goals.map((g) => g.id!),
    (ids) => reorderGoals(ws, valid('goals.reorder', { ids })),
  );
  for (const g of p.goals) {
    reorder(
      listInitiatives(ws, { goalId: g.id! }).map((i) => i.id),
      g.initiatives.map((i) => i.id!),
      (ids) => reorderInitiatives(ws, valid('initiatives.reorder', { ids })),
    );
    for (const i of g.initiatives) {
      if (!i.read.milestones) continue;
      reorder(
        listMilestones(ws, { initiativeId: i.id! }).map((m) => m.id),
        i.milestones.map((m) => m.id!),
        (ids) => reorderMilestones(ws, valid('milestones.reorder', { ids })),
      );
    }
  }
  return { created, updated: updated.size, problems: p.problems };
}
