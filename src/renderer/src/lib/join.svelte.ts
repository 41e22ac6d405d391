/**
 * Joining the group's workspace from the welcome screen: where the group syncs (a folder, a git
 * remote or a file of changes), which workspace is there (`sync.peek`, which changes nothing),
 * then the join itself — the sync that makes this empty workspace a replica of it and catches
 * up — with its progress.
 */
import type { SyncPeek } from '../../../shared/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { call } from './api.ts';
import { FormState } from './form.svelte.ts';
import { workspace } from './workspace.svelte.ts';

export type PlaceKind = 'folder' | 'remote' | 'file';

/** Each kind of place: what its field is called, and a hint of what to type. */
export const PLACES: Record<PlaceKind, { choice: string; label: string; hint: string }> = {
  folder: {
    choice: 'A shared folder',
    label: 'Folder',
    hint: 'The full path of the folder your group syncs through, such as /home/you/Dropbox/fortnight.',
  },
  remote: {
    choice: 'A git remote',
    label: 'Git remote',
    hint: 'A URL git can fetch (git@github.com:team/fortnight-sync.git), or the full path of a repository.',
  },
  file: {
    choice: 'A file of changes',
    label: 'File of changes',
    hint: 'The full path of a .fortnight-changes file someone exported for you.',
  },
};

/** How often the join's progress is read while it catches up. */
const PROGRESS_EVERY_MS = 400;

/**
 * Remembers a folder or remote as the place this installation syncs through (as Settings → Sync
 * does), so it keeps syncing there by itself after the join.
 */
export async function rememberPlace(place: { folder: string } | { remote: string }): Promise<void> {
  await call('sync.setPlace', 'folder' in place ? { kind: 'folder', ...place } : { kind: 'git', ...place });
}

export class JoinState {
  kind = $state<PlaceKind>('folder');
  value = $state('');
  /** What the place holds, once looked at. */
  found = $state.raw<SyncPeek | null>(null);
  /** The changes received so far while joining, out of those found. */
  progress = $state.raw<{ done: number; total: number } | null>(null);
  readonly form = new FormState<PlaceKind>('join', ['folder', 'remote', 'file']);

  /** The place as the API takes it. */
  get place(): { folder: string } | { remote: string } | { file: string } {
    const value = this.value.trim();
    if (this.kind === 'folder') return { folder: value };
    if (this.kind === 'remote') return { remote: value };
    return { file: value };
  }

  /** A new place typed or chosen: what was found elsewhere no longer holds. */
  changed(): void {
    this.found = null;
    this.form.clear();
  }

  async look(): Promise<void> {
    this.found = null;
    const peeked = await this.form.run(() => call('sync.peek', this.place));
    if (peeked) this.found = peeked.value;
  }

  /** Joins the workspace found; true once this workspace is a replica of it and caught up. */
  async join(): Promise<boolean> {
    const found = this.found;
    if (!found) return false;
    const place = this.place;
    this.progress = { done: 0, total: found.changes };
    workspace.joining = true;
    const timer = setInterval(() => void this.#readProgress(found.changes), PROGRESS_EVERY_MS);
    let joined = false;
    try {
      if (!(await this.form.run(() => this.#sync(place)))) return false;
      if (!('file' in place)) await rememberPlace(place);
      return (joined = true);
    } finally {
      // A join that failed leaves the welcome to what the workspace holds; one that caught up
      // keeps it until the user said who they are.
      if (!joined) workspace.joining = false;
      clearInterval(timer);
      this.progress = null;
    }
  }

  #sync(place: JoinState['place']): Promise<Result<unknown>> {
    if ('folder' in place) return call('sync.folder', place);
    if ('remote' in place) return call('sync.git', place);
    return call('sync.importChanges', place);
  }

  async #readProgress(total: number): Promise<void> {
    const info = await call('workspace.info', {});
    if (info.ok && this.progress) this.progress = { done: Math.min(info.value.changes, total), total };
  }
}

/** "Found Team Ferrite: 11 people, 6 goals — 1,234 changes from 3 installations." */
export function describeFound(found: SyncPeek): { name: string; facts: string } {
  const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
  return {
    name: found.name ?? `an unnamed workspace (${found.workspaceId.slice(0, 8)})`,
    facts:
      `${count(found.people, 'person', 'people')}, ${count(found.goals, 'goal', 'goals')} — ` +
      `${count(found.changes, 'change', 'changes')} from ${count(found.installations, 'installation', 'installations')}.`,
  };
}
