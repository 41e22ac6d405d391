/**
 * How the contract declares a method: its input schema, its result type (phantom) and whether
 * it writes. Shared by the contract's parts (`contract.ts`, `contract-stakeholders.ts`).
 */
import type { z } from 'zod';

/** A method: its input schema, its result type (phantom), and whether it writes. */
export interface Method<I extends z.ZodType, O> {
  input: I;
  writes: boolean;
  swapsFile?: true;
  /** Runs its own transactions, one per chunk: the core runs it outside a transaction. */
  chunked?: true;
  /** Over HTTP, the largest body its input can take, when more than the host's default (1 MiB). */
  maxBodyBytes?: number;
  /** Never read at run time: it carries the result type. */
  output?: O;
}
type MethodOptions = Pick<Method<z.ZodType, unknown>, 'maxBodyBytes'>;
export const read =
  <O>() =>
  <I extends z.ZodType>(input: I, options: MethodOptions = {}): Method<I, O> => ({
    input,
    writes: false,
    ...options,
  });
export const write =
  <O>() =>
  <I extends z.ZodType>(input: I, options: MethodOptions = {}): Method<I, O> => ({
    input,
    writes: true,
    ...options,
  });
/**
 * A write that runs its own transactions, one per chunk (a sync applies each segment in one):
 * the core runs it outside a transaction, so it never holds the write lock for long.
 */
export const chunked =
  <O>() =>
  <I extends z.ZodType>(input: I): Method<I, O> => ({ input, writes: true, chunked: true });
/** A write that replaces the workspace's file: it runs outside a transaction (it closes the database). */
export const swap =
  <O>() =>
  <I extends z.ZodType>(input: I): Method<I, O> => ({ input, writes: true, swapsFile: true });
