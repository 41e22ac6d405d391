/**
 * Getting a Markdown summary out: a native save dialog in the desktop app, a download elsewhere
 * (browser mode answers `files.saveAs` with `unsupported`), or the clipboard.
 */
import { call } from '../../../lib/api.ts';

/** Saves the file; says what happened in words, or throws with the reason. */
export async function exportFile(fileName: string, content: string): Promise<string> {
  const saved = await call('files.saveAs', { suggestedName: fileName, content });
  if (saved.ok) return saved.value.path ? `Saved to ${saved.value.path}.` : 'Export cancelled.';
  if (saved.error.code !== 'unsupported') throw new Error(saved.error.message);
  const url = URL.createObjectURL(new Blob([content], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `Downloaded ${fileName}.`;
}

export async function copyText(content: string): Promise<string> {
  await navigator.clipboard.writeText(content);
  return 'Copied the summary to the clipboard.';
}
