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
import type { ApiError, Result } from '../../shared/result.ts';
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

export function describeIssue(issue: z.core.$ZodIssue): ApiError {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const path = field ? `${field}.${key}` : key;
    return { code: 'invalid_input', message: `${path}: is not a known field`, field: path };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return { code: 'invalid_input', message: `${field}: is required`, field };
  }
  const message = issue.code === 'invalid_type' ? `must be ${issue.expected}` : issue.message;
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
  const run = (method: string, input: unknown): Result<unknown> => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `There is no method ${method}` } };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: describeIssue(parsed.error.issues[0]!) };
    const handler = handlers[method] as (ws: Workspace, input: unknown) => unknown;
    if (spec.writes && workspace.readOnly) {
      return { ok: false, error: { code: 'read_only', message: workspace.readOnly } };
    }
    try {
      const value =
        spec.writes && !('swapsFile' in spec)
          ? writeAction(method, () => handler(workspace, parsed.data))
          : handler(workspace, parsed.data);
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
  return createCore(openWorkspace(file, options));
}
