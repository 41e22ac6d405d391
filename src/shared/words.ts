/** How the domain's fixed values read, wherever they show: the app, the exported Markdown. */
import { OUTCOMES, type Outcome, type RetroColumn } from './domain.ts';

/** An outcome's name on a button or in a heading. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  done: 'Done',
  partial: 'Partial',
  missed: 'Missed',
  dropped: 'Dropped',
};

/** An outcome's emoji where it stands as text (the summary's tables, a person's sprint goals). */
export const OUTCOME_EMOJI: Record<Outcome, string> = {
  done: '✅',
  partial: '🌓',
  missed: '❌',
  dropped: '🗑️',
};

/** The key that marks each outcome at the retrospective. */
export const OUTCOME_KEYS: Record<Outcome, string> = { done: 'd', partial: 'p', missed: 'm', dropped: 'x' };

/** "Press D for done, P for partial, M for missed, X for dropped" — for hints and help. */
export const outcomeKeysSentence = (): string =>
  OUTCOMES.map((o) => `${OUTCOME_KEYS[o].toUpperCase()} for ${o}`).join(', ');

export const RETRO_COLUMN_LABELS: Record<RetroColumn, string> = {
  'went well': 'Went well',
  'to improve': 'To improve',
  ideas: 'Ideas',
  kudos: 'Kudos',
};

/** The progress bar's number of cells. */
export const PROGRESS_CELLS = 6;

/** Progress 0–100 as six cells, round(progress × 6 / 100) filled, e.g. 33 → `▰▰▱▱▱▱`. */
export function progressBar(progress: number): string {
  const filled = Math.min(PROGRESS_CELLS, Math.max(0, Math.round((progress * PROGRESS_CELLS) / 100)));
  return '▰'.repeat(filled) + '▱'.repeat(PROGRESS_CELLS - filled);
}
