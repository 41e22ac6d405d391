/**
 * An item's history in words, from its change log (`history.list`, newest first): changes made
 * together (one save) become one entry; list fields (owners, dependencies) say who or what was
 * added and removed, compared with the value before; an edit that lost a conflict says so.
 */
import type { Change, State } from '../../../shared/domain.ts';
import { STATE_EMOJI, STATES } from '../../../shared/domain.ts';

export interface HistoryEntry {
  /** The newest change's sequence number: a stable key. */
  key: number;
  at: string;
  personId: string | null;
  replicaId: string;
  /** The item was created by these changes. */
  created: boolean;
  lines: string[];
}

export interface HistoryNames {
  person: (id: string) => string | undefined;
  /** Names a goal, initiative or milestone (dependencies, a moved initiative's goal). */
  item?: (id: string) => string | undefined;
}

const LABELS: Record<string, string> = {
  title: 'Title',
  state: 'State',
  ownerIds: 'Owners',
  participantIds: 'Key participants',
  dependsOnIds: 'Depends on',
  manualProgress: 'Progress',
  impact: 'Impact',
  howToHelp: 'How to help',
  features: 'Features',
  link: 'Link',
  goalId: 'Goal',
  initiativeId: 'Initiative',
  targetSprintId: 'Target sprint',
};

/** After an edit that lost a conflict: the item shows the other edit's value. */
export const NOT_KEPT = '— not kept: edited elsewhere at the same time';

/** Changes that land within this many milliseconds, from one installation, are one save. */
const TOGETHER_MS = 2_000;

const isState = (value: unknown): value is State => STATES.some((s) => s === value);
const asIds = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const quote = (text: string) => `“${text}”`;

function describe(change: Change, before: Change | undefined, names: HistoryNames): string | null {
  const label = LABELS[change.field];
  if (!label) return null;
  const { value } = change;
  const person = (id: string) => names.person(id) ?? 'someone since deleted';
  const item = (id: string) => quote(names.item?.(id) ?? 'an item since deleted');
  switch (change.field) {
    case 'title':
      return `${label}: ${quote(String(value))}`;
    case 'state':
      return isState(value) ? `${label}: ${STATE_EMOJI[value]} ${value}` : null;
    case 'ownerIds':
    case 'participantIds':
    case 'dependsOnIds': {
      const name = change.field === 'dependsOnIds' ? item : person;
      const now = asIds(value);
      if (!before && now.length === 0 && change.field === 'dependsOnIds') return null;
      if (!before) return `${label}: ${now.length ? now.map(name).join(', ') : 'none'}`;
      const was = asIds(before.value);
      const added = now.filter((id) => !was.includes(id)).map((id) => `+ ${name(id)}`);
      const removed = was.filter((id) => !now.includes(id)).map((id) => `− ${name(id)}`);
      const diff = [...added, ...removed];
      return diff.length ? `${label}: ${diff.join(', ')}` : `${label}: reordered`;
    }
    case 'manualProgress':
      if (typeof value === 'number') return `${label}: ${value}%, set by hand`;
      return before ? `${label}: derived again` : `${label}: derived`;
    case 'link':
      if (typeof value === 'string' && value) return `${label}: ${value}`;
      return before ? `${label}: removed` : null;
    case 'goalId':
    case 'initiativeId':
      if (typeof value !== 'string') return null;
      return before ? `Moved to ${item(value)}` : `${label}: ${item(value)}`;
    case 'targetSprintId':
      if (typeof value === 'string') return `${label}: ${item(value)}`;
      return before ? `${label}: none` : null;
    default:
      // Long texts (impact, features…): that they changed, not their words.
      if (before) return `${label} edited`;
      return typeof value === 'string' && value !== '' ? `${label} written` : null;
  }
}

/**
 * The entries, newest first. `complete` says the list reaches back to the item's creation (it
 * wasn't cut by a limit), so its oldest save can be called "created".
 */
export function describeHistory(
  changes: readonly Change[],
  names: HistoryNames,
  { fields, complete = true }: { fields?: readonly string[]; complete?: boolean } = {},
): HistoryEntry[] {
  // The value before each change: the next older change of the same field that was kept (one
  // that lost a conflict never became the value).
  const previous = new Map<number, Change>();
  const lastSeen = new Map<string, Change>();
  for (const change of [...changes].reverse()) {
    const older = lastSeen.get(change.field);
    if (older) previous.set(change.seq, older);
    if (!change.conflict) lastSeen.set(change.field, change);
  }
  const oldestSeq = changes.length ? Math.min(...changes.map((c) => c.seq)) : -1;

  const entries: HistoryEntry[] = [];
  let group: HistoryEntry | null = null;
  let groupTime = 0;
  for (const change of changes) {
    const time = Date.parse(change.at);
    const together =
      group !== null && group.replicaId === change.replicaId && Math.abs(groupTime - time) <= TOGETHER_MS;
    if (!together) {
      group = {
        key: change.seq,
        at: change.at,
        personId: change.personId,
        replicaId: change.replicaId,
        created: false,
        lines: [],
      };
      entries.push(group);
      groupTime = time;
    }
    const current = group as HistoryEntry;
    if (complete && change.seq === oldestSeq) current.created = true;
    if (fields && !fields.includes(change.field)) continue;
    const line = describe(change, previous.get(change.seq), names);
    if (line) current.lines.unshift(change.conflict ? `${line} ${NOT_KEPT}` : line);
  }
  return entries.filter((e) => e.lines.length > 0 || e.created);
}
