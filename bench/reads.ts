/**
 * The reads the screens make, with inputs chosen from the workspace: the active sprint (what the
 * meeting plans and reviews), the last closed one (a retrospective with all its notes), the
 * busiest person, the most-changed item. Methods that don't exist in the contract yet are
 * skipped with a note; inputs are tried in order until one passes the method's schema, so a
 * read whose input shape is still being decided is measured as soon as it lands.
 */
import { contract, isMethodName, METHOD_NAMES } from '../src/shared/contract.ts';
import type { DB } from '../src/main/db/open.ts';

export interface Context {
  activeSprintId: string;
  activeNumber: number;
  lastClosedId: string;
  lastClosedNumber: number;
  /** The month (`yyyy-MM`) the last closed sprint ended in: the monthly update's. */
  lastClosedMonth: string;
  personId: string;
  personName: string;
  /** The done initiative with the most milestones: what opening one on the roadmap loads. */
  doneInitiativeId: string;
  doneInitiativeMilestones: number;
  history: { entity: string; id: string; changes: number };
  searchQuery: string;
  /** The newest open polish issue (or, without one, the newest): what its page reads. */
  polishIssueId: string;
}

export function readContext(db: DB): Context {
  const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T | undefined;
  const active = one<{ id: string; number: number; endDate: string }>(
    `SELECT id, number, end_date AS endDate FROM sprints WHERE status = 'active'`,
  );
  const closed =
    one<{ id: string; number: number; endDate: string }>(
      `SELECT id, number, end_date AS endDate FROM sprints WHERE status = 'closed' ORDER BY number DESC LIMIT 1`,
    ) ?? active;
  if (!active || !closed)
    throw new Error('The workspace has no active sprint: generate it with bench:generate');
  const person =
    one<{ id: string; name: string }>(
      `SELECT p.id, p.name FROM people p JOIN sprint_goals g ON g.owner_id = p.id
      GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1`,
    ) ?? one<{ id: string; name: string }>('SELECT id, name FROM people ORDER BY id LIMIT 1');
  if (!person) throw new Error('The workspace has no people');
  // The roadmap item with the longest history (the history panel of an item page).
  const history = one<{ entity: string; id: string; changes: number }>(
    `SELECT entity, entity_id AS id, count(*) AS changes FROM changes
      WHERE entity IN ('goal', 'initiative', 'milestone') GROUP BY entity_id ORDER BY changes DESC LIMIT 1`,
  );
  if (!history) throw new Error('The workspace has no roadmap history');
  const initiative = one<{ id: string; milestones: number }>(
    `SELECT i.id, count(m.id) AS milestones FROM initiatives i LEFT JOIN milestones m ON m.initiative_id = i.id
      GROUP BY i.id ORDER BY i.state = 'done' DESC, milestones DESC, i.id LIMIT 1`,
  );
  if (!initiative) throw new Error('The workspace has no initiatives');
  const polishIssue = one<{ id: string }>(
    `SELECT id FROM polish_issues ORDER BY status <> 'open', created_at DESC, id DESC LIMIT 1`,
  );
  if (!polishIssue) throw new Error('The workspace has no polish issues');
  return {
    activeSprintId: active.id,
    activeNumber: active.number,
    lastClosedId: closed.id,
    lastClosedNumber: closed.number,
    lastClosedMonth: closed.endDate.slice(0, 7),
    personId: person.id,
    personName: person.name,
    doneInitiativeId: initiative.id,
    doneInitiativeMilestones: initiative.milestones,
    history,
    searchQuery: 'cache',
    polishIssueId: polishIssue.id,
  };
}

export interface ReadSpec {
  method: string;
  /** What the row says beside the method name. */
  label: string;
  /** Inputs to try, in order; the first the contract accepts is used. */
  inputs: unknown[];
  /** The key of the bare-SQL twin in `bare.ts`, for the main list reads. */
  bare?: string;
  /** An export or import (its own target) rather than a read behind a screen. */
  kind?: 'summary' | 'export' | 'update';
}

