/** The example workspace: a believable working group, loaded through the real write path. */
import type { Workspace } from './db/open.ts';
import { requireEmpty } from './services/workspace.ts';

export function loadExample(ws: Workspace): void {
  requireEmpty(ws);
  // Filled in by the example-workspace data module.
}
