/** "In progress, but nobody owns it" (for a milestone: no key participant). */
import type { State } from './domain.ts';

export function isUnowned(state: State, owners: readonly string[]): boolean {
  return state === 'in progress' && owners.length === 0;
}
