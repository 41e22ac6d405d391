/**
 * The roadmap's import at full size (its export is timed with the reads): the preview onto the
 * workspace, the import into an empty one, and the door's side — a trivial read asked again and
 * again through the worker threads while the import writes.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startCore } from '../src/main/api/core-client.ts';
import { openCore, type Core } from '../src/main/api/core.ts';
import { isMethodName } from '../src/shared/contract.ts';
import { mustCall } from './in-process.ts';
import { TARGETS, row, skipped, timeAsync, timeSync, type Budget, type Row } from './measure.ts';

const removeDb = (file: string) => {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
};

export async function measureImport(work: Core, workDir: string, budget: Budget): Promise<Row[]> {
  if (!isMethodName('roadmap.export') || !isMethodName('roadmap.import')) {
    const why = 'roadmap.export / roadmap.import not in the contract yet';
    return [skipped('Import', 'roadmap.import', why, TARGETS.roadmapImport)];
  }
  const rows: Row[] = [];
  try {
    const { files } = mustCall(work, 'roadmap.export', { variant: 'folder' }) as { files: unknown[] };
    if (isMethodName('roadmap.previewImport')) {
      const samples = timeSync(() => void mustCall(work, 'roadmap.previewImport', { files }), budget);
      const name = `roadmap.previewImport (${files.length} files, onto this workspace)`;
      rows.push(row('Import', name, samples, TARGETS.roadmapImport));
    }
    const file = join(workDir, 'import.db');
    const samples = await timeAsync(async () => {
      removeDb(file);
      const fresh = await openCore(file);
      try {
        mustCall(fresh, 'roadmap.import', { files });
      } finally {
        fresh.close();
        removeDb(file);
      }
    }, budget);
    const name = `roadmap.import (${files.length} files, into an empty workspace)`;
    const note = 'includes opening the empty workspace';
    rows.push(row('Import', name, samples, TARGETS.roadmapImport, { note }));
    rows.push(await readsDuringImport(workDir, files));
  } catch (error) {
    rows.push(
      skipped('Import', 'roadmap.import', `failed: ${(error as Error).message}`, TARGETS.roadmapImport),
    );
  }
  return rows;
}

/**
 * The door's side of an import, as the desktop app and browser mode run the core (worker
 * threads): while the import writes, a trivial read is asked for again and again, each timed
 * from the door's thread until its answer arrives.
 */
async function readsDuringImport(workDir: string, files: unknown[]): Promise<Row> {
  const file = join(workDir, 'import-door.db');
  removeDb(file);
  const client = await startCore(file);
  try {
    await client.call('workspace.info', {}); // both workers warm
    let importing = true;
    const imported = client.call('roadmap.import', { files }).finally(() => (importing = false));
    const samples: number[] = [];
    while (importing) {
      const t0 = performance.now();
      const answer = await client.call('workspace.info', {});
      if (!answer.ok) throw new Error(answer.error.message);
      samples.push(performance.now() - t0);
    }
    const result = await imported;
    if (!result.ok) throw new Error(result.error.message);
    return row(
      'Import',
      `workspace.info answered while roadmap.import runs (${files.length} files, worker threads)`,
      samples,
      TARGETS.readDuringImport,
      { note: `${samples.length} reads during the import` },
    );
  } finally {
    await client.close();
    removeDb(file);
  }
}
