/**
 * The command line's sync: `sync --folder DIR`, `sync --git REMOTE`, `export changes --out FILE`
 * and `import changes FILE`, each through the contract's `sync.*` methods, each printing one
 * summary line (then any problems, by file and line).
 */
import { existsSync } from 'node:fs';
import type { Core } from '../main/api/core.ts';
import type { SyncSummary } from '../shared/contract.ts';
import { CHANGES_FILE_EXTENSION } from '../shared/sync-places.ts';
import { summaryLine } from '../shared/sync-summary.ts';

type ExitCode = 0 | 1;

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** The lines after the summary: joining, changes of a newer version, files still arriving, problems. */
export function detailLines(summary: SyncSummary): string[] {
  const lines: string[] = [];
  if (summary.joined) lines.push(`This workspace joined workspace ${summary.workspaceId}.`);
  if (summary.newerVersion > 0) {
    lines.push(
      `${plural(summary.newerVersion, 'change')} came from a newer Fortnight: kept, and applied once this installation is updated.`,
    );
  }
  if (summary.waiting.length > 0) {
    lines.push(
      `${plural(summary.waiting.length, 'segment')} not complete yet (still being copied), read on a later sync:`,
    );
    for (const file of summary.waiting.slice(0, 20)) lines.push(`  ${file}`);
  }
  if (summary.problemCount > 0) lines.push(`Skipped, by file and line (${summary.problemCount}):`);
  for (const { file, line, message } of summary.problems)
    lines.push(`  ${file}${line === null ? '' : `:${line}`}: ${message}`);
  if (summary.problemCount > summary.problems.length) {
    lines.push(`  … and ${summary.problemCount - summary.problems.length} more.`);
  }
  return lines;
}

function printSummary(summary: SyncSummary): void {
  console.log(summaryLine(summary));
  for (const line of detailLines(summary)) console.log(line);
}

function failed(message: string): 1 {
  console.error(`fortnight: ${message}`);
  return 1;
}

/** `sync --folder DIR` or `sync --git REMOTE` (a remote that is a local path is given absolute). */
export function syncCommand(core: Core, where: { folder?: string; git?: string }): ExitCode {
  const result =
    where.folder !== undefined
      ? core.call('sync.folder', { folder: where.folder })
      : core.call('sync.git', { remote: where.git ?? '' });
  if (!result.ok) return failed(result.error.message);
  printSummary(result.value);
  return 0;
}

/** `export changes --out FILE [--since TIME]`. */
export function exportChangesCommand(core: Core, file: string, since: string | undefined): ExitCode {
  const result = core.call('sync.exportChanges', { file, ...(since === undefined ? {} : { since }) });
  if (!result.ok) return failed(result.error.message);
  const { sent, bytes } = result.value;
  console.log(
    `Sent ${plural(sent, 'change')} to ${file} (${Math.ceil(bytes / 1024).toLocaleString('en')} KB).`,
  );
  return 0;
}

/** `import changes FILE`. */
export function importChangesCommand(core: Core, file: string): ExitCode {
  if (!existsSync(file)) return failed(`there is no file at ${file}.`);
  const result = core.call('sync.importChanges', { file });
  if (!result.ok) return failed(result.error.message);
  printSummary(result.value);
  return 0;
}

/** What `--out` of `export changes` must end in, said before the database opens. */
export function changesFileProblem(file: string | undefined): string | null {
  if (file === undefined)
    return `export changes needs --out FILE (a file ending in ${CHANGES_FILE_EXTENSION})`;
  return file.endsWith(CHANGES_FILE_EXTENSION) ? null : `--out must end in ${CHANGES_FILE_EXTENSION}`;
}
