/**
 * What arrived: the changes other installations made that this one hasn't looked at yet, in
 * plain words per person and item, and the items to mark until seen. "Since you last looked" is
 * local, never synced: the change log's position when everything was last marked seen
 * (`meta` `seen_upto`), and per item the position when it was last opened (`meta` `seen:<id>`).
 * The reads are bounded: they look at the newest changes past that position only.
 */
import type { ParsedInput } from '../../shared/contract.ts';
import {
  someoneElse,
  type Arrival,
  type ArrivedField,
  type Arrived,
  type UnseenItem,
} from '../../shared/arrivals.ts';
import { isEntityName } from '../../shared/entities/index.ts';
import type { Workspace } from '../db/open.ts';
import { CHANGE_ROW_COLUMNS, changedAt, decodeValue, type ChangeRow } from '../store/change-rows.ts';
import { stmt } from '../store/write.ts';
import { ABOUT_ITSELF, DELETED_FIELD } from '../sync/change.ts';
import { isShown, itemLabel, itemPlace, replicaPerson } from './item-places.ts';

/** The newest changes past the last look that are looked at (a newcomer's catch-up can be huge). */
const SCAN = 5_000;
/** Items listed in What arrived (the newest). */
const LISTED_ITEMS = 200;
const SEEN_UPTO = 'seen_upto';
const SEEN_ITEM = 'seen:';

