/** The workspace's facts (`workspace.info`): whether it is empty, counts, the active sprint. */
import type { WorkspaceInfo } from '../../../shared/contract.ts';
import type { ApiError } from '../../../shared/result.ts';
import { call } from './api.ts';

class WorkspaceState {
  info = $state.raw<WorkspaceInfo | null>(null);
  error = $state.raw<ApiError | null>(null);

  /** A workspace with nothing in it yet: its home screen is the welcome. */
  readonly isEmpty: boolean = $derived(this.info?.isEmpty ?? false);
  /**
   * True from the moment a join starts until the user has said who they are: the welcome stays
   * although the workspace stopped being empty as the first changes arrived.
   */
  joining = $state(false);
  /** Whether the home screen is the welcome. */
  readonly welcomes: boolean = $derived(this.isEmpty || this.joining);
  /** Why the workspace can't be edited (its file or folder is read-only), or null. */
  readonly readOnly: string | null = $derived(this.info?.readOnly ?? null);

  async refresh(): Promise<void> {
    const result = await call('workspace.info', {});
    if (result.ok) {
      this.info = result.value;
      this.error = null;
    } else {
      this.error = result.error;
    }
  }
}

export const workspace = new WorkspaceState();
