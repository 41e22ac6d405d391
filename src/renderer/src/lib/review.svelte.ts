/**
 * What other installations sent that this one hasn't looked at yet: the items to mark (read once
 * for the whole app, not per row), the conflicts that wait for review (the navigation counts them,
 * Conflicts lists them), and marking items seen.
 * It reads again when the screen changes, when the window gets the focus back, and when changes
 * arrive from elsewhere (`arrivals.ts`); more arriving is announced politely.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { Arrived } from '../../../shared/arrivals.ts';
import type { Conflict } from '../../../shared/domain.ts';
import type { ApiError } from '../../../shared/result.ts';
import { call, callWhenQuiet } from './api.ts';
import { onArrival } from './arrivals.ts';
import { LatestLoad } from './in-order.ts';
import { lock } from './lock.svelte.ts';

class Review {
  /** Item id → who changed it (names), for the items changed by others and not seen here yet. */
  readonly unseen = new SvelteMap<string, string[]>();
  /** Open conflicts to review (null until first read). */
  conflicts = $state.raw<Conflict[] | null>(null);
  /** Why the conflicts could not be read, when they could not. */
  conflictsError = $state.raw<ApiError | null>(null);
  /** Said politely when more arrived (the navigation's live region speaks it). */
  news = $state('');
  readonly #loads = new LatestLoad();
  #loaded = false;

  /** Whether others changed the item since this installation last looked, and who. */
  changedBy(id: string): string[] | undefined {
    return this.unseen.get(id);
  }

  async load(): Promise<void> {
    const latest = this.#loads.begin();
    const [unseen, conflicts] = await Promise.all([
      callWhenQuiet('sync.unseen', {}),
      callWhenQuiet('conflicts.list', {}),
    ]);
    if (!latest()) return;
    if (unseen.ok) {
      const before = this.#loaded ? this.unseen.size : unseen.value.length;
      this.#loaded = true;
      this.#set(unseen.value);
      const more = unseen.value.length - before;
      if (more > 0)
        this.news = `${more} more ${more === 1 ? 'item' : 'items'} changed by others: see What arrived.`;
    }
    if (conflicts.ok) this.setConflicts(conflicts.value);
    else this.conflictsError = conflicts.error;
  }

  /** Reads again when changes arrive from elsewhere and when the window gets the focus back; returns how to stop. */
  watch(): () => void {
    const onfocus = () => void this.load();
    window.addEventListener('focus', onfocus);
    const stopArrivals = onArrival(() => this.load());
    return () => {
      window.removeEventListener('focus', onfocus);
      stopArrivals();
    };
  }

  /** The items were seen (opened): their marks go. Nothing is written in a read-only workspace. */
  async seen(ids: readonly string[]): Promise<Arrived | null> {
    const fresh = ids.filter((id) => this.unseen.has(id));
    if (!fresh.length || lock.locked) return null;
    const latest = this.#loads.begin();
    const result = await call('sync.markSeen', { ids: fresh });
    if (!result.ok || !latest()) return null;
    this.#set(result.value.unseen);
    return result.value;
  }

  /** Everything was seen ("Mark all as seen"). */
  async seenAll(): Promise<Arrived | null> {
    this.#loads.begin();
    const result = await call('sync.markSeen', { all: true });
    if (!result.ok) return null;
    this.#set(result.value.unseen);
    return result.value;
  }

  /** The conflicts open now (as read, or as a resolve answered). */
  setConflicts(conflicts: Conflict[]): void {
    this.conflicts = conflicts;
    this.conflictsError = null;
  }

  #set(items: Arrived['unseen']): void {
    this.unseen.clear();
    for (const item of items) this.unseen.set(item.id, item.who);
  }
}

export const review = new Review();
