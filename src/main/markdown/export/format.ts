/**
 * The roadmap format's fixed parts: file and folder names, markers, section titles, the legend,
 * and the small pieces (table rows, cells, the state and metadata lines) every page is made of.
 */
import { STATE_EMOJI } from '../../../shared/domain.ts';
import { inline, isWebUrl, link, oneLine } from '../escape.ts';
import { PLACEHOLDER } from '../roadmap-read.ts';

export type RoadmapVariant = 'folder' | 'single';

export const ROOT_FILE = 'roadmap.md';
export const PAGES_DIR = 'roadmap';
export const GOAL_MARKER = '🔻';
export const INITIATIVE_MARKER = '↳';
export const HELP_MARKER = '🛠️';
export const OVERVIEW_HEADER = ['Deliverable', 'State', 'Progress', '[Owner]'];
export const SECTION = {
  impact: 'Impact',
  howToHelp: `${HELP_MARKER} How to Help`,
  initiatives: 'Initiatives',
  features: 'Features',
  milestones: 'Milestones',
} as const;
export const LEGEND: Record<keyof typeof STATE_EMOJI, string> = {
  done: 'done',
  'in progress': 'in progress',
  'help wanted': 'help wanted: seeking an owner',
  paused: 'paused',
};

/** An initiative's link shown as itself: an autolink `<…>` when it can be one, else a link. */
export function linkLine(href: string): string {
  return isWebUrl(href) && !/[<>]/.test(href) ? `<${href}>` : link(href, href);
}

/** A GitHub profile. */
export const profileUrl = (handle: string): string => `https://github.com/${handle}`;

/**
 * A title in a table cell. A title that reads like a placeholder (“tbd”, “…”) gets its first
 * character as a character reference, so the importer — which skips hand-written placeholder
 * rows — reads it back as an item.
 */
export function titleCell(title: string): string {
  const text = inline(title);
  if (!PLACEHOLDER.test(oneLine(title)) || /[\\&]/.test(text)) return text;
  const first = String.fromCodePoint(text.codePointAt(0)!);
  return `&#${first.codePointAt(0)};${text.slice(first.length)}`;
}

/** A table row; empty cells stay valid (`| |`). */
function row(cells: readonly string[]): string {
  return `|${cells.map((c) => (c ? ` ${c} ` : ' ')).join('|')}|`;
}

export function table(header: readonly string[], rows: readonly string[][]): string {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}

export function legend(): string {
  return table(
    ['State', 'Meaning'],
    Object.entries(STATE_EMOJI).map(([state, emoji]) => [emoji, LEGEND[state as keyof typeof LEGEND]]),
  );
}

/** Blocks separated by one blank line, empty ones left out; one newline at the end. */
export const file = (blocks: readonly string[]): string => `${blocks.filter((b) => b !== '').join('\n\n')}\n`;

export const lines = (...parts: string[]): string => parts.join('\n');

export function meta(entries: [string, string][]): string {
  return lines(
    ...entries.filter(([, value]) => value !== '').map(([key, value]) => `- **${key}:** ${value}`),
  );
}

export const stateText = (state: keyof typeof STATE_EMOJI): string => `${STATE_EMOJI[state]} ${state}`;
