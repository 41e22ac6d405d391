/**
 * Checks a change that arrived from another replica against the same field definitions the API
 * uses (`src/shared/entities/`): its installation, its timestamp, and its value (type, length, enum, id
 * format). A change of an entity or field this version doesn't know was made by a newer
 * Fortnight: valid, kept for later. An installation saying whose another one is is refused.
 */
import { z } from 'zod';
import { findField, isEntityName } from '../../shared/entities/index.ts';
import { id as idSchema } from '../../shared/entities/fields.ts';
// The refusals' wording, as the API's (a snapshot's reading thread imports nothing else that sets it).
import '../../shared/refusals.ts';
import { parseHlc } from '../store/hlc.ts';
import { ABOUT_ITSELF, DELETED_FIELD, isCounter, type Change } from './change.ts';

/** The longest value a change may carry (a long text's JSON with every character escaped). */
export const MAX_VALUE_LENGTH = 200_000;
/** How far ahead of this machine's clock a change may be stamped. */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;
/** The largest difference one counter change may carry. */
const MAX_COUNTER_STEP = 100_000;

const replicaId = z.uuid();

export type Checked = { ok: true; change: Change; known: boolean } | { ok: false; reason: string };

/** Changes checked: the valid ones, and the others by their index in what was given, and why. */
export interface CheckedChanges {
  valid: Change[];
  invalid: { index: number; reason: string }[];
}

/** Checks each change (`checkChange`). */
export function checkChanges(changes: readonly Change[], now: Date): CheckedChanges {
  const checked: CheckedChanges = { valid: [], invalid: [] };
  changes.forEach((change, index) => {
    const check = checkChange(change, now);
    if (check.ok) checked.valid.push(check.change);
    else checked.invalid.push({ index, reason: check.reason });
  });
  return checked;
}

/**
 * Checks a change whose shape the decoder has checked (`parseChange` in `segment.ts`: names, ids
 * and clock times of the right form, a value of text or null).
 */
export function checkChange(change: Change, now: Date): Checked {
  if (change.value !== null && change.value.length > MAX_VALUE_LENGTH)
    return { ok: false, reason: `value: longer than ${MAX_VALUE_LENGTH} characters` };
  if (!replicaId.safeParse(change.replica).success)
    return { ok: false, reason: `replica: not an installation's id (${change.replica.slice(0, 80)})` };
  const where = `${change.entity}.${change.field}`;
  let stamp: ReturnType<typeof parseHlc>;
  try {
    stamp = parseHlc(change.hlc);
  } catch {
    return { ok: false, reason: `hlc: not a clock timestamp (${change.hlc})` };
  }
  if (stamp.replicaId !== change.replica)
    return { ok: false, reason: `hlc: not made by replica ${change.replica}` };
  if (stamp.wall > now.getTime() + MAX_CLOCK_AHEAD_MS) {
    return {
      ok: false,
      reason: `hlc: stamped ${new Date(stamp.wall).toISOString()}, more than a day ahead of this clock`,
    };
  }
  if (change.base !== null && !/^\d{13}-\d{5}-.+$/.test(change.base)) {
    return { ok: false, reason: `base: not a clock timestamp (${change.base})` };
  }
  let value: unknown;
  try {
    value = change.value === null ? null : JSON.parse(change.value);
  } catch {
    return { ok: false, reason: `${where}: the value is not JSON` };
  }
  if (ABOUT_ITSELF.has(change.entity) && change.id !== change.replica) {
    return { ok: false, reason: `${change.entity}.id: an installation can only say whose it is itself` };
  }
  if (!isEntityName(change.entity)) return { ok: true, change, known: false };
  if (!idSchema.safeParse(change.id).success)
    return { ok: false, reason: `${change.entity}.id: must be an id` };
  if (change.field === DELETED_FIELD) {
    return typeof value === 'boolean'
      ? { ok: true, change, known: true }
      : { ok: false, reason: `${where}: must be true or false` };
  }
  const field = findField(change.entity, change.field);
  if (!field) return { ok: true, change, known: false };
  if (isCounter(change.entity, change.field)) {
    return Number.isInteger(value) && Math.abs(value as number) <= MAX_COUNTER_STEP
      ? { ok: true, change, known: true }
      : { ok: false, reason: `${where}: must be a whole difference of at most ${MAX_COUNTER_STEP}` };
  }
  const checked = field.schema.safeParse(value);
  if (!checked.success) return { ok: false, reason: `${where}: ${checked.error.issues[0]!.message}` };
  if (JSON.stringify(checked.data) !== JSON.stringify(value)) {
    return { ok: false, reason: `${where}: not written the way Fortnight writes it (${change.value})` };
  }
  const refersToItself = Array.isArray(value) ? value.includes(change.id) : value === change.id;
  if (refersToItself) return { ok: false, reason: `${where}: an item can't refer to itself` };
  return { ok: true, change, known: true };
}
