/**
 * "In progress, but nobody owns it" (for a milestone: no key participant). Real roadmaps have
 * such items — initiatives whose owners are named only on their milestones — so it is allowed
 * everywhere (the app, the API, an import) and flagged wherever the item shows, in these words.
 */
import type { State } from './domain.ts';

export const UNOWNED_FLAG = 'in progress, nobody owns it';

export function isUnowned(state: State, owners: readonly string[]): boolean {
  return state === 'in progress' && owners.length === 0;
}

/** What the Help wanted view lists: help wanted, or in progress while nobody owns it. */
export function seeksOwner(state: State, owners: readonly string[]): boolean {
  return state === 'help wanted' || isUnowned(state, owners);
}
