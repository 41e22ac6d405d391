/**
 * Reading a roadmap folder (or one file) from disk — the one walker behind the desktop app's
 * folder open and `fortnight import roadmap`. Only regular files and folders are read: symbolic
 * links are skipped (they could lead out of the chosen folder), and a named pipe, socket or
 * device is never opened for reading (reading a pipe waits forever). Hidden folders (`.git`)
 * and `node_modules` are skipped. A file larger than a page may be is refused from its `stat`,
 * before it is read. No Electron here: the CLI uses it too.
 */
import { constants } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { tooLarge } from './page-limits.ts';

/** Folders a roadmap never sits in, and that can be huge (a git checkout's own). */
const SKIPPED_FOLDER = /^(\..*|node_modules)$/;

export interface ReadFile {
  /** Relative to the chosen folder with `/`, or the file's name when one file was chosen. */
  path: string;
  content: string;
}

/** Opens without following a final symlink and without blocking on a pipe; reads only a regular file. */
async function readRegularFile(file: string): Promise<string> {
  const handle = await open(
    file,
    constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0),
  );
  try {
    const what = await handle.stat();
    if (!what.isFile()) throw new Error(`${file} is not a regular file: it was not read`);
    const large = tooLarge(what.size);
    if (large) throw new Error(`${file} ${large}`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * The files with one of `extensions` under `target` (a folder; paths relative to it, sorted),
 * or `target` itself when it is a regular file. Throws, naming the path, for anything else.
 */
export async function readRoadmapFolder(target: string, extensions: readonly string[]): Promise<ReadFile[]> {
  const what = await stat(target);
  if (what.isFile()) return [{ path: basename(target), content: await readRegularFile(target) }];
  if (!what.isDirectory())
    throw new Error(`${target} is neither a regular file nor a folder: it was not read`);
  const wanted = new Set(extensions.map((e) => e.toLowerCase()));
  const found: string[] = [];
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      // Dirent types don't follow symlinks: a link is neither a file nor a directory here.
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDER.test(entry.name)) await walk(path);
      else if (entry.isFile() && wanted.has(entry.name.split('.').pop()!.toLowerCase())) found.push(path);
    }
  };
  await walk(target);
  found.sort();
  const files: ReadFile[] = [];
  for (const path of found)
    files.push({ path: relative(target, path).split(sep).join('/'), content: await readRegularFile(path) });
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
