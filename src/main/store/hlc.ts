/**
 * A hybrid logical clock: timestamps that sort in the order edits happened on this replica,
 * never go backwards when the wall clock does, and stay unique across replicas.
 * Format: `<wall ms, 13 digits>-<counter, 5 digits>-<replica id>`, so string order is time order.
 */
import type Database from 'better-sqlite3';

const COUNTER_MAX = 99_999;

export class Clock {
  #wall: number;
  #counter: number;
  readonly replicaId: string;
  readonly #now: () => number;

  constructor(
    replicaId: string,
    last: { wall: number; counter: number } = { wall: 0, counter: 0 },
    now = Date.now,
  ) {
    this.replicaId = replicaId;
    this.#wall = last.wall;
    this.#counter = last.counter;
    this.#now = now;
  }

  /** Continues after the newest timestamp already in the change log. */
  static resume(db: Database.Database, replicaId: string, now = Date.now): Clock {
    const row = db.prepare('SELECT max(hlc) AS hlc FROM changes').get() as { hlc: string | null };
    return new Clock(replicaId, row.hlc ? parseHlc(row.hlc) : undefined, now);
  }

  tick(): string {
    const wall = this.#now();
    if (wall > this.#wall) {
      this.#wall = wall;
      this.#counter = 0;
    } else if (this.#counter < COUNTER_MAX) {
      this.#counter += 1;
    } else {
      this.#wall += 1;
      this.#counter = 0;
    }
    return formatHlc(this.#wall, this.#counter, this.replicaId);
  }

  /** Moves past a timestamp made elsewhere, so every later tick here sorts after it. */
  observe(hlc: string): void {
    const { wall, counter } = parseHlc(hlc);
    if (wall > this.#wall || (wall === this.#wall && counter > this.#counter)) {
      this.#wall = wall;
      this.#counter = counter;
    }
  }
}

export function formatHlc(wall: number, counter: number, replicaId: string): string {
  return `${String(wall).padStart(13, '0')}-${String(counter).padStart(5, '0')}-${replicaId}`;
}

export function parseHlc(hlc: string): { wall: number; counter: number; replicaId: string } {
  const match = /^(\d{13})-(\d{5})-(.+)$/.exec(hlc);
  if (!match) throw new Error(`Not a clock timestamp: ${hlc}`);
  return { wall: Number(match[1]), counter: Number(match[2]), replicaId: match[3]! };
}
