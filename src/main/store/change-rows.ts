/**
 * Reading the change log: one change as stored, the columns that read it, its value decoded and
 * the instant its timestamp was taken. An item's history and What arrived read the same rows.
 */
import { parseHlc } from './hlc.ts';

/** One change as the change log stores it. */
export interface ChangeRow {
  seq: number;
  entity: string;
  entity_id: string;
  field: string;
  /** The JSON text of the value (null for none). */
  value: string | null;
  hlc: string;
  replica_id: string;
}

/** The columns of a `ChangeRow`, from `changes` read as `c`. */
export const CHANGE_ROW_COLUMNS = 'c.seq, c.entity, c.entity_id, c.field, c.value, c.hlc, c.replica_id';

/** A stored value, decoded from its JSON text (null for none). */
export const decodeValue = (value: string | null): unknown => (value === null ? null : JSON.parse(value));

/** The ISO instant a change's timestamp was taken at. */
export const changedAt = (hlc: string): string => new Date(parseHlc(hlc).wall).toISOString();
