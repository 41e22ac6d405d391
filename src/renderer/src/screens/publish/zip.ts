/**
 * A .zip of text files, for downloading the roadmap folder in one go (fflate writes it): names
 * in UTF-8, folders implied by the paths, each entry stamped with the time it was made. Any
 * unzip tool reads it.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

/** The files (paths with `/`) as the bytes of a .zip. */
export function zipFiles(
  files: readonly { path: string; content: string }[],
  modified = new Date(),
): Uint8Array<ArrayBuffer> {
  const entries: Zippable = {};
  for (const file of files) entries[file.path] = [strToU8(file.content), { mtime: modified }];
  return zipSync(entries, { level: 6 }) as Uint8Array<ArrayBuffer>;
}
