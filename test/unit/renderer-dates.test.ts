import { describe, expect, it } from 'vitest';
import {
  formatAgo,
  formatDate,
  formatDay,
  formatInstant,
  formatMoment,
  formatRange,
  formatRangeHalves,
} from '../../src/renderer/src/lib/dates.ts';

describe('dates in the user’s locale', () => {
  it('writes a calendar date the way the locale does', () => {
    expect(formatDate('2025-03-03', 'en-US')).toBe('Mar 3, 2025');
    expect(formatDate('2025-03-03', 'de-DE')).toBe('3. März 2025');
    expect(formatDate('2025-03-03', 'fr-FR')).toBe('3 mars 2025');
  });

  it('writes a range of dates as short as the locale writes it', () => {
    // Intl separates the dash with thin spaces.
    const spaced = (text: string) => text.replaceAll('\u2009', ' ');
    expect(spaced(formatRange('2025-03-03', '2025-03-16', 'en-GB'))).toBe('3 – 16 Mar 2025');
    expect(spaced(formatRange('2025-03-03', '2025-03-16', 'en-US'))).toBe('Mar 3 – 16, 2025');
    expect(spaced(formatRange('2026-11-18', '2026-12-01', 'en-US'))).toBe('Nov 18 – Dec 1, 2026');
    expect(spaced(formatRange('2026-12-28', '2027-01-10', 'de-DE'))).toBe('28. Dez. 2026 – 10. Jan. 2027');
    expect(formatRangeHalves('2026-10-21', '2026-11-03', 'en-US').map(spaced)).toEqual([
      'Oct 21 – ',
      'Nov 3, 2026',
    ]);
    expect(formatRangeHalves('2025-03-03', '2025-03-16', 'de-DE')).toEqual(['3.–', '16. März 2025']);
    expect(formatRangeHalves('2025-03-03', '2025-03-03', 'en-US')).toEqual(['Mar 3, 2025', '']);
  });

  it('keeps a calendar date on its day in every time zone', () => {
    // The date is the same day whatever the zone the machine is in: it is read as UTC.
    expect(formatDate('2025-12-31', 'en-US')).toBe('Dec 31, 2025');
    expect(formatDate('2025-01-01', 'en-US')).toBe('Jan 1, 2025');
  });

  it('writes an instant with its time, or as a day', () => {
    expect(formatInstant('2025-03-03T10:05:00Z', 'en-US')).toMatch(/^Mar 3, 2025, \d{1,2}:05\s?[AP]M \S+$/);
    expect(formatDay('2025-03-03T12:00:00Z', 'de-DE')).toMatch(/^\d\. März$/);
    // To the second, for things made moments apart (two backups in one minute).
    expect(formatMoment('2025-03-03T10:05:07Z', 'en-US')).toMatch(/^Mar 3, 2025, \d{1,2}:05:07\s?[AP]M \S+$/);
    expect(formatMoment('2025-03-03T10:05:07Z')).not.toBe(formatMoment('2025-03-03T10:05:38Z'));
  });

  it('says the zone of every time it shows: here, or the one asked for, by name', () => {
    // Here: the zone's short name ends the time (the test machine's zone, whatever it is).
    expect(formatInstant('2025-03-03T10:05:00Z', 'en-GB')).toMatch(/\d{2}:05 \S+$/);
    // A meeting's zone, named as the sprint summary names it.
    expect(formatInstant('2025-03-03T10:05:00Z', 'en-GB', 'Europe/Berlin')).toBe(
      '3 Mar 2025, 11:05 (Europe/Berlin)',
    );
  });

  it('says how long ago an instant was, in the locale’s words', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    expect(formatAgo('2026-12-06T11:59:30Z', now, 'en')).toBe('this minute');
    expect(formatAgo('2026-12-06T12:00:05Z', now, 'en')).toBe('this minute');
    expect(formatAgo('2026-12-06T11:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(formatAgo('2026-12-06T09:10:00Z', now, 'en')).toBe('2 hours ago');
    expect(formatAgo('2026-12-05T10:00:00Z', now, 'en')).toBe('yesterday');
    expect(formatAgo('2026-12-05T10:00:00Z', now, 'de')).toBe('gestern');
    expect(formatAgo('2026-11-26T12:00:00Z', now, 'en')).toBe('10 days ago');
  });
});
