/**
 * One field change, the unit replicas exchange: what the change log stores, and what travels.
 * Which entities travel, and which fields add up instead of replacing each other.
 */
import type { EntityName } from '../../shared/entities/index.ts';

/** One field change as stored in the change log; value is the JSON text (null for none). */
export interface Change {
  entity: string;
  id: string;
  field: string;
  value: string | null;
  /** Its hybrid logical clock timestamp: unique, and names the change. */
  hlc: string;
  /** The replica (installation) that made it. */
  replica: string;
  /**
   * The timestamp of the value this change replaced on the replica that made it (null when the
   * field had none): a later change whose base is older than another change of the field was
   * made without having seen it — a conflict to review.
   */
  base: string | null;
}

/** The field a delete writes (`true`) and a restore (`false`): deletes are tombstones. */
export const DELETED_FIELD = '_deleted';

/**
 * Entities each replica writes only about itself: whose installation this is. They travel, so
 * every replica can name who made a change, but only the installation itself can say it, and
 * they are not the workspace's data (a workspace holding only them is still empty, so it can join).
 */
export const ABOUT_ITSELF: ReadonlySet<string> = new Set<EntityName>(['replica']);

/**
 * Fields whose changes add up: each change holds a difference (+1, -1), and the value is their
 * sum in timestamp order, never below 0. Votes cast on two replicas both count.
 */
export const COUNTERS: Partial<Record<EntityName, readonly string[]>> = { retroNote: ['votes'] };

export const isCounter = (entity: string, field: string): boolean =>
  (COUNTERS[entity as EntityName] ?? []).includes(field);

/**
 * Fields that every installation running the same meeting writes as it goes — the step it is at,
 * its clock, when it started and ended: two such values side by side merge (the later wins) with
 * no conflict to review, since neither was anyone's choice to weigh against the other.
 */
export const MERGED_WITHOUT_REVIEW: Partial<Record<EntityName, readonly string[]>> = {
  meeting: ['step', 'secondsSpent', 'stepStartedAt', 'startedAt', 'endedAt'],
};

export const isReviewed = (entity: string, field: string): boolean =>
  !(MERGED_WITHOUT_REVIEW[entity as EntityName] ?? []).includes(field);
