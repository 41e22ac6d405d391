/**
 * What the desktop app does with a link the page asks to open (`window.open`, or an anchor with
 * a target): no Electron import, so a unit test can check every case.
 */
import { APP_LINK_TARGET } from '../../shared/links.ts';

export type LinkOpening = 'open' | 'ask' | 'refuse';

/** Web and mail addresses leave the app; anything else (file:, javascript:, app:…) never does. */
const EXTERNAL = /^(?:https?:\/\/|mailto:)/i;

export function howToOpen(url: string, target: string): LinkOpening {
  if (!EXTERNAL.test(url)) return 'refuse';
  return target === APP_LINK_TARGET ? 'open' : 'ask';
}

/** The question asked before opening a link from content: the whole address, nothing cut. */
export function linkQuestion(url: string) {
  return {
    type: 'question' as const,
    title: 'Open link',
    message: 'Open this link in your browser?',
    detail: url,
    buttons: ['Open link', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

/** Whether the answer to `linkQuestion` was to open the link. */
export const answeredOpen = (response: number): boolean => response === 0;
