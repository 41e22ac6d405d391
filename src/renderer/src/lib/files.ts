/**
 * Files in and out, wherever Fortnight runs: the desktop app's native save and open dialogs
 * (`files.saveAs`, `files.open`), and in browser mode — where the API answers those with
 * `unsupported` — a download and an upload input instead.
 */
import type { Output } from '../../../shared/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { call } from './api.ts';

/** What became of a file: saved where the user chose, downloaded, or the dialog was cancelled. */
export type Saved =
  { how: 'saved'; path: string } | { how: 'downloaded'; name: string } | { how: 'cancelled' };

export type OpenedFiles = NonNullable<Output<'files.open'>>;

/**
 * Whether the native dialogs can answer. Only the desktop app's bridge has them; browser mode
 * is known without asking, which keeps the click's user activation for the upload input (a
 * browser only opens a file picker in answer to a click).
 */
export const hasNativeDialogs = (): boolean => window.fortnight !== undefined;

const MIME: Record<string, string> = {
  md: 'text/markdown;charset=utf-8',
  ics: 'text/calendar;charset=utf-8',
  zip: 'application/zip',
};

const mimeOf = (name: string): string =>
  MIME[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'text/plain;charset=utf-8';

/** Hands a file to the browser's downloads. */
export function download(name: string, content: BlobPart): Saved {
  const url = URL.createObjectURL(new Blob([content], { type: mimeOf(name) }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download may start after this task.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return { how: 'downloaded', name };
}

/** Saves text through the native save dialog, or downloads it in browser mode. */
export async function saveText(suggestedName: string, content: string): Promise<Result<Saved>> {
  if (!hasNativeDialogs()) return { ok: true, value: download(suggestedName, content) };
  const saved = await call('files.saveAs', { suggestedName, content });
  if (saved.ok) {
    return {
      ok: true,
      value: saved.value.path ? { how: 'saved', path: saved.value.path } : { how: 'cancelled' },
    };
  }
  if (saved.error.code === 'unsupported') return { ok: true, value: download(suggestedName, content) };
  return saved;
}

/** What happened, in words, for a status line. */
export function describeSaved(saved: Saved): string {
  if (saved.how === 'saved') return `Saved to ${saved.path}.`;
  if (saved.how === 'downloaded') return `Downloaded ${saved.name}.`;
  return 'Nothing was saved.';
}

/**
 * Lets the user choose a folder (every file in it with one of the extensions, paths relative to
 * the folder) or one file; null when they cancel. Desktop: the native open dialog. Browser mode:
 * a file input (`webkitdirectory` for a folder), read with `File.text()`.
 */
export async function openFiles(options: {
  folder: boolean;
  extensions: string[];
}): Promise<Result<OpenedFiles | null>> {
  if (hasNativeDialogs()) {
    const opened = await call('files.open', options);
    if (opened.ok && opened.value && !options.folder) {
      // One file comes with its full path; its name is what messages about it should say.
      const files = opened.value.files.map((file) => ({ ...file, path: file.path.split(/[\\/]/).pop()! }));
      return { ok: true, value: { files } };
    }
    if (opened.ok || opened.error.code !== 'unsupported') return opened;
  }
  try {
    const chosen = await pickFiles(options);
    return { ok: true, value: chosen && { files: await readChosen(chosen, options) } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `The files could not be read: ${message}` } };
  }
}

/** Opens the browser's file picker; resolves with the chosen files, or null on cancel. */
function pickFiles({
  folder,
  extensions,
}: {
  folder: boolean;
  extensions: string[];
}): Promise<File[] | null> {
  const input = document.createElement('input');
  input.type = 'file';
  input.hidden = true;
  if (folder) {
    input.webkitdirectory = true;
    input.multiple = true;
  } else {
    input.accept = extensions.map((extension) => `.${extension}`).join(',');
  }
  document.body.append(input);
  return new Promise((resolve) => {
    const done = (files: File[] | null) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(input.files?.length ? [...input.files] : null), {
      once: true,
    });
    input.addEventListener('cancel', () => done(null), { once: true });
    input.click();
  });
}

/** A chosen file's path: relative to the chosen folder (its first segment dropped), else its name. */
function pathOf(file: File, folder: boolean): string {
  if (!folder || !file.webkitRelativePath) return file.name;
  return file.webkitRelativePath.split('/').slice(1).join('/');
}

async function readChosen(
  files: File[],
  { folder, extensions }: { folder: boolean; extensions: string[] },
): Promise<{ path: string; content: string }[]> {
  // A file the user chose by hand is read whatever its name; a folder's files by extension.
  const wanted = (name: string) =>
    !folder || extensions.length === 0 || extensions.includes(name.split('.').pop()?.toLowerCase() ?? '');
  // A folder's hidden ones (.git) never hold the roadmap, and can hold thousands of files.
  const hidden = (path: string) => path.split('/').some((segment) => segment.startsWith('.'));
  const chosen = files
    .map((file) => ({ file, path: pathOf(file, folder) }))
    .filter(({ file, path }) => wanted(file.name) && !(folder && hidden(path)))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return Promise.all(chosen.map(async ({ file, path }) => ({ path, content: await file.text() })));
}
