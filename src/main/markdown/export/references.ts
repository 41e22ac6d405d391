/** Reference links of one exported document, and their definitions. */
import { linkText, path } from '../escape.ts';
import { profileUrl } from './format.ts';

/** `label` normalised as CommonMark matches reference labels. */
const normalizeLabel = (raw: string): string =>
  raw
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();

/**
 * Reference links of one document: `[label]` with a `[label]: destination` definition at the
 * end; a label already taken for another destination, or holding a `|`, becomes an inline link.
 */
export class References {
  private readonly byLabel = new Map<string, string>();
  private readonly items: string[] = [];
  private readonly people: [string, string][] = [];

  /** A link for a goal or an initiative, defined in the order of use. */
  link(text: string, destination: string): string {
    return this.use(text, destination, this.items);
  }

  /** A person's profile link, defined in handle order. */
  person(handle: string): string {
    return this.use(handle, path(profileUrl(handle)), null);
  }

  private use(text: string, destination: string, list: string[] | null): string {
    const raw = linkText(text);
    // In a table GitHub takes the backslash off an escaped `|` before it reads links: such a
    // label would match no definition there. An inline link reads the same everywhere.
    if (raw.includes('|')) return `[${raw}](${destination})`;
    const key = normalizeLabel(raw);
    const taken = this.byLabel.get(key);
    if (taken === undefined) {
      this.byLabel.set(key, destination);
      const definition = `[${raw}]: ${destination}`;
      if (list) list.push(definition);
      else this.people.push([text.toLowerCase(), definition]);
    } else if (taken !== destination) {
      return `[${linkText(text)}](${destination})`;
    }
    return `[${raw}]`;
  }

  definitions(): string[] {
    const people = [...this.people].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
    return [...this.items, ...people];
  }
}
