/** What a sync did, in the one line the command line prints and Settings → Sync shows. */
import type { SyncSummary } from './contract.ts';

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** `Sent 3 changes; received 120 changes from 2 installations; 1 conflict recorded.` */
export function summaryLine(summary: SyncSummary): string {
  const from = summary.received > 0 ? ` from ${plural(summary.installations, 'installation')}` : '';
  return `Sent ${plural(summary.sent, 'change')}; received ${plural(summary.received, 'change')}${from}; ${plural(summary.conflicts, 'conflict')} recorded.`;
}
