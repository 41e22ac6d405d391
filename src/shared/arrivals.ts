/**
 * What arrived from the other installations since this one last looked, and the words that say
 * it ("Priya moved initiative “Async iterator trait” ✋ → 🦀", "Bo added 3 polish issues").
 * Shared by the core (which reads them from the change log) and the screens (which say them).
 */
import { STATE_EMOJI, STATES, type State } from './domain.ts';
import { itemNoun } from './nouns.ts';

/** Where an item is shown in the app (the screens turn it into a link). */
export type ItemPlace =
  | { page: 'goal'; id: string }
  | { page: 'initiative'; id: string; milestoneId: string | null }
  | { page: 'person'; id: string }
  | { page: 'polish'; id: string }
  | { page: 'sprint'; number: number }
  | { page: 'poll'; id: string }
  | { page: 'update'; id: string }
  | { page: 'meeting' };

/** One item an arrival is about: its title (or name) and where it shows (null: gone). */
export interface ArrivedItem {
  entity: string;
  id: string;
  label: string;
  place: ItemPlace | null;
}

/** A field another installation changed: its value before this installation last looked, and now. */
export interface ArrivedField {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * What one installation (person) did to one item — or, for items it added or deleted, to every
 * item of one kind: "Bo added 3 polish issues".
 */
export interface Arrival {
  /** Whose installation: the person's name, or "Someone on another computer (1a2b)". */
  who: string;
  personId: string | null;
  replica: string;
  kind: 'added' | 'changed' | 'deleted';
  entity: string;
  items: ArrivedItem[];
  /** For a change: each field changed, its newest value. */
  fields: ArrivedField[];
  /** When its newest change was made. */
  at: string;
}

/** An item changed by others since this installation last looked at it, and by whom. */
export interface UnseenItem {
  id: string;
  entity: string;
  who: string[];
}

export interface Arrived {
  /** Newest first. */
  entries: Arrival[];
  unseen: UnseenItem[];
  /** True when there was more than the list holds (the oldest left out). */
  more: boolean;
}

/** How a field reads in "changed …: title, owners". */
const FIELD_WORDS: Record<string, string> = {
  ownerIds: 'owners',
  participantIds: 'key participants',
  dependsOnIds: 'dependencies',
  followsGoalIds: 'goals followed',
  followsInitiativeIds: 'initiatives followed',
  askedIds: 'people asked',
  carriedOverFromId: 'carried over from',
  sprintId: 'sprint',
  personId: 'person',
  pollId: 'poll',
  manualProgress: 'progress',
  howToHelp: 'how to help',
  goalId: 'goal',
  initiativeId: 'initiative',
  milestoneId: 'milestone',
  targetSprintId: 'target sprint',
  assigneeId: 'assignee',
  ownerId: 'owner',
  doneSprintId: 'done sprint',
  plannedSprintId: 'planned sprint',
  definitionOfDone: 'definition of done',
  outcomeNote: 'outcome note',
  position: 'order',
  _deleted: 'brought back',
};

export const fieldWords = (field: string): string =>
  FIELD_WORDS[field] ?? field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

const isState = (value: unknown): value is State => STATES.some((s) => s === value);
const quoted = (value: unknown) => `“${String(value)}”`;

/** "a", "a and b", "a, b and c". */
const spoken = (parts: string[]) =>
  parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;

/**
 * An arrival as a sentence around its items' links: `verb` before them ("added 3 polish
 * issues:", "renamed goal", "changed the owners, impact of goal", "changed the initiative of 9
 * sprint goals:"), `rest` after ("to “Y” and moved it ✋ → 🦀"). An item whose label already
 * names its kind ("Meeting of sprint 7", "Sprint 12") is not named twice.
 */
export function arrivalWords(arrival: Arrival): { verb: string; rest: string } {
  const count = arrival.items.length;
  if (arrival.kind !== 'changed') {
    const noun = itemNoun(arrival.entity, count);
    return { verb: count === 1 ? `${arrival.kind} ${noun}` : `${arrival.kind} ${noun}:`, rest: '' };
  }
  const fieldList = (fields: ArrivedField[]) => fields.map((f) => fieldWords(f.field)).join(', ');
  if (count > 1) {
    // Folded: the same fields of several items, none renamed or moved.
    return {
      verb: `changed the ${fieldList(arrival.fields)} of ${itemNoun(arrival.entity, count)}:`,
      rest: '',
    };
  }
  const noun = itemNoun(arrival.entity);
  const label = arrival.items[0]?.label ?? '';
  const title = arrival.fields.find((f) => f.field === 'title' || f.field === 'name');
  const state = arrival.fields.find((f) => f.field === 'state' && isState(f.to));
  const others = arrival.fields.filter((f) => f !== title && f !== state);
  if (!title && !state) {
    const named = label.toLowerCase().startsWith(noun) ? '' : ` ${noun}`;
    return { verb: `changed the ${fieldList(others)} of${named}`, rest: '' };
  }
  const move = state
    ? `${isState(state.from) ? `${STATE_EMOJI[state.from]} → ` : ''}${STATE_EMOJI[state.to as State]}`
    : '';
  const parts: string[] = [];
  if (title) parts.push(`to ${quoted(title.to)}`);
  if (title && state) parts.push(`moved it ${move}`);
  if (!title && state) parts.push(move);
  if (others.length) parts.push(`changed its ${fieldList(others)}`);
  return { verb: title ? `renamed ${noun}` : `moved ${noun}`, rest: spoken(parts) };
}

/** The text of an item's link: a renamed item by its name before ("renamed goal “X” to “Y”"). */
export function itemLinkText(arrival: Arrival, item: ArrivedItem): string {
  const title = arrival.fields.find((f) => f.field === 'title' || f.field === 'name');
  return title && typeof title.from === 'string' ? title.from : item.label;
}

/** Who made changes on an installation nobody named yet: a short label of it. */
export const someoneElse = (replica: string): string =>
  `Someone on another computer (${replica.slice(0, 4)})`;
