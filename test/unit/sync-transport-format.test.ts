/** The segment format: what is written, what a reader makes of whole, cut-short and broken files. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decode, encode, FORMAT, FORMAT_VERSION } from '../../src/main/sync/segment.ts';
import type { Change } from '../../src/main/sync/log.ts';
import { describeFault } from '../../src/main/sync/segment-files.ts';

const REPLICA = '0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee';
const WORKSPACE = '11111111-2222-4333-8444-555555555555';
const GOAL = '0190aaaa-0000-7000-8000-000000000001';
const hlc = (n: number) => `${String(1_760_000_000_000 + n).padStart(13, '0')}-00000-${REPLICA}`;
const change = (n: number, field = 'title', value: string | null = JSON.stringify(`Goal ${n}`)): Change => ({
  entity: 'goal',
  id: GOAL,
  field,
  value,
  hlc: hlc(n),
  replica: REPLICA,
  base: n > 1 ? hlc(n - 1) : null,
});
const header = { workspace: WORKSPACE, replica: REPLICA };
const text = (lines: unknown[]) => gzipSync(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
const head = (count: number) => ({ format: FORMAT, version: FORMAT_VERSION, ...header, count });
const line = (c: Change) => [c.entity, c.id, c.field, c.value, c.hlc, c.replica, c.base];

describe('a segment', () => {
  it('reads back exactly what was written, each change with its line', () => {
    const changes = [change(1), change(2, '_deleted', 'true'), change(3, 'impact', null)];
    const decoded = decode(encode(header, changes));
    expect(decoded).toEqual({
      kind: 'read',
      header: head(3),
      changes,
      lines: [2, 3, 4],
      problems: [],
    });
  });

  it('is compact: well under 100 bytes a change once compressed', () => {
    const changes = Array.from({ length: 1000 }, (_, i) => change(i + 1));
    expect(encode(header, changes).length / 1000).toBeLessThan(100);
  });

  it('cut short anywhere is not complete yet (read later), never half read', () => {
    const bytes = encode(header, [change(1), change(2), change(3)]);
    for (const length of [0, 1, 10, Math.floor(bytes.length / 2), bytes.length - 1]) {
      expect(decode(bytes.subarray(0, length)).kind, `cut at ${length}`).toBe('incomplete');
    }
  });

  it('skips lines that are not changes, naming each line, and keeps the rest', () => {
    const bytes = text([
      head(5),
      line(change(1)),
      'not a change',
      [...line(change(2)).slice(0, 4), 'yesterday', REPLICA, null],
      [...line(change(3)).slice(0, 5), 'someone-else', null],
      line(change(4)),
      { end: 5 },
    ]);
    const decoded = decode(bytes);
    expect(decoded.kind).toBe('read');
    if (decoded.kind !== 'read') return;
    expect(decoded.changes.map((c) => c.hlc)).toEqual([hlc(1), hlc(4)]);
    expect(decoded.lines).toEqual([2, 6]);
    expect(decoded.problems).toEqual([
      { line: 3, message: 'the line is not a change' },
      { line: 4, message: "the change's clock time yesterday is not valid" },
      { line: 5, message: "the change's installation is not the one its clock time names" },
    ]);
  });

  it('refuses a whole file that is not one, is of a newer format, or lacks its end line', () => {
    expect(decode(Buffer.from('hello, world'))).toEqual({
      kind: 'invalid',
      reason: 'it is not a Fortnight changes file',
    });
    expect(decode(text([{ hello: 1 }, { end: 0 }]))).toMatchObject({ kind: 'invalid' });
    expect(decode(text([{ ...head(0), version: FORMAT_VERSION + 1 }, { end: 0 }]))).toEqual({
      kind: 'invalid',
      reason: `it was written by a newer Fortnight (format version ${FORMAT_VERSION + 1}); update Fortnight to read it`,
    });
    expect(decode(text([head(1), line(change(1))]))).toMatchObject({
      kind: 'invalid',
      reason: 'its end line is missing or wrong: it was not written whole',
    });
    expect(decode(text([head(2), line(change(1)), { end: 2 }]))).toMatchObject({ kind: 'invalid' });
  });
});

describe('a fault of the file system', () => {
  it('is one clear sentence naming the place', () => {
    const fault = (code: string, doing: 'read' | 'write' = 'write') =>
      describeFault(Object.assign(new Error(code), { code }), '/shared/team', doing).message;
    expect(fault('ENOSPC')).toBe(
      'The disk holding /shared/team is full: Fortnight wrote nothing more there. Free some space and sync again.',
    );
    expect(fault('EACCES')).toMatch(/^Fortnight can't write \/shared\/team: it is read-only/);
    expect(fault('EROFS')).toMatch(/^Fortnight can't write \/shared\/team: it is read-only/);
    expect(fault('ENOENT')).toBe('There is no folder at /shared/team.');
  });
});
