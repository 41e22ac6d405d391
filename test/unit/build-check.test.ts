/**
 * `npm start` and `npm run web` skip the build when `out/` is newer than everything it is built
 * from, and build again when a source, the build's configuration or the lock file changed.
 */
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_INPUTS, BUILD_OUTPUTS, buildIsCurrent } from '../../scripts/build-check.ts';
import { tempDir } from './helpers.ts';

const SOURCE = 'src/renderer/src/screens/RoadmapScreen.svelte';

/** A project folder whose files all carry the given time (seconds). */
function project(at: number): string {
  const root = tempDir();
  for (const file of [SOURCE, 'src/main/index.ts', ...BUILD_INPUTS, ...BUILD_OUTPUTS]) touch(root, file, at);
  return root;
}

function touch(root: string, file: string, at: number): void {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '');
  utimesSync(path, at, at);
}

describe('the build check', () => {
  it('finds the build current when every output is newer than every input', () => {
    const root = project(1_000);
    for (const file of BUILD_OUTPUTS) touch(root, file, 2_000);
    expect(buildIsCurrent(root)).toBe(true);
  });

  it.each([SOURCE, ...BUILD_INPUTS])('builds again once %s changed', (input) => {
    const root = project(1_000);
    for (const file of BUILD_OUTPUTS) touch(root, file, 2_000);
    touch(root, input, 3_000);
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('builds again when one output is older than a source, or missing', () => {
    const root = project(1_000);
    for (const file of BUILD_OUTPUTS) touch(root, file, 3_000);
    touch(root, 'out/main/web.js', 500);
    expect(buildIsCurrent(root)).toBe(false);
    touch(root, 'out/main/web.js', 3_000);
    expect(buildIsCurrent(root)).toBe(true);
    rmSync(join(root, 'out/main/core-worker.js'));
    expect(buildIsCurrent(root)).toBe(false);
  });
});
