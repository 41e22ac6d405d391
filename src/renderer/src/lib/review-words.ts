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
      return paths.polishIssue(place.id);
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

/**
 * A field's value in words; ids are named by `name` (a person or an item). A list of attendees
 * reads "Ada, Bo (absent)"; a record, such as a meeting's timeboxes, "retrospective 20, plan none".
 */
export function valueText(value: unknown, name: (id: string) => string | undefined): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (isState(value)) return `${STATE_EMOJI[value]} ${value}`;
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(v, name)).join(', ') : 'none';
  if (typeof value === 'string') return name(value) ?? value;
  if (typeof value === 'object' && 'personId' in value && typeof value.personId === 'string') {
    const absent = 'present' in value && value.present === false ? ' (absent)' : '';
    return `${name(value.personId) ?? 'someone'}${absent}`;
  }
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([key, v]) => `${key} ${valueText(v, name)}`)
      .join(', ');
  return String(value);
}
