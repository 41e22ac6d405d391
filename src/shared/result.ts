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
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The input field the error is about, as a dotted path (`owners.0`), when there is one. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
