/**
 * Where sync may go, checked at every door before anything runs: a folder or file by its
 * absolute path, a git remote by a URL git can push to or a repository's absolute path — never
 * anything git would read as an option or a command.
 */

const CONTROL = /\p{Cc}/u;
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;
const URL_REMOTE = /^(https?|ssh|git|file):\/\/[^\s]+$/i;
/** `user@host:path` or `host:path` (git's scp-like form); a drive letter (`C:`) is a path. */
const SCP_REMOTE = /^([A-Za-z0-9._~-]+@)?[A-Za-z0-9.-]{2,}:[^\s]+$/;
/** `<helper>::<address>` runs a remote helper (`ext::` runs any command). */
const HELPER = /^[A-Za-z][A-Za-z0-9+.-]*::/;

/** Why `path` can't be a place to sync through, or null. */
export function absolutePathProblem(path: string): string | null {
  if (CONTROL.test(path)) return 'must not contain control characters';
  if (!ABSOLUTE.test(path)) return 'must be an absolute path';
  return null;
}

/** Whether a git remote is a repository's path on this computer (or a share), not a URL. */
export const isLocalRemote = (remote: string): boolean => ABSOLUTE.test(remote);

/** Why `remote` can't be a git remote to sync through, or null. */
export function gitRemoteProblem(remote: string): string | null {
  if (remote.length === 0) return 'must not be empty';
  if (CONTROL.test(remote)) return 'must not contain control characters';
  if (remote.startsWith('-')) return 'must not start with - (git would read it as an option)';
  if (HELPER.test(remote)) return 'must not name a git remote helper (<helper>::<address>)';
  if (URL_REMOTE.test(remote) || SCP_REMOTE.test(remote) || ABSOLUTE.test(remote)) return null;
  return 'must be a git URL (https://…, ssh://…, user@host:path) or the absolute path of a repository';
}

/** The extension of a file of changes (the file transport). */
export const CHANGES_FILE_EXTENSION = '.fortnight-changes';
