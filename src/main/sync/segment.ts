/**
 * The one on-disk format of sync: a gzip-compressed text of one JSON line per change, between
 * a header (which workspace, which installation wrote it, the format's version, how many
 * changes) and an end line. The folder and git transports write it as segments; the file
 * transport writes one whole file of it.
 *
 * Reading is forgiving: a file that can't be decompressed (still arriving through a syncing
 * tool, or cut short) is "not complete yet" and read on a later sync; a line that isn't a change
 * is skipped and reported with its line number, and the other lines still count.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Change } from './log.ts';

export const FORMAT = 'fortnight-changes';
export const FORMAT_VERSION = 1;

/** Bounds: what one segment holds when written, and what a reader accepts. */
export const SEGMENT_LIMITS = {
  /** Changes a replica writes into one segment: one transaction when applied. */
  changesPerSegment: 5_000,
  /** A segment (or changes file) bigger than this, compressed, is refused unread. */
  fileBytes: 256 * 1024 * 1024,
  /** Its text, decompressed. */
  textBytes: 512 * 1024 * 1024,
  /** One line: the longest field value (a text of 20,000 characters) as JSON, with room. */
  lineChars: 200_000,
} as const;

export interface Header {
  format: typeof FORMAT;
  version: number;
  workspace: string;
  /** The installation that wrote it. */
  replica: string;
  count: number;
  /** Only in a snapshot (`snapshot.ts`): what it stands for. */
  snapshot?: SnapshotCover;
}

/**
 * What a snapshot stands for: the newest clock time per installation the folder held when it was
 * written, and per writer the segments (1 to n) whose changes it holds.
 */
export interface SnapshotCover {
  seen: Record<string, string>;
  segments: Record<string, number>;
}

export interface Problem {
  /** The line of the decompressed text (1 is the header). */
  line: number;
  message: string;
}

export type Decoded =
  /** Read: the changes (`lines[i]` is the line of `changes[i]`) and the lines skipped. */
  | { kind: 'read'; header: Header; changes: Change[]; lines: number[]; problems: Problem[] }
  /** Not whole yet (a syncing tool is still writing it, or it was cut short): read it later. */
  | { kind: 'incomplete'; reason: string }
  /** Never readable as a whole (not this format, a newer version, or damaged): skipped. */
  | { kind: 'invalid'; reason: string };

const HLC = /^\d{13}-\d{5}-([0-9A-Za-z_-]{1,40})$/;
const ID = /^[0-9A-Za-z_-]{1,80}$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

/** The text of a segment: the header, a line per change, the end line. */
export function encode(
  header: Omit<Header, 'format' | 'version' | 'count'>,
  changes: readonly Change[],
): Buffer {
  const head: Header = { format: FORMAT, version: FORMAT_VERSION, ...header, count: changes.length };
  const lines = [JSON.stringify(head)];
  for (const c of changes) {
    lines.push(JSON.stringify([c.entity, c.id, c.field, c.value, c.hlc, c.replica, c.base]));
  }
  lines.push(JSON.stringify({ end: changes.length }), '');
  return gzipSync(lines.join('\n'));
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** Reads a segment's (or a changes file's) bytes. */
export function decode(bytes: Buffer): Decoded {
  const text = decodeText(bytes);
  if (text.kind !== 'text') return text;
  return { kind: 'read', header: text.header, ...parseLines(text.lines, 1, text.lines.length - 1) };
}

/** A whole file's text, its header and end line checked, its change lines not read yet. */
export type DecodedText =
  { kind: 'text'; header: Header; lines: string[] } | Exclude<Decoded, { kind: 'read' }>;

/**
 * Decompresses the bytes and checks the header and the end line, which say the file is whole;
 * the change lines are `lines[1]` to `lines[lines.length - 2]` (`parseLines` reads them).
 */
