/**
 * Segments on disk: `<folder>/<workspace id>/<replica id>/<number>.changes.gz`. Each installation
 * writes only under its own replica id; a segment is written to a hidden temporary name, flushed,
 * then given its name, and never modified afterwards, so a syncing tool (Dropbox, Syncthing, a
 * network share, git) never sees two writers of one file, nor a readable half file.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { isAbsolute, join, parse, relative, resolve } from 'node:path';
import { flush } from '../db/backups.ts';
import { DomainError } from '../services/errors.ts';

/** A workspace or replica id as a folder name (ids are UUIDs). */
const ID_NAME = /^[0-9A-Za-z_-]{1,80}$/;
const SEGMENT_NAME = /^(\d{1,12})\.changes\.gz$/;

export const segmentName = (number: number) => `${String(number).padStart(8, '0')}.changes.gz`;

export interface SegmentFile {
  writer: string;
  number: number;
  path: string;
}

const codeOf = (error: unknown) => (error as { code?: string } | null)?.code ?? '';

/** One clear sentence for a failed read or write of `path` (the folder or file it was about). */
export function describeFault(error: unknown, path: string, doing: 'read' | 'write'): DomainError {
  const code = codeOf(error);
  const message =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? `The disk holding ${path} is full: Fortnight wrote nothing more there. Free some space and sync again.`
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? `Fortnight can't ${doing} ${path}: it is read-only or belongs to someone else. Make it ${doing === 'write' ? 'writable' : 'readable'}, or choose another place.`
        : code === 'ENOENT'
          ? `There is no ${doing === 'write' ? 'folder' : 'file or folder'} at ${path}.`
          : `Fortnight could not ${doing} ${path}: ${error instanceof Error ? error.message : String(error)}`;
  return new DomainError('unavailable', message);
}

/** Runs `io`, turning a file-system failure into one clear sentence about `path`. */
export function fileSystem<T>(path: string, doing: 'read' | 'write', io: () => T): T {
  try {
    return io();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw describeFault(error, path, doing);
  }
}

/** A folder to sync through must exist (it is the user's synced folder) and not be a disk's root. */
export function requireSyncFolder(folder: string, workspaceFile?: string): void {
  const stat = fileSystem(folder, 'read', () => (existsSync(folder) ? statSync(folder) : null));
  if (!stat) {
    throw new DomainError(
      'unavailable',
      `There is no folder at ${folder}: create it (or choose your synced folder) first.`,
      'folder',
    );
  }
  if (!stat.isDirectory())
    throw new DomainError('unavailable', `${folder} is a file, not a folder.`, 'folder');
  if (parse(folder).root === folder) {
    throw new DomainError(
      'unavailable',
      `${folder} is the root of a disk: choose a folder inside it.`,
      'folder',
    );
  }
  // A workspace in memory (tests, a scratch copy) has no file to keep apart.
  const onDisk = workspaceFile !== undefined && workspaceFile !== ':memory:';
  const within = onDisk ? relative(resolve(folder), resolve(workspaceFile)) : '';
  if (within && !within.startsWith('..') && !isAbsolute(within)) {
    throw new DomainError(
      'rule_violation',
      `${folder} holds this workspace's own file (${workspaceFile}): the live database never sits in the synced folder. Choose a folder apart from it.`,
      'folder',
    );
  }
}

/** Whether a workspace's folder holds a finished segment or snapshot of any writer. */
function holdsChanges(workspaceFolder: string): boolean {
  return readdirSync(workspaceFolder, { withFileTypes: true }).some(
    (writer) =>
      writer.isDirectory() &&
      ID_NAME.test(writer.name) &&
      readdirSync(join(workspaceFolder, writer.name)).some(
        (name) => SEGMENT_NAME.test(name) || SNAPSHOT_NAME.test(name),
      ),
  );
}

/**
 * The ids of the workspaces that have a folder under `folder`: one holding a finished segment or
 * snapshot (the synced folder may hold other folders too, and a workspace's files may still be
 * on their way).
 */
export function workspacesIn(folder: string): string[] {
  return fileSystem(folder, 'read', () =>
    readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && ID_NAME.test(entry.name))
      .map((entry) => entry.name)
      .filter((id) => holdsChanges(join(folder, id)))
      .sort(),
  );
}

/** Every finished segment of the workspace folder, by writer then number (temporary files never match). */
export function listSegments(workspaceFolder: string): SegmentFile[] {
  return filesOf(workspaceFolder, SEGMENT_NAME).sort((a, b) =>
    a.writer === b.writer ? a.number - b.number : a.writer < b.writer ? -1 : 1,
  );
}

/** The files of every writer of the workspace folder whose name matches `pattern`, with its number. */
function filesOf(workspaceFolder: string, pattern: RegExp): SegmentFile[] {
  if (!existsSync(workspaceFolder)) return [];
  return fileSystem(workspaceFolder, 'read', () => {
    const found: SegmentFile[] = [];
    for (const writer of readdirSync(workspaceFolder, { withFileTypes: true })) {
      if (!writer.isDirectory() || !ID_NAME.test(writer.name)) continue;
      const folder = join(workspaceFolder, writer.name);
      for (const name of readdirSync(folder)) {
        const match = pattern.exec(name);
        if (match) found.push({ writer: writer.name, number: Number(match[1]), path: join(folder, name) });
      }
    }
    return found;
  });
}

const SNAPSHOT_NAME = /^snapshot-(\d{8,12})\.changes\.gz$/;

/** A snapshot's name says how many segments of the folder it stands for, so the newest sorts first. */
export const snapshotName = (segments: number) => `snapshot-${String(segments).padStart(8, '0')}.changes.gz`;

export interface SnapshotFile {
  writer: string;
  /** How many segments of the folder it stands for. */
  segments: number;
  path: string;
}

/** Every finished snapshot of the workspace folder, the newest (standing for most segments) first. */
export function listSnapshots(workspaceFolder: string): SnapshotFile[] {
  return filesOf(workspaceFolder, SNAPSHOT_NAME)
    .map(({ writer, number, path }) => ({ writer, segments: number, path }))
    .sort((a, b) => (a.segments === b.segments ? (a.writer < b.writer ? -1 : 1) : b.segments - a.segments));
}

/** The number after the last segment the writer has in `folder` (1 for the first). */
export function nextSegmentNumber(folder: string): number {
  if (!existsSync(folder)) return 1;
  let last = 0;
  for (const name of readdirSync(folder)) {
    const match = SEGMENT_NAME.exec(name);
    if (match) last = Math.max(last, Number(match[1]));
  }
  return last + 1;
}

/** Links that some file systems (FAT on a USB stick, some network shares) can't make. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Writes `bytes` as a new file `target`: to a hidden temporary name first, flushed, then given
 * its name only if nothing has it yet. False when `target` already exists (nothing is changed).
 */
export function writeNewFile(target: string, bytes: Uint8Array): boolean {
  const { dir, base } = parse(target);
  return fileSystem(dir, 'write', () => {
    mkdirSync(dir, { recursive: true });
    const partial = join(dir, `.${base}.partial`);
    try {
      const fd = openSync(partial, 'w');
      try {
        let written = 0;
        while (written < bytes.length) written += writeSync(fd, bytes, written);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      try {
        linkSync(partial, target); // fails, rather than replaces, when the name is taken
      } catch (error) {
        if (codeOf(error) === 'EEXIST') return false;
        if (!NO_LINKS.has(codeOf(error))) throw error;
        if (existsSync(target)) return false;
        renameSync(partial, target);
      }
    } finally {
      rmSync(partial, { force: true });
    }
    flush(dir);
    return true;
  });
}
