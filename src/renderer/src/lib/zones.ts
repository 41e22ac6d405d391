/**
 * The time zones a person or a meeting can be in, as the lists offer them: every zone this
 * browser knows, under its current IANA name where the browser still gives an older one (its
 * list says Asia/Calcutta and Europe/Kiev; people look for Asia/Kolkata and Europe/Kyiv). Both
 * names are the same zone and valid everywhere; a zone stored under the older one still works.
 */

/** IANA's renames that the browser's list (ICU's canonical names) still gives under the old name. */
export const CURRENT_NAMES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** A zone under its current IANA name. */
export const currentZoneName = (zone: string): string => CURRENT_NAMES[zone] ?? zone;

/** This computer's zone, under its current name. */
export const browserZone = (): string => currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone);

/** The zones to choose from, in order of name; `shown` (a stored zone the list may lack) first. */
export function zoneChoices(shown: string): string[] {
  const known = [...new Set(Intl.supportedValuesOf('timeZone').map(currentZoneName))].sort();
  const extra = [shown, browserZone(), 'UTC'].filter((zone) => !known.includes(zone));
  return [...new Set([...extra, ...known])];
}