export function decodeText(bytes: Buffer): DecodedText {
  if (bytes.length > SEGMENT_LIMITS.fileBytes) {
    return { kind: 'invalid', reason: `it is larger than ${SEGMENT_LIMITS.fileBytes / 1024 / 1024} MB` };
  }
  if (bytes.length < 2) return { kind: 'incomplete', reason: 'it is empty or cut short' };
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) {
    return { kind: 'invalid', reason: 'it is not a Fortnight changes file' };
  }
  let text: string;
  try {
    text = gunzipSync(bytes, { maxOutputLength: SEGMENT_LIMITS.textBytes }).toString('utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      return {
        kind: 'invalid',
        reason: `it holds more than ${SEGMENT_LIMITS.textBytes / 1024 / 1024} MB of text`,
      };
    }
    // Cut short (Z_BUF_ERROR, "unexpected end of file") or not yet whole: the checksum fails.
    return { kind: 'incomplete', reason: 'it is not complete (still being copied, or cut short)' };
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = parseHeader(lines[0] ?? '');
  if (typeof header === 'string') return { kind: 'invalid', reason: header };
  const last = lines.length > 1 ? parseJson(lines.at(-1)!) : undefined;
  const ended = isEndLine(last) && last.end === lines.length - 2;
  if (!ended)
    return { kind: 'invalid', reason: 'its end line is missing or wrong: it was not written whole' };
  return { kind: 'text', header, lines };
}

/** The changes of `lines[from]` up to `lines[to]` (not included), and the lines that are not changes. */
export function parseLines(
  lines: readonly string[],
  from: number,
  to: number,
): { changes: Change[]; lines: number[]; problems: Problem[] } {
  const changes: Change[] = [];
  const lineOf: number[] = [];
  const problems: Problem[] = [];
  for (let i = from; i < to; i++) {
    const parsed = parseChange(lines[i]!);
    if (typeof parsed === 'string') problems.push({ line: i + 1, message: parsed });
    else {
      changes.push(parsed);
      lineOf.push(i + 1);
    }
  }
  return { changes, lines: lineOf, problems };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

const isEndLine = (value: unknown): value is { end: number } =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { end?: unknown }).end === 'number';

function parseHeader(line: string): Header | string {
  const value = parseJson(line) as Partial<Header> | undefined;
  if (typeof value !== 'object' || value === null || value.format !== FORMAT) {
    return 'it is not a Fortnight changes file (its first line is not the header)';
  }
  if (typeof value.version !== 'number' || value.version > FORMAT_VERSION) {
    return `it was written by a newer Fortnight (format version ${String(value.version)}); update Fortnight to read it`;
  }
  if (typeof value.workspace !== 'string' || !ID.test(value.workspace))
    return 'its header names no workspace';
  if (typeof value.replica !== 'string' || !ID.test(value.replica)) return 'its header names no installation';
  if (typeof value.count !== 'number') return 'its header gives no count';
  if (value.snapshot !== undefined && !isSnapshotCover(value.snapshot)) {
    return "its header's snapshot is not a list of clock times and segment numbers";
  }
  return value as Header;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isSnapshotCover(value: unknown): value is SnapshotCover {
  if (!isRecord(value) || !isRecord(value.seen) || !isRecord(value.segments)) return false;
  const seen = Object.entries(value.seen);
  const segments = Object.entries(value.segments);
  return (
    seen.every(([replica, hlc]) => typeof hlc === 'string' && HLC.exec(hlc)?.[1] === replica) &&
    segments.every(([writer, n]) => ID.test(writer) && Number.isSafeInteger(n) && (n as number) >= 0)
  );
}

/**
 * One change line: `[entity, id, field, value, hlc, replica, base]` (base: the clock time of the
 * value it replaced, or null); its shape only (receive checks the rest).
 */
function parseChange(line: string): Change | string {
  if (line.length > SEGMENT_LIMITS.lineChars)
    return `the line is longer than ${SEGMENT_LIMITS.lineChars} characters`;
  const value = parseJson(line);
  if (!Array.isArray(value) || value.length !== 7) return 'the line is not a change';
  const [entity, id, field, text, hlc, replica, base] = value as unknown[];
  if (typeof entity !== 'string' || !NAME.test(entity)) return 'the change names no entity';
  if (typeof id !== 'string' || !ID.test(id)) return 'the change has no valid id';
  if (typeof field !== 'string' || !NAME.test(field)) return 'the change names no field';
  if (text !== null && typeof text !== 'string') return 'the change has no valid value';
  if (typeof hlc !== 'string') return 'the change has no clock time';
  const match = HLC.exec(hlc);
  if (!match) return `the change's clock time ${hlc.slice(0, 60)} is not valid`;
  if (typeof replica !== 'string' || match[1] !== replica) {
    return "the change's installation is not the one its clock time names";
  }
  if (base !== null && (typeof base !== 'string' || !HLC.test(base)))
    return "the change's base is not a clock time";
  return { entity, id, field, value: text, hlc, replica, base };
}

/** A file's bytes; null when it can't be read now (gone meanwhile, or not readable yet). */
export function readIfThere(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}
