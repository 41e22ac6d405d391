/** Dates shown in the user's locale, with date-fns. */
import { format, parseISO } from 'date-fns';
import type { Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';

// One lazy chunk per locale, keyed by file name (`de`, `en-GB`, `pt-BR`…).
const LOCALES = Object.fromEntries(
  Object.entries(
    import.meta.glob<Locale>(
      [
        '../../../../node_modules/date-fns/locale/*.js',
        // Not locales: the all-in-one browser bundles, the index and the types.
        '!../../../../node_modules/date-fns/locale/cdn*.js',
        '!../../../../node_modules/date-fns/locale/index.js',
        '!../../../../node_modules/date-fns/locale/types.js',
      ],
      { import: 'default' },
    ),
  ).map(([path, load]) => [path.replace(/^.*\/|\.js$/g, ''), load]),
);

/** The locale files to try for a BCP 47 tag, most specific first: `de-AT` → `de-AT`, `de`. */
function candidates(tag: string): string[] {
  const [language = '', region] = tag.split('-');
  // date-fns has no plain `en`: English falls back to en-US, not to the next language.
  const base = language === 'en' ? 'en-US' : language;
  return region ? [`${language}-${region.toUpperCase()}`, base] : [base];
}

class DateLocale {
  locale = $state.raw<Locale>(enUS);

  /** Loads the date-fns locale closest to the browser's languages. */
  async load(languages: readonly string[] = navigator.languages): Promise<void> {
    const name = languages.flatMap(candidates).find((n) => n in LOCALES);
    if (!name || name === 'en-US') return;
    try {
      this.locale = await LOCALES[name]!();
    } catch {
      // Keep English dates rather than none.
    }
  }
}

export const dates = new DateLocale();

/** A calendar date (`yyyy-MM-dd`) such as "Mar 3, 2025" in the user's locale. */
export function formatDate(isoDate: string): string {
  return format(parseISO(isoDate), 'PP', { locale: dates.locale });
}

/** A date range such as "Mar 3, 2025 – Mar 16, 2025". */
export function formatRange(start: string, end: string): string {
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** An instant (ISO 8601) as a date and time, such as "Mar 3, 2025, 9:30 AM", in the user's zone. */
export function formatDateTime(instant: string): string {
  return format(parseISO(instant), 'PPp', { locale: dates.locale });
}
