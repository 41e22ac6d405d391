/** Hash-based routing (`#/people`, `#/goals/<id>`), so a reload keeps the place. */

import { announcer } from './announcer.svelte.ts';

export const SCREENS = [
  { id: 'meeting', label: 'Meeting' },
  { id: 'roadmap', label: 'Roadmap' },
  { id: 'sprints', label: 'Sprints' },
  { id: 'polish', label: 'Polish' },
  { id: 'people', label: 'People' },
  { id: 'updates', label: 'Updates' },
  { id: 'settings', label: 'Settings' },
  { id: 'my-sprint', label: 'My sprint' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

export type Route =
  | { screen: ScreenId; page: 'index' }
  | { screen: 'roadmap'; page: 'new-goal' }
  | { screen: 'roadmap'; page: 'goal'; id: string }
  | { screen: 'roadmap'; page: 'initiative'; id: string; milestoneId: string | null }
  | { screen: 'roadmap'; page: 'help-wanted' }
  | { screen: 'roadmap'; page: 'dependencies'; id: string | null }
  | { screen: 'roadmap'; page: 'publish' }
  | { screen: 'people'; page: 'new-person'; stakeholder: boolean }
  | { screen: 'updates'; page: 'update'; id: string }
  | { screen: 'updates'; page: 'poll'; id: string }
  | { screen: 'updates'; page: 'new-poll'; about: { kind: 'goal' | 'initiative'; id: string } | null }
  | { screen: 'people'; page: 'person'; id: string }
  | { screen: 'sprints'; page: 'sprint'; number: number }
  | { screen: 'polish'; page: 'issue'; id: string }
  | { screen: 'review'; page: 'arrived' | 'conflicts' };

/** A route's screen: one of the navigation's, or the review of what other installations sent. */
export type RouteScreen = Route['screen'];

export const isScreenId = (value: string): value is ScreenId => SCREENS.some((s) => s.id === value);

export function parseHash(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));
  const [head = '', second, third] = parts;
  if (head === 'goals' && second === 'new') return { screen: 'roadmap', page: 'new-goal' };
  if (head === 'goals' && second) return { screen: 'roadmap', page: 'goal', id: second };
  if (head === 'initiatives' && second)
    return { screen: 'roadmap', page: 'initiative', id: second, milestoneId: third ?? null };
  if (head === 'roadmap' && second === 'help-wanted') return { screen: 'roadmap', page: 'help-wanted' };
  if (head === 'dependencies') return { screen: 'roadmap', page: 'dependencies', id: second ?? null };
  if (head === 'publish') return { screen: 'roadmap', page: 'publish' };
  if (head === 'people' && (second === 'new' || second === 'new-stakeholder'))
    return { screen: 'people', page: 'new-person', stakeholder: second === 'new-stakeholder' };
  if (head === 'updates' && second) return { screen: 'updates', page: 'update', id: second };
  if (head === 'polls' && second === 'new') {
    const [kind, id] = (third ?? '').split(':');
    const about = (kind === 'goal' || kind === 'initiative') && id ? { kind, id } : null;
    return { screen: 'updates', page: 'new-poll', about } as Route;
  }
  if (head === 'polls' && second) return { screen: 'updates', page: 'poll', id: second };
  if (head === 'people' && second) return { screen: 'people', page: 'person', id: second };
  if (head === 'sprints' && second && /^\d+$/.test(second))
    return { screen: 'sprints', page: 'sprint', number: Number(second) };
  if (head === 'polish' && second) return { screen: 'polish', page: 'issue', id: second };
  if (head === 'arrived' || head === 'conflicts') return { screen: 'review', page: head };
  if (isScreenId(head)) return { screen: head, page: 'index' };
  return { screen: 'meeting', page: 'index' };
}

export const paths = {
  screen: (id: ScreenId) => `#/${id}`,
  goal: (id: string) => `#/goals/${encodeURIComponent(id)}`,
  newGoal: () => '#/goals/new',
  initiative: (id: string, milestoneId?: string) =>
    `#/initiatives/${encodeURIComponent(id)}${milestoneId ? `/${encodeURIComponent(milestoneId)}` : ''}`,
  helpWanted: () => '#/roadmap/help-wanted',
  dependencies: (initiativeId?: string) =>
    initiativeId ? `#/dependencies/${encodeURIComponent(initiativeId)}` : '#/dependencies',
  person: (id: string) => `#/people/${encodeURIComponent(id)}`,
  newPerson: () => '#/people/new',
  newStakeholder: () => '#/people/new-stakeholder',
  update: (id: string) => `#/updates/${encodeURIComponent(id)}`,
  poll: (id: string) => `#/polls/${encodeURIComponent(id)}`,
  newPoll: (about?: { kind: 'goal' | 'initiative'; id: string }) =>
    about ? `#/polls/new/${about.kind}:${encodeURIComponent(about.id)}` : '#/polls/new',
  sprint: (number: number) => `#/sprints/${number}`,
  polishIssue: (id: string) => `#/polish/${encodeURIComponent(id)}`,
  publish: () => '#/publish',
  /** Settings, scrolled to its Sync section. */
  syncSettings: () => '#/settings/sync',
  arrived: () => '#/arrived',
  conflicts: () => '#/conflicts',
};

/**
 * What a page just did, said at the top of the screen it went back to: "Saved goal “X”." (the
 * title is shown with its inline code as code).
 */
export interface Notice {
  said: string;
  title: string;
  /** The item saved: the list marks its row and scrolls it into view (`savedMark`). */
  id?: string;
}

/** A notice as one sentence, as a screen reader hears it. */
export const noticeText = (notice: Notice) => `${notice.said} “${notice.title}”.`;

class Router {
  #hash = $state(window.location.hash);
  #notice = $state.raw<{ hash: string; notice: Notice } | null>(null);
  readonly route: Route = $derived(parseHash(this.#hash));
  /** The last go's notice, while its place is shown: the next navigation ends it. */
  readonly notice: Notice | null = $derived(this.#notice?.hash === this.#hash ? this.#notice.notice : null);

  constructor() {
    window.addEventListener('hashchange', () => {
      this.#hash = window.location.hash;
      if (this.#notice?.hash !== this.#hash) this.#notice = null;
    });
  }

  /**
   * Goes to a `#/…` path; a screen's id or a path both work (the desktop menu sends names). A
   * notice is shown there (and announced), until the next navigation or its dismissal.
   */
  go(path: string, notice?: Notice): void {
    const hash = path.startsWith('#') ? path : isScreenId(path) ? paths.screen(path) : `#/${path}`;
    if (window.location.hash !== hash) window.location.hash = hash;
    // As the address holds it (the hashchange event compares with it).
    this.#hash = window.location.hash;
    this.#notice = notice ? { hash: this.#hash, notice } : null;
    if (notice) announcer.say(noticeText(notice));
  }

  dismissNotice(): void {
    this.#notice = null;
  }
}

export const router = new Router();
