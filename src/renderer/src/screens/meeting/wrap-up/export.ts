/**
 * Getting a Markdown summary out: saved like any file (a native save dialog in the desktop app, a
 * download in browser mode), or copied to the clipboard.
 */
import { describeSaved, saveText } from '../../../lib/files.ts';

/** Saves the file; says what happened in words, or throws with the reason. */
export async function exportFile(fileName: string, content: string): Promise<string> {
  const saved = await saveText(fileName, content);
  if (!saved.ok) throw new Error(saved.error.message);
  return describeSaved(saved.value);
}

export async function copyText(content: string): Promise<string> {
  await navigator.clipboard.writeText(content);
  return 'Copied the summary to the clipboard.';
}
