/**
 * A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone, built from the zone data the
 * runtime has (Intl, through @date-fns/tz) — no extra package, and always the same data the
 * app uses to compute meeting times.
 *
 * The offset changes from a year before `from` to a few years ahead are found with `tzScan`.
 * While the zone keeps the same yearly pattern (e.g. "last Sunday of March, 02:00"), that is
 * written as one observance with a yearly RRULE, so an open-ended meeting series stays right
 * in later years too; changes before the pattern settled are written one by one.
 */
import { tzOffset, tzScan } from '@date-fns/tz';

const DAY_NAMES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

interface Transition {
  /** The instant of the change. */
  at: Date;
  from: number;
  to: number;
  /** The change's wall-clock time in the offset before it (what DTSTART holds). */
  local: { year: number; month: number; day: number; hour: number; minute: number; weekday: number };
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** `+0100`, `-0430` (an offset in minutes east of UTC). */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

function localTime(at: Date, offset: number): Transition['local'] {
  const d = new Date(at.getTime() + offset * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

const dtstart = (l: Transition['local']): string =>
  `${pad(l.year, 4)}${pad(l.month)}${pad(l.day)}T${pad(l.hour)}${pad(l.minute)}00`;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The BYDAY forms a transition's date fits: its n-th weekday of the month, and `-1` when it's the last. */
function byDayForms(l: Transition['local']): string[] {
  const forms = [`${Math.ceil(l.day / 7)}${DAY_NAMES[l.weekday]}`];
  if (l.day + 7 > daysInMonth(l.year, l.month)) forms.push(`-1${DAY_NAMES[l.weekday]}`);
  return forms;
}

/** What must stay the same for a yearly rule: direction, offsets, month, weekday and time. */
const shape = (t: Transition): string =>
  [t.from, t.to, t.local.month, t.local.weekday, t.local.hour, t.local.minute].join('/');

function component(kind: 'STANDARD' | 'DAYLIGHT', t: Transition, extra: string[] = []): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${dtstart(t.local)}`,
    `TZOFFSETFROM:${offsetText(t.from)}`,
    `TZOFFSETTO:${offsetText(t.to)}`,
    ...extra,
    `END:${kind}`,
  ];
}

/** The VTIMEZONE of `zone`, right for instants from `from` on. */
export function vtimezone(zone: string, from: Date, yearsAhead = 5): string {
  const start = new Date(Date.UTC(from.getUTCFullYear() - 1, 0, 1));
  const end = new Date(
    Date.UTC(Math.max(from.getUTCFullYear(), new Date().getUTCFullYear()) + yearsAhead, 0, 1),
  );
  const transitions: Transition[] = tzScan(zone, { start, end }).map((change) => {
    const to = change.offset;
    const fromOffset = to - change.change;
    return { at: change.date, from: fromOffset, to, local: localTime(change.date, fromOffset) };
  });
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  if (!transitions.length) {
    const offset = tzOffset(zone, from);
    lines.push(
      ...component('STANDARD', {
        at: start,
        from: offset,
        to: offset,
        local: localTime(new Date(Date.UTC(1970, 0, 1)), 0),
      }),
    );
    lines.push('END:VTIMEZONE');
    return lines.join('\r\n');
  }
  const kindOf = (t: Transition): 'STANDARD' | 'DAYLIGHT' => (t.to > t.from ? 'DAYLIGHT' : 'STANDARD');

  // The longest run at the end where each kind of change recurs yearly with one BYDAY form.
  const byShape = new Map<string, Transition[]>();
  for (const t of transitions) byShape.set(shape(t), [...(byShape.get(shape(t)) ?? []), t]);
  const ruled = new Set<Transition>();
  const rules: { first: Transition; byDay: string }[] = [];
  const lastYear = transitions.at(-1)!.local.year;
  for (const group of byShape.values()) {
    const last = group.at(-1)!;
    if (last.local.year < lastYear - 1) continue; // a pattern the zone no longer follows
    // Consecutive years back from the last change of this shape, fitting one BYDAY form.
    let best: Transition[] = [];
    let bestForm = '';
    for (const form of byDayForms(last.local)) {
      const run = [last];
      for (let i = group.length - 2; i >= 0; i--) {
        const t = group[i]!;
        if (t.local.year !== run[0]!.local.year - 1 || !byDayForms(t.local).includes(form)) break;
        run.unshift(t);
      }
      if (run.length > best.length) [best, bestForm] = [run, form];
    }
    // Else "that weekday on or after day N" (e.g. Chile's "Sunday on or after the 2nd"):
    // BYMONTHDAY=N..N+6 with BYDAY.
    const window = [last];
    let low = last.local.day;
    for (let i = group.length - 2; i >= 0; i--) {
      const t = group[i]!;
      const nextLow = Math.min(low, t.local.day);
      const high = Math.max(...window.map((w) => w.local.day), t.local.day);
      if (t.local.year !== window[0]!.local.year - 1 || high - nextLow > 6) break;
      window.unshift(t);
      low = nextLow;
    }
    if (window.length > best.length) {
      const days = Array.from({ length: 7 }, (_, k) => low + k).filter((d) => d <= 31);
      [best, bestForm] = [window, `${DAY_NAMES[last.local.weekday]};BYMONTHDAY=${days.join(',')}`];
    }
    if (best.length < 2) continue;
    best.forEach((t) => ruled.add(t));
    rules.push({ first: best[0]!, byDay: bestForm });
  }
  for (const t of transitions) {
    if (!ruled.has(t)) lines.push(...component(kindOf(t), t));
  }
  for (const rule of rules) {
    lines.push(
      ...component(kindOf(rule.first), rule.first, [
        `RRULE:FREQ=YEARLY;BYMONTH=${rule.first.local.month};BYDAY=${rule.byDay}`,
      ]),
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