export function readSpecs(c: Context): ReadSpec[] {
  const active = `sprint ${c.activeNumber}, active`;
  const closed = `sprint ${c.lastClosedNumber}, last closed`;
  return [
    { method: 'workspace.info', label: '', inputs: [{}] },
    // The Roadmap screen: on arrival; with a done initiative opened (its milestones come then);
    // filtered by an owner (their milestones in done initiatives come too).
    { method: 'roadmap.view', label: 'on arrival', inputs: [{}], bare: 'roadmap.view' },
    {
      method: 'roadmap.view',
      label: `a done initiative opened (${c.doneInitiativeMilestones} milestones)`,
      inputs: [{ initiativeIds: [c.doneInitiativeId] }],
    },
    {
      method: 'roadmap.view',
      label: `owner filter: ${c.personName}`,
      inputs: [{ participantId: c.personId }],
    },
    { method: 'goals.list', label: '', inputs: [{}], bare: 'goals.list' },
    { method: 'initiatives.list', label: '', inputs: [{}], bare: 'initiatives.list' },
    // An initiative's page reads it whole (the roadmap leaves out its Markdown texts).
    { method: 'initiatives.get', label: "an initiative's page", inputs: [{ id: c.doneInitiativeId }] },
    {
      method: 'milestones.list',
      label: `one initiative (${c.doneInitiativeMilestones} milestones)`,
      inputs: [{ initiativeId: c.doneInitiativeId }],
      bare: 'milestones.list',
    },
    { method: 'people.list', label: '', inputs: [{}], bare: 'people.list' },
    { method: 'people.ownership', label: 'the People screen', inputs: [{}] },
    { method: 'people.view', label: c.personName, inputs: [{ id: c.personId }] },
    // The generated workspace belongs to its first person (bench/history.ts): their part.
    { method: 'mySprint.view', label: 'the My sprint page', inputs: [{}] },
    // Asked every two seconds while a window is visible, to redraw when a sync brings changes.
    { method: 'workspace.version', label: 'what open screens ask every 2 s', inputs: [{}] },
    // The navigation's sync status and review count, read every few seconds.
    { method: 'sync.status', label: 'the navigation asks every 5 s', inputs: [{}] },
    { method: 'sync.unseen', label: 'the review count in the navigation', inputs: [{}] },
    { method: 'conflicts.list', label: 'the review count in the navigation', inputs: [{}] },
    { method: 'sync.arrived', label: 'the What arrived screen', inputs: [{}] },
    { method: 'sync.place', label: 'Settings → Sync', inputs: [{}] },
    { method: 'backups.list', label: 'Settings → Backups', inputs: [{}] },
    { method: 'sprints.list', label: '', inputs: [{}], bare: 'sprints.list' },
    { method: 'sprints.get', label: active, inputs: [{ id: c.activeSprintId }] },
    // A sprint's page (`#/sprints/N`) finds its sprint by number.
    { method: 'sprints.byNumber', label: closed, inputs: [{ number: c.lastClosedNumber }] },
    {
      method: 'sprintGoals.list',
      label: active,
      inputs: [{ sprintId: c.activeSprintId }],
      bare: 'sprintGoals.list',
    },
    { method: 'polish.list', label: "status 'open'", inputs: [{ status: 'open' }], bare: 'polish.list' },
    // What the Polish screen asks for: the working set whole, the counts per status, and the
    // history a page at a time (its first page of done, newest first).
    {
      method: 'polish.page',
      label: 'open and in progress, as the Polish screen loads it',
      inputs: [{ status: ['open', 'in progress'], order: 'oldest first', limit: 1000 }],
      bare: 'polish.page working set',
    },
    {
      method: 'polish.page',
      label: 'first page of done (100), newest first',
      inputs: [{ status: ['done'], order: 'newest first', limit: 100 }],
      bare: 'polish.page done',
    },
    { method: 'polish.counts', label: 'per status', inputs: [{}] },
    { method: 'polish.get', label: "a polish issue's page", inputs: [{ id: c.polishIssueId }] },
    {
      method: 'retroNotes.list',
      label: closed,
      inputs: [{ sprintId: c.lastClosedId }],
      bare: 'retroNotes.list',
    },
    {
      method: 'actionItems.list',
      label: "status 'open'",
      inputs: [{ status: 'open' }],
      bare: 'actionItems.list',
    },
    {
      method: 'capacities.list',
      label: active,
      inputs: [{ sprintId: c.activeSprintId }],
      bare: 'capacities.list',
    },
    { method: 'meeting.get', label: closed, inputs: [{ sprintId: c.lastClosedId }] },
    { method: 'meeting.current', label: 'the Meeting screen opening, at the retrospective', inputs: [{}] },
    { method: 'search.quick', label: `'${c.searchQuery}'`, inputs: [{ query: c.searchQuery }] },
    {
      method: 'history.list',
      label: `${c.history.entity}, ${c.history.changes} changes`,
      inputs: [{ entity: c.history.entity, id: c.history.id }],
    },
    // The meeting's and the Sprints screen's one-call reads (as they land in the contract).
    {
      method: 'retrospective.view',
      label: closed,
      inputs: [{ sprintId: c.lastClosedId }, { id: c.lastClosedId }],
    },
    {
      method: 'polish.view',
      label: active,
      inputs: [{ sprintId: c.activeSprintId }, { id: c.activeSprintId }, {}],
    },
    {
      method: 'planning.view',
      label: active,
      inputs: [{ sprintId: c.activeSprintId }, { id: c.activeSprintId }, {}],
    },
    { method: 'sprints.overview', label: '', inputs: [{}, { limit: 50 }] },
    {
      method: 'sprints.summary',
      label: closed,
      inputs: [{ sprintId: c.lastClosedId }, { id: c.lastClosedId }],
      kind: 'summary',
    },
    {
      method: 'roadmap.export',
      label: 'folder',
      inputs: [{ variant: 'folder' }, {}],
      kind: 'export',
    },
    { method: 'roadmap.export', label: 'single file', inputs: [{ variant: 'single' }], kind: 'export' },
    // No target of its own in the issue: held to the summary export's (both leave the wrap-up).
    { method: 'calendar.export', label: 'iCalendar', inputs: [{}], kind: 'summary' },
    // The monthly update of the month the last closed sprint ended in: its draft, and as slides.
    {
      method: 'updates.draft',
      label: c.lastClosedMonth,
      inputs: [{ month: c.lastClosedMonth, timeZone: 'UTC' }],
      kind: 'update',
    },
    {
      method: 'updates.export',
      label: `${c.lastClosedMonth}, slides`,
      inputs: [{ month: c.lastClosedMonth, slides: true, timeZone: 'UTC' }],
      kind: 'update',
    },
    { method: 'stakeholders.overview', label: 'the People screen', inputs: [{}] },
    { method: 'updates.list', label: 'the Updates screen', inputs: [{}] },
    { method: 'polls.list', label: 'the Updates screen', inputs: [{}] },
  ];
}

