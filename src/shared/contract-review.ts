/**
 * The contract's methods for reviewing what other installations sent (see `contract.ts`): what
 * arrived since this installation last looked, the items to mark until seen, marking them seen.
 * All local: what one installation has seen never travels.
 */
import { z } from 'zod';
import type { Arrived, UnseenItem } from './arrivals.ts';
import { id } from './entities/fields.ts';
import { read, write } from './contract-methods.ts';

export const reviewMethods = {
  /** What other people changed since this installation last looked, newest first, per person and item. */
  'sync.arrived': read<Arrived>()(z.strictObject({})),
  /** The items changed by others and not seen here yet, with who changed each (for the marks). */
  'sync.unseen': read<UnseenItem[]>()(z.strictObject({})),
  /** Marks these items (or `all`) as seen; answers what is still unseen. */
  'sync.markSeen': write<Arrived>()(
    z
      .strictObject({
        ids: z.array(id).max(10_000, { error: 'must list at most 10000 items' }).optional(),
        all: z.literal(true, { error: 'must be true (or left out, with ids)' }).optional(),
      })
      .refine((input) => input.all === true || (input.ids?.length ?? 0) > 0, {
        error: 'must list the ids of the items seen, or say all: true',
        path: ['ids'],
      }),
  ),
};
