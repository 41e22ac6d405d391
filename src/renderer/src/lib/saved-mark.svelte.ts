/**
 * The row of the item a page just saved, in the list it went back to: marked (`data-saved`,
 * styled in app.css) and scrolled into view once painted, while the list's notice is shown.
 */
import type { Attachment } from 'svelte/attachments';
import { afterPaint } from './after-paint.ts';
import { router } from './router.svelte.ts';

export const savedMark =
  (id: string): Attachment<HTMLElement> =>
  (row) => {
    if (router.notice?.id !== id) return;
    row.dataset.saved = '';
    const cancel = afterPaint(() => row.scrollIntoView({ block: 'nearest' }));
    return () => {
      cancel();
      delete row.dataset.saved;
    };
  };
