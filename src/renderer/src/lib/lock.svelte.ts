/**
 * The workspace's lock: while its file or folder is read-only every edit is refused by the core,
 * and the app says so up front. Every edit control reads this one fact — disabled, and described
 * by the banner that says why — and every edit key asks it before trying.
 */
import { workspace } from './workspace.svelte.ts';

/** The id of the banner saying why the workspace can't be edited; disabled edits point at it. */
export const LOCK_REASON_ID = 'read-only-reason';

/** The attributes an edit control is spread with (`<button {...lock.edit(busy)}>`). */
export interface EditAttributes {
  disabled: boolean;
  'aria-describedby': string | undefined;
}

/** The attributes of a link that leads to an edit (`<a href={…} {...lock.link()}>`). */
export interface LinkAttributes {
  'aria-disabled': 'true' | undefined;
  'aria-describedby': string | undefined;
  onclick: (event: MouseEvent) => void;
}

class WorkspaceLock {
  /** Why edits are refused (the file or folder, and what to do), or null when they aren't. */
  get reason(): string | null {
    return workspace.readOnly;
  }

  get locked(): boolean {
    return workspace.readOnly !== null;
  }

  /** Counts edits asked for by a key while locked: each one is refused out loud. */
  refusals = $state(0);

  /**
   * An edit control's attributes: disabled while the workspace is locked (or when `disabled`),
   * and then described by the banner. `describedBy` keeps the control's own description.
   */
  edit(disabled = false, describedBy?: string | null): EditAttributes {
    const ids = [describedBy, this.locked ? LOCK_REASON_ID : null].filter(Boolean);
    return { disabled: disabled || this.locked, 'aria-describedby': ids.join(' ') || undefined };
  }

  /**
   * A link that leads to an edit (the "New goal" form): marked disabled and described by the
   * banner while locked, and then following it is refused like an edit key.
   */
  link(): LinkAttributes {
    const locked = this.locked;
    return {
      'aria-disabled': locked ? 'true' : undefined,
      'aria-describedby': locked ? LOCK_REASON_ID : undefined,
      onclick: (event) => {
        if (!this.allows()) event.preventDefault();
      },
    };
  }

  /**
   * Asked by an edit key before it acts: true when the edit may go ahead; while locked, false,
   * and the banner says the edit was refused and why.
   */
  allows(): boolean {
    if (!this.locked) return true;
    this.refusals++;
    return false;
  }
}

export const lock = new WorkspaceLock();
