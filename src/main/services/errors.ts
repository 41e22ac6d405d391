import type { Workspace } from '../db/open.ts';
import type { ErrorCode } from '../../shared/result.ts';
import { decodeValue } from '../store/change-rows.ts';
import { stmt } from '../store/write.ts';
import { DELETED_FIELD } from '../sync/change.ts';

/** A refusal by a domain rule, returned to the caller as `{ ok: false, error }`. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

/**
 * Refuses an id that names no row. An item removed here or on another installation is named by
 * its last title (or name), as the change log remembers it: "Initiative “Async traits” was
 * removed". An id the log has never seen is named as given.
 */
export function notFound(ws: Workspace, what: string, id: string, field?: string): DomainError {
  const last = stmt(
    ws.db,
    `SELECT field, value FROM changes WHERE entity_id = ? AND field IN ('title', 'name', ?)
     ORDER BY hlc DESC`,
  ).all(id, DELETED_FIELD) as { field: string; value: string | null }[];
  const removed = last.find((c) => c.field === DELETED_FIELD)?.value === 'true';
  const title = decodeValue(last.find((c) => c.field !== DELETED_FIELD)?.value ?? null);
  return removed && typeof title === 'string'
    ? new DomainError('not_found', `${what} “${title}” was removed`, field)
    : new DomainError('not_found', `${what} ${id} does not exist`, field);
}
