/** The zone lists offer IANA's current names (Asia/Kolkata, Europe/Kyiv) for the same zones. */
import { describe, expect, it } from 'vitest';
import { CURRENT_NAMES, currentZoneName, zoneChoices } from '../../src/renderer/src/lib/zones.ts';

const offsets = (zone: string) =>
  ['2010-01-15', '2010-07-15', '2026-01-15', '2026-07-15'].map((day) =>
    new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).format(
      new Date(`${day}T12:00:00Z`),
    ),
  );

describe('the time zones to choose from', () => {
  it('offers the current names, not the old ones, in order of name, with UTC', () => {
    const zones = zoneChoices('UTC');
    expect(zones).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Europe/Kyiv', 'Asia/Ho_Chi_Minh', 'UTC']));
    expect(zones.filter((zone) => zone in CURRENT_NAMES)).toEqual([]);
    const listed = zones.filter((zone) => zone !== 'UTC');
    expect(listed).toEqual([...listed].sort());
    expect(new Set(zones).size).toBe(zones.length);
  });

  it('keeps a zone stored under its old name choosable, first, as it is', () => {
    const zones = zoneChoices('Asia/Calcutta');
    expect(zones[0]).toBe('Asia/Calcutta');
    expect(zones).toContain('Asia/Kolkata');
  });

  it('renames only to the same zone, a name this runtime accepts', () => {
    for (const [old, current] of Object.entries(CURRENT_NAMES)) {
      expect(currentZoneName(old)).toBe(current);
      expect(offsets(current), `${old} → ${current}`).toEqual(offsets(old));
    }
    expect(currentZoneName('Europe/Berlin')).toBe('Europe/Berlin');
  });
});
