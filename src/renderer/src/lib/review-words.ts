/**
 * What other installations sent, as the review screens show it: where an item's link goes, and
 * a field's value in words ("✋ help wanted", "Ada, Bo", "none").
 */
import type { ItemPlace } from '../../../shared/arrivals.ts';
import { STATE_EMOJI, STATES, type State } from '../../../shared/domain.ts';
import { paths } from './router.svelte.ts';

/** The link to where an item shows. */
export function placeHref(place: ItemPlace): string {
  switch (place.page) {
    case 'goal':
      return paths.goal(place.id);
    case 'initiative':
      return paths.initiative(place.id, place.milestoneId ?? undefined);
    case 'person':
      return paths.person(place.id);
    case 'polish':
      return paths.screen('polish');
    case 'sprint':
      return paths.sprint(place.number);
    case 'poll':
      return paths.poll(place.id);
    case 'update':
      return paths.update(place.id);
    case 'meeting':
      return paths.screen('meeting');
  }
}

const isState = (value: unknown): value is State => STATES.some((s) => s === value);

/** A field's value in words; ids are named by `name` (a person or an item), else "someone". */
export function valueText(value: unknown, name: (id: string) => string | undefined): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (isState(value)) return `${STATE_EMOJI[value]} ${value}`;
  if (Array.isArray(value)) {
    return value.length
      ? value.map((v) => (typeof v === 'string' ? (name(v) ?? v) : String(v))).join(', ')
      : 'none';
  }
  if (typeof value === 'string') return name(value) ?? value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
