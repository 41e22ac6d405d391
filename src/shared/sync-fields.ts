/**
 * The contract's fields for places to sync through (`sync-places.ts` holds the rules): a folder or
 * file by its absolute path, a file of changes by its extension, a git remote. Every door checks
 * them before anything runs, and every method taking a place uses these same fields.
 */
import { text } from './entities/fields.ts';
import { absolutePathProblem, CHANGES_FILE_EXTENSION, gitRemoteProblem } from './sync-places.ts';

/** A place to sync through, refused with the rule it breaks. */
export const absolutePath = text(4096).refine((path) => absolutePathProblem(path) === null, {
  error: (issue) => absolutePathProblem(String(issue.input)) ?? 'must be an absolute path',
});
export const changesFile = absolutePath.refine((path) => path.endsWith(CHANGES_FILE_EXTENSION), {
  error: `must end in ${CHANGES_FILE_EXTENSION}`,
});
export const gitRemote = text(2000).refine((remote) => gitRemoteProblem(remote) === null, {
  error: (issue) => gitRemoteProblem(String(issue.input)) ?? 'must be a git remote',
});
