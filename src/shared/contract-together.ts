/**
 * The contract's methods for working together (see `contract.ts`): the "My sprint" page's one
 * read, and the workspace's version, which an open screen watches to redraw when changes arrive.
 */
import { z } from 'zod';
import { read } from './contract-methods.ts';
import type { MySprintView } from './my-sprint.ts';

const empty = z.strictObject({});

export const togetherMethods = {
  /** The active sprint's part of the person this installation belongs to. */
  'mySprint.view': read<MySprintView>()(empty),
  /**
   * The workspace's version: it changes with every write, from any process (this app, a sync, the
   * command line on the same file). Cheap to ask often.
   */
  'workspace.version': read<{ version: number }>()(empty),
} as const;
