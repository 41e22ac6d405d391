/** What every API method returns, through every door (IPC, HTTP, CLI). */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'rule_violation'
  | 'cycle'
  /** Allowed, but only when the caller confirms (the message says what to confirm). */
  | 'needs_confirmation'
  /** The method exists only behind another door (native dialogs only in the desktop app). */
  | 'unsupported'
  | 'unknown_method'
  /** The workspace's file or folder can't be written: it is open read-only (the message says why). */
  | 'read_only'
  /** The workspace file can't be read: only its backups can be listed and restored. */
  | 'damaged'
  /** Browser mode without the token of this launch. */
  | 'unauthorised'
  /** Refused before reaching the API: a foreign page, or a host or origin not ours. */
  | 'forbidden'
  /** Browser mode's transport: the wrong HTTP method, or a body over the size limit. */
  | 'method_not_allowed'
  | 'too_large'
  /** A place the call needs can't be used: a sync folder, a git remote, a file (the message says why). */
  | 'unavailable'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The input field the error is about, as a dotted path (`owners.0`), when there is one. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Names echoed in a refusal are cut to this length, so a hostile name can't flood a reply or a log. */
export const ECHO_LIMIT = 60;

/** The refusal of a method that isn't in the contract, echoing its name cut short. */
export function unknownMethod(name: string): Result<never> {
  const shown = name.length > ECHO_LIMIT ? `${name.slice(0, ECHO_LIMIT)}…` : name;
  return { ok: false, error: { code: 'unknown_method', message: `There is no method ${shown}` } };
}
