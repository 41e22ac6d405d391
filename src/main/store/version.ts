/**
 * The workspace file's version: the change log's last sequence number. Every write appends to
 * the change log (`write.ts`), from whichever process makes it, and a sequence number is never
 * used twice in one file, so an answer read at one version is still the answer while the version
 * stays. A restore brings in another file, whose numbers may meet the old one's again: the core
 * client counts its file swaps beside this number (`CoreClient.version`).
 */
import type { DB } from '../db/open.ts';
import { stmt } from './write.ts';

export function changeLogVersion(db: DB): number {
  const row = stmt(db, "SELECT seq FROM sqlite_sequence WHERE name = 'changes'").get() as
    { seq: number } | undefined;
  return row?.seq ?? 0;
}