/** The first input the method's schema accepts; an explanation when none does or it's missing. */
export function chooseInput(spec: ReadSpec): { input: unknown } | { skip: string } {
  if (!isMethodName(spec.method)) return { skip: `not in the contract yet` };
  const schema = contract[spec.method].input;
  for (const input of spec.inputs) if (schema.safeParse(input).success) return { input };
  return { skip: `none of the inputs tried fits its schema (${JSON.stringify(spec.inputs)})` };
}

/** Read methods in the contract that this benchmark doesn't know: printed, so the list grows. */
export function unmeasuredReads(specs: readonly ReadSpec[]): string[] {
  const known = new Set([
    ...specs.map((s) => s.method),
    // Single-item getters no screen loads with (quick-open reads a milestone it jumps to), and
    // the import preview (measured with the import).
    'people.get',
    'goals.get',
    'milestones.get',
    'roadmap.previewImport',
    // A poll's and an update's page, its CSV preview and its Markdown: the generated workspace
    // has no polls or updates yet.
    'polls.get',
    'polls.previewImport',
    'polls.export',
    'updates.get',
    // Native file dialogs (the desktop shell's), not reads behind a screen.
    'files.saveAs',
    'files.open',
    'files.choosePath',
    // The join's look at a folder, remote or file: what it costs is that place's, not the workspace's.
    'sync.peek',
  ]);
  return METHOD_NAMES.filter((m) => !contract[m].writes && !known.has(m));
}

/** A short description of a result: item count and JSON size. */
export function describeValue(value: unknown): string {
  const bytes = JSON.stringify(value ?? null).length;
  const size = bytes >= 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${bytes} B`;
  if (Array.isArray(value)) return `${value.length.toLocaleString('en')} items, ${size}`;
  if (value && typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => Array.isArray(v))
      .map(([k, v]) => `${(v as unknown[]).length.toLocaleString('en')} ${k}`);
    return [...parts.slice(0, 4), size].join(', ');
  }
  return size;
}