function seenUpto(ws: Workspace): number {
  const row = stmt(ws.db, 'SELECT value FROM meta WHERE key = ?').get(SEEN_UPTO) as
    { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

function lastSeq(ws: Workspace): number {
  return (stmt(ws.db, 'SELECT coalesce(max(seq), 0) AS n FROM changes').get() as { n: number }).n;
}

/** Other installations' changes not seen yet, newest first (at most SCAN looked at). */
function unseenChanges(ws: Workspace): { rows: ChangeRow[]; more: boolean } {
  const floor = seenUpto(ws);
  const rows = (
    stmt(
      ws.db,
      `SELECT ${CHANGE_ROW_COLUMNS}
         FROM (SELECT * FROM changes WHERE seq > ? ORDER BY seq DESC LIMIT ?) c
         LEFT JOIN meta s ON s.key = '${SEEN_ITEM}' || c.entity_id
        WHERE c.replica_id <> ? AND (s.value IS NULL OR c.seq > CAST(s.value AS INTEGER))
        ORDER BY c.seq DESC`,
    ).all(floor, SCAN, ws.replicaId) as ChangeRow[]
  ).filter((row) => isEntityName(row.entity) && !ABOUT_ITSELF.has(row.entity)); // whose installation: no news
  const more =
    stmt(ws.db, 'SELECT 1 FROM changes WHERE seq > ? ORDER BY seq DESC LIMIT 1 OFFSET ?').get(floor, SCAN) !==
    undefined;
  return { rows, more };
}

/** Names each installation once per read. */
function namer(ws: Workspace): (replica: string) => { who: string; personId: string | null } {
  const known = new Map<string, { who: string; personId: string | null }>();
  return (replica) => {
    let found = known.get(replica);
    if (!found) {
      const { personId, name } = replicaPerson(ws, replica);
      found = { who: name ?? someoneElse(replica), personId };
      known.set(replica, found);
    }
    return found;
  };
}

/** Rows grouped by a key, in their order (newest first): an item's changes, or one installation's. */
function groupBy(rows: readonly ChangeRow[], key: (row: ChangeRow) => string): Map<string, ChangeRow[]> {
  const groups = new Map<string, ChangeRow[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** The items to mark until seen, with who changed each: one small read for a whole screen. */
export function unseenItems(ws: Workspace): UnseenItem[] {
  return unseenOf(
    groupBy(unseenChanges(ws).rows, (r) => r.entity_id),
    namer(ws),
  );
}

function unseenOf(items: Map<string, ChangeRow[]>, name: ReturnType<typeof namer>): UnseenItem[] {
  return [...items].map(([id, rows]) => ({
    id,
    entity: rows[0]!.entity,
    who: [...new Set(rows.map((r) => name(r.replica_id).who))],
  }));
}

/** What arrived since this installation last looked, newest first. */
export function arrived(ws: Workspace): Arrived {
  const { rows, more } = unseenChanges(ws);
  const items = groupBy(rows, (r) => r.entity_id);
  const name = namer(ws);
  const entries: Arrival[] = [];
  const folded = new Map<string, Arrival>();
  for (const [id, changes] of [...items].slice(0, LISTED_ITEMS)) {
    const entity = changes[0]!.entity;
    const oldest = changes[changes.length - 1]!;
    const before = oldest.seq - 1;
    const isNew =
      stmt(ws.db, 'SELECT 1 FROM changes WHERE entity_id = ? AND seq <= ? LIMIT 1').get(id, before) ===
      undefined;
    const shown = isShown(ws, entity, id);
    const item = { entity, id, label: itemLabel(ws, entity, id), place: itemPlace(ws, entity, id) };
    for (const [replica, mine] of groupBy(changes, (r) => r.replica_id)) {
      const { who, personId } = name(replica);
      const deletedHere = mine.some((c) => c.field === DELETED_FIELD && c.value === 'true');
      const kind =
        !shown && deletedHere ? 'deleted' : isNew && replica === oldest.replica_id ? 'added' : 'changed';
      if (kind === 'added' && !shown) continue;
      const fields = kind === 'changed' ? fieldsOf(ws, id, mine, before) : [];
      // Additions and deletions fold into one entry per person and kind of item: "Bo added 3 polish
      // issues"; so do changes of the same fields, but for a rename or a move, which say each
      // item's values ("the initiative of 9 sprint goals", as a deleted initiative leaves them).
      const key =
        kind !== 'changed'
          ? `${kind}|${replica}|${entity}`
          : fields.some((f) => PER_ITEM_FIELDS.includes(f.field))
            ? null
            : `changed|${replica}|${entity}|${fields
                .map((f) => f.field)
                .sort()
                .join(',')}`;
      const together = key === null ? undefined : folded.get(key);
      if (together) {
        together.items.push(item);
        continue;
      }
      const entry: Arrival = {
        who,
        personId,
        replica,
        kind,
        entity,
        items: [item],
        fields,
        at: changedAt(mine[0]!.hlc),
      };
      if (key !== null) folded.set(key, entry);
      entries.push(entry);
    }
  }
  entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { entries, unseen: unseenOf(items, name), more: more || items.size > LISTED_ITEMS };
}

/** The fields whose values a change says item by item ("renamed goal X to “Y”", "✋ → 🦀"). */
const PER_ITEM_FIELDS = ['title', 'name', 'state'];

/** Each field one installation changed, its newest value; a title's and a state's value before too. */
function fieldsOf(ws: Workspace, id: string, changes: readonly ChangeRow[], before: number): ArrivedField[] {
  const newest = new Map<string, ChangeRow>();
  for (const change of changes) {
    const seen = newest.get(change.field);
    if (!seen || change.hlc > seen.hlc) newest.set(change.field, change);
  }
  return [...newest.values()]
    .filter((c) => c.field !== DELETED_FIELD || c.value === 'false')
    .map((c) => ({
      field: c.field,
      from: PER_ITEM_FIELDS.includes(c.field) ? valueAt(ws, id, c.field, before) : null,
      to: decodeValue(c.value),
    }));
}

/** A field's value as it showed at log position `seq`. */
function valueAt(ws: Workspace, id: string, field: string, seq: number): unknown {
  const row = stmt(
    ws.db,
    'SELECT value FROM changes WHERE entity_id = ? AND field = ? AND seq <= ? ORDER BY hlc DESC LIMIT 1',
  ).get(id, field, seq) as { value: string | null } | undefined;
  return row === undefined ? null : decodeValue(row.value);
}

/** Marks items (or everything) as seen: their marks go, and they leave What arrived. */
export function markSeen(ws: Workspace, { ids, all }: ParsedInput<'sync.markSeen'>): Arrived {
  if (all) markAllSeen(ws);
  else {
    const upto = String(lastSeq(ws));
    const set = stmt(
      ws.db,
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    for (const id of ids ?? []) set.run(SEEN_ITEM + id, upto);
  }
  return arrived(ws);
}

/** Everything in the log now counts as seen (also after joining: a newcomer's catch-up is no news). */
export function markAllSeen(ws: Workspace): void {
  stmt(
    ws.db,
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(SEEN_UPTO, String(lastSeq(ws)));
  stmt(ws.db, `DELETE FROM meta WHERE key LIKE '${SEEN_ITEM}%'`).run();
}
