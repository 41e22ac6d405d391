import type { ParsedInput } from '../../shared/contract.ts';
import type { Person, Role } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { current, decodeRow, insert, remove, stmt, update } from '../store/write.ts';
import { DomainError, notFound } from './errors.ts';
import { forgetRespondent } from './polls.ts';
import { requireFollowed } from './stakeholders.ts';

export function listPeople(ws: Workspace): Person[] {
  const rows = stmt(ws.db, `${selectSql('person')} ORDER BY t.name COLLATE NOCASE, t.id`).all() as Record<
    string,
    unknown
  >[];
  return rows.map((r) => decodeRow('person', r));
}

export function getPerson(ws: Workspace, id: string, field = 'id'): Person {
  const person = current(ws, 'person', id);
  if (!person) throw notFound(ws, 'Person', id, field);
  return person;
}

function refuseTakenHandle(ws: Workspace, handle: string | null | undefined, id?: string): void {
  if (!handle) return;
  const other = stmt(ws.db, 'SELECT name FROM people WHERE lower(handle) = lower(?) AND id IS NOT ?').get(
    handle,
    id ?? null,
  ) as { name: string } | undefined;
  if (other) throw new DomainError('conflict', `The handle ${handle} is already ${other.name}'s`, 'handle');
}

export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function createPerson(ws: Workspace, input: ParsedInput<'people.create'>): Person {
  refuseTakenHandle(ws, input.handle);
  requireFollowed(ws, input);
  const id = insert(ws, 'person', {
    name: input.name,
    handle: input.handle ?? null,
    timeZone: input.timeZone ?? defaultTimeZone(),
    roles: [...new Set<Role>(input.roles ?? ['goal owner'])],
    // A stakeholder's fields, only when given: a member's history stays as it was.
    team: input.team,
    link: input.link,
    followsGoalIds: input.followsGoalIds,
    followsInitiativeIds: input.followsInitiativeIds,
  });
  return getPerson(ws, id);
}

export function updatePerson(ws: Workspace, { id, ...patch }: ParsedInput<'people.update'>): Person {
  getPerson(ws, id);
  refuseTakenHandle(ws, patch.handle, id);
  requireFollowed(ws, patch);
  update(ws, 'person', id, { ...patch, ...(patch.roles ? { roles: [...new Set<Role>(patch.roles)] } : {}) });
  return getPerson(ws, id);
}

/** What still refers to a person, in words, so a refusal can say what to reassign. */
function referencesTo(ws: Workspace, id: string): string[] {
  const titles = (sql: string) =>
    (stmt(ws.db, sql).all(id) as { title: string }[]).map((r) => `“${r.title}”`);
  const count = (sql: string) => (stmt(ws.db, sql).get(id) as { n: number }).n;
  const found: string[] = [];
  const goals = titles(
    'SELECT g.title FROM goals g JOIN goal_owners o ON o.goal_id = g.id WHERE o.person_id = ? ORDER BY g.position',
  );
  if (goals.length) found.push(`owns goal ${goals.join(', ')}`);
  const initiatives = titles(
    'SELECT i.title FROM initiatives i JOIN initiative_owners o ON o.initiative_id = i.id WHERE o.person_id = ? ORDER BY i.position',
  );
  if (initiatives.length) found.push(`owns initiative ${initiatives.join(', ')}`);
  const counted: [string, string][] = [
    ['SELECT count(*) AS n FROM milestone_participants WHERE person_id = ?', 'takes part in'],
    ['SELECT count(*) AS n FROM sprint_goals WHERE owner_id = ?', 'owns'],
    ['SELECT count(*) AS n FROM polish_issues WHERE assignee_id = ?', 'is assigned'],
    ['SELECT count(*) AS n FROM action_items WHERE owner_id = ?', 'owns'],
    ['SELECT count(*) AS n FROM capacities WHERE person_id = ?', 'has capacity set in'],
    ['SELECT count(*) AS n FROM replicas WHERE person_id = ?', 'is named as the user of'],
  ];
  const nouns = [
    'milestone(s)',
    'sprint goal(s)',
    'polish issue(s)',
    'action item(s)',
    'sprint(s)',
    'installation(s)',
  ];
  counted.forEach(([sql, verb], i) => {
    const n = count(sql);
    if (n) found.push(`${verb} ${n} ${nouns[i]}`);
  });
  return found;
}

/**
 * Refused while anything refers to the person: reassign first, never orphan. What a stakeholder
 * follows and their poll answers go with them.
 */
export function deletePerson(ws: Workspace, id: string): null {
  const person = getPerson(ws, id);
  const references = referencesTo(ws, id);
  if (references.length) {
    throw new DomainError(
      'rule_violation',
      `${person.name} can't be deleted: ${person.name} still ${references.join('; ')}. Reassign these first.`,
      'id',
    );
  }
  forgetRespondent(ws, id);
  remove(ws, 'person', id);
  return null;
}
