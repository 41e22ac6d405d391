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

let list: Intl.ListFormat | undefined;

/** "Ada, Grace and Linus" in the user's language (the formatter is made once: making it is dear). */
export function listFormat(items: readonly string[]): string {
  list ??= new Intl.ListFormat(undefined, { style: 'long', type: 'conjunction' });
  return list.format(items);
}
