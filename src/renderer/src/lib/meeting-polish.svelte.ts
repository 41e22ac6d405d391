/**
 * The polish step: the open polish issues grouped by goal or by assignee, what can be done with
 * each (done, won't fix, reassign, take for the next sprint), adding one from a pasted link, and
 * the tally and chart of polish done. Every change is one meeting action, one call: the view is
 * patched with the issue the write answered (an undo answers the whole view).
 */
import { SvelteSet } from 'svelte/reactivity';
import type { Input } from '../../../shared/contract.ts';
import type { PolishIssue } from '../../../shared/domain.ts';
import type { PolishView } from '../../../shared/meeting-views.ts';
import type { ApiError } from '../../../shared/result.ts';
import { withPolish } from '../../../shared/polish-patch.ts';
import { call } from './api.ts';
import { quote } from './meeting-words.svelte.ts';
import { people } from './people.svelte.ts';
import { StepView } from './step-view.svelte.ts';

export type PolishGrouping = 'goal' | 'assignee';

export interface PolishGroup {
  /** A goal's or a person's id; null for "no goal" / "unassigned". */
  id: string | null;
  issues: PolishIssue[];
}

export class PolishStore extends StepView<PolishView> {
  grouping = $state<PolishGrouping>('goal');
  /** Issues marked done or won't fix whose write is on its way: out of the list already. */
  readonly leaving = new SvelteSet<string>();

  /** The open issues in groups, in the order `order` gives the group ids; the null group last. */
  groups(order: readonly string[]): PolishGroup[] {
    const key = this.grouping === 'goal' ? 'goalId' : 'assigneeId';
    const groups: PolishGroup[] = [];
    for (const issue of this.view?.issues ?? []) {
      if (this.leaving.has(issue.id)) continue;
      const id = issue[key];
      const group = groups.find((g) => g.id === id);
      if (group) group.issues.push(issue);
      else groups.push({ id, issues: [issue] });
    }
    const rank = (id: string | null) => (id === null ? Infinity : order.indexOf(id) + 1 || order.length + 1);
    return groups.sort((a, b) => rank(a.id) - rank(b.id));
  }

  async load(): Promise<void> {
    const sprintId = this.session.sprint?.id;
    if (!sprintId) return;
    if (this.view && this.view.sprint.id !== sprintId) this.view = null; // another sprint's
    await this.loads.show(this, () => call('polish.view', { sprintId }));
  }

  /**
   * Redraws after a write from the issue it answered: one call per key press. Without the
   * people (needed for the tally) the view is read again instead.
   */
  async #patch(before: PolishIssue | null, issue: PolishIssue): Promise<void> {
    if (!this.view) return;
    if (!people.loaded) return this.load();
    const everyone = people.list.map((p) => ({
      id: p.id,
      name: p.name,
      goalOwner: p.roles.includes('goal owner'),
    }));
    this.view = withPolish(this.view, before, issue, everyone);
  }

  async #update(issue: PolishIssue, patch: Omit<Input<'polish.update'>, 'id'>, label: string) {
    const done = await this.session.act('polish.update', { id: issue.id, ...patch }, label);
    if (done) await this.#patch(issue, done.value);
    return done !== null;
  }

  /** The issue leaves the list at once; should the write be refused, it comes back. */
  async #close(issue: PolishIssue, status: 'done' | "won't fix", label: string): Promise<boolean> {
    this.leaving.add(issue.id);
    try {
      return await this.#update(issue, { status }, label);
    } finally {
      this.leaving.delete(issue.id);
    }
  }

  markDone(issue: PolishIssue): Promise<boolean> {
    return this.#close(issue, 'done', `${quote(issue.title)} is done`);
  }

  wontFix(issue: PolishIssue): Promise<boolean> {
    return this.#close(issue, "won't fix", `${quote(issue.title)} won't be fixed`);
  }

  reassign(issue: PolishIssue, assigneeId: string | null, name: string): Promise<boolean> {
    const label = assigneeId
      ? `${quote(issue.title)} goes to ${name}`
      : `${quote(issue.title)} is unassigned`;
    return this.#update(issue, { assigneeId }, label);
  }

  /** Takes the issue for the next sprint, or gives it back when it is already taken. */
  async toggleNextSprint(issue: PolishIssue): Promise<boolean> {
    const next = await this.session.ensureNextSprint();
    if (!next) return false;
    if (issue.plannedSprintId === next.id) {
      return this.#update(issue, { plannedSprintId: null }, `${quote(issue.title)} is not planned`);
    }
    return this.#update(
      issue,
      { plannedSprintId: next.id },
      `${quote(issue.title)} is taken for sprint ${next.number}`,
    );
  }

  async add(input: Input<'polish.create'>): Promise<ApiError | null> {
    const done = await this.session.act('polish.create', input, `polish issue ${quote(input.title)}`);
    if (!done) return this.session.failure;
    await this.#patch(null, done.value);
    return null;
  }
}
