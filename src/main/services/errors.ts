import type { ErrorCode } from '../../shared/result.ts';

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

export const notFound = (what: string, id: string, field?: string) =>
  new DomainError('not_found', `${what} ${id} does not exist`, field);
