/**
 * The core behind every door: validates a call against the contract, runs its handler (a
 * writing method inside one transaction, so a refused call changes nothing) and turns every
 * outcome into a `Result`.
 */
import type { z } from 'zod';
import {
  contract,
  isMethodName,
  type MethodName,
  type Output,
  type ParsedInput,
} from '../../shared/contract.ts';
import { unknownMethod, type ApiError, type Result } from '../../shared/result.ts';
import { openWorkspace, type OpenOptions, type Workspace } from '../db/open.ts';
import { DomainError } from '../services/errors.ts';
import { handlers } from './handlers.ts';

export interface Core {
  readonly workspace: Workspace;
  call<M extends MethodName>(method: M, input: unknown): Result<Output<M>>;
  call(method: string, input: unknown): Result<unknown>;
  close(): void;
}

export type Handler<M extends MethodName> = (ws: Workspace, input: ParsedInput<M>) => Output<M>;
export type Handlers = { [M in MethodName]: Handler<M> };

/** The value at a dotted path of the input, or undefined where the path leads nowhere. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * A refusal naming the field: `manualProgress: must be at most 100`. The message itself is the
 * contract's own or the app's wording from `refusals.ts`; a field left out is "required".
 */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): ApiError {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') path.push(issue.keys[0] ?? '');
  const field = path.join('.');
  const missing =
    issue.code === 'invalid_type' && path.length > 0 && valueAt(input, issue.path) === undefined;
  const message = missing ? 'is required' : issue.message;
  return field
    ? { code: 'invalid_input', message: `${field}: ${message}`, field }
    : { code: 'invalid_input', message: `input: ${message}` };
}

export function createCore(workspace: Workspace): Core {
  /** One transaction per writing call, its changes grouped as one action (what undo takes back). */
  const writeAction = (method: string, write: () => unknown): unknown => {
    workspace.action = { method };
    try {
      return workspace.db.transaction(write)();
    } finally {
      workspace.action = null;
    }
  };
  // A reading connection beside a writer reads each call in one transaction: one snapshot, so a
  // commit landing between two of its queries can't tear the answer.
  // (Asked on each call: a restore reopens the workspace on a new connection.)
  const read = (answer: () => unknown) =>
    workspace.db.readonly ? workspace.db.transaction(answer)() : answer();
  const run = (method: string, input: unknown): Result<unknown> => {
    if (!isMethodName(method)) {
      return unknownMethod(method);
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: describeIssue(parsed.error.issues[0]!, input) };
    const handler = handlers[method] as (ws: Workspace, input: unknown) => unknown;
    if (spec.writes && workspace.readOnly) {
      return { ok: false, error: { code: 'read_only', message: workspace.readOnly } };
    }
    try {
      const value =
        'swapsFile' in spec || 'chunked' in spec
          ? handler(workspace, parsed.data)
          : spec.writes
            ? writeAction(method, () => handler(workspace, parsed.data))
            : read(() => handler(workspace, parsed.data));
      return { ok: true, value: value ?? null };
    } catch (error) {
      if (error instanceof DomainError) {
        return {
          ok: false,
          error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
        };
      }
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `Unexpected error: ${message}` } };
    }
  };
  return {
    workspace,
    call: run as Core['call'],
    close: () => workspace.db.close(),
  };
}

export async function openCore(file: string, options?: OpenOptions): Promise<Core> {
  return createCore(await openWorkspace(file, options));
}
