/** Small, pure formatting helpers shared by screens. */
import { STATE_EMOJI, type State } from '../../../shared/domain.ts';

export function stateLabel(state: State): string {
  return `${STATE_EMOJI[state]} ${state}`;
}

/** Names for ids, in the given order, skipping ids that name nobody. */
export function namesOf(ids: readonly string[], names: ReadonlyMap<string, string>): string[] {
  return ids.flatMap((id) => {
    const name = names.get(id);
    return name === undefined ? [] : [name];
  });
}

/** "Ada, Grace and Linus" in the user's language. */
export function listFormat(items: readonly string[]): string {
  return new Intl.ListFormat(undefined, { style: 'long', type: 'conjunction' }).format(items);
}
