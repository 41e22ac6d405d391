/**
 * Whether `out/` is the build of the sources as they are now, so `npm start` and `npm run web`
 * can skip `electron-vite build` (seconds) when nothing changed. The build is current when every
 * file it makes is newer than everything it reads: the sources, the build's configuration and
 * the installed dependencies' lock file (the main process bundles its dependencies).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What `electron-vite build` makes that `npm start` and `npm run web` run. */
export const BUILD_OUTPUTS = [
  'out/renderer/index.html',
  'out/main/index.js',
  'out/main/core-worker.js',
  'out/main/snapshot-reading-thread.js',
  'out/main/web.js',
  'out/preload/index.cjs',
];

/** What the build reads besides `src/`. */
export const BUILD_INPUTS = ['electron.vite.config.ts', 'svelte.config.js', 'package-lock.json'];

/** The last change to anything the build reads. */
function newestInput(root: string): number {
  const files = BUILD_INPUTS.map((name) => join(root, name));
  for (const entry of readdirSync(join(root, 'src'), { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
  }
  return Math.max(...files.filter((file) => existsSync(file)).map((file) => statSync(file).mtimeMs));
}

/** True when every output is there and newer than every input. */
export function buildIsCurrent(root: string): boolean {
  const outputs = BUILD_OUTPUTS.map((name) => join(root, name));
  if (!outputs.every((file) => existsSync(file))) return false;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return newestInput(root) <= oldestOutput;
}
