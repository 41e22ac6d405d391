/**
 * A seeded pseudo-random source and the made-up words the generated workspace is written in:
 * the same seed gives the same workspace, call for call.
 */

/** sfc32, seeded through splitmix32: fast, 32-bit, good enough for test data. */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next();
    for (let i = 0; i < 12; i++) this.float();
  }

  /** In [0, 1). */
  float(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** `n` distinct items (fewer when the list is shorter), in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length)
      out.push(copy.splice(Math.floor(this.float() * copy.length), 1)[0]!);
    return out;
  }

  /** 0, 1, 2… with P(k) = p (1 − p)^k. */
  geometric(p: number): number {
    let k = 0;
    while (!this.chance(p) && k < 1000) k++;
    return k;
  }

  /** One of `choices`, chosen with the given weights. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let r = this.float() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }
}

const FIRST = [
  'Ada',
  'Bo',
  'Chidi',
  'Dana',
  'Emeka',
  'Fatima',
  'Goran',
  'Hana',
  'Ines',
  'Jun',
  'Kofi',
  'Lena',
  'Mateo',
  'Nia',
  'Oskar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Vik',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Arjun',
  'Bea',
  'Cyrus',
  'Dalia',
  'Eli',
  'Freya',
  'Gus',
  'Hiro',
  'Ivy',
  'Jonas',
];
const LAST = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Petrov',
  'Quispe',
  'Rahman',
  'Schulz',
  'Tanaka',
  'Umarov',
  'Varga',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zhang',
  'Almeida',
  'Brennan',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Horvat',
  'Ibrahim',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Mensah',
];
export const TIME_ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Tokyo',
  'Europe/London',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'Africa/Lagos',
  'Europe/Warsaw',
  'UTC',
];

const ADJECTIVES = [
  'faster',
  'friendlier',
  'incremental',
  'parallel',
  'portable',
  'stable',
  'async',
  'safer',
  'smaller',
  'lazy',
  'typed',
  'streaming',
  'remote',
  'shared',
  'reproducible',
  'zero-copy',
  'cross-platform',
  'accessible',
  'offline',
  'observable',
];
const NOUNS = [
  'builds',
  'errors',
  'compilation',
  'traits',
  'closures',
  'iterators',
  'generics',
  'diagnostics',
  'linking',
  'caching',
  'formatting',
  'testing',
  'docs',
  'packaging',
  'debugging',
  'profiling',
  'macros',
  'lifetimes',
  'allocators',
  'networking',
  'parser',
  'scheduler',
  'runtime',
  'installer',
];
const VERBS = [
  'Design',
  'Prototype',
  'Stabilise',
  'Document',
  'Benchmark',
  'Land',
  'Review',
  'Ship',
  'Port',
  'Refactor',
  'Measure',
  'Draft an RFC for',
  'Write tests for',
  'Polish',
  'Remove',
  'Deprecate',
];
const THINGS = [
  'the cache key',
  'the error message for missing imports',
  'the lockfile format',
  'the test runner',
  'the release notes',
  'the borrow checker hint',
  'the async trait lowering',
  'the CI matrix',
  'the profiler output',
  'the crash reporter',
  'the install script',
  'the config loader',
  'the incremental graph',
  'the doc search',
  'the timeout handling',
  'the plugin API',
  'the Windows path handling',
  'the LSP hover text',
  'the panic message',
  'the spans of macro errors',
];
const NOTE_TEXT = {
  'went well': [
    'Pairing on {t} saved days',
    'Reviews came back within a day',
    'The demo of {t} landed well with stakeholders',
    'Nobody was blocked on {t}',
    'Clear definition of done for {t}',
  ],
  'to improve': [
    'We took on too much again',
    '{t} needed a design review earlier',
    'Flaky CI ate half a day',
    'Estimates for {t} were off by a factor of two',
    'Too many meetings in week two',
  ],
  ideas: [
    'Timebox {t} to one sprint',
    'A rotating triage role for polish issues',
    'Write the RFC for {t} before coding',
    'Try async stand-ups',
    'Automate {t}',
  ],
  kudos: [
    'Thanks for untangling {t}!',
    'Great write-up on {t}',
    'Huge thanks for covering the release',
    'Kudos for the patient reviews of {t}',
  ],
} as const;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function personName(i: number): { name: string; handle: string } {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]!;
  return { name: `${first} ${last}`, handle: `${first}-${last}-${i}`.toLowerCase() };
}

export function goalTitle(r: Random, i: number): string {
  return `${capitalise(r.pick(ADJECTIVES))} ${r.pick(NOUNS)} (${i + 1})`;
}

export function initiativeTitle(r: Random, i: number): string {
  return `${capitalise(r.pick(ADJECTIVES))} ${r.pick(NOUNS)} ${r.pick(['v1', 'v2', 'pilot', 'MVP', 'core', 'rollout'])} ${i + 1}`;
}

export function taskTitle(r: Random): string {
  return `${r.pick(VERBS)} ${r.pick(THINGS)}`;
}

export function paragraph(r: Random, sentences: number): string {
  return Array.from(
    { length: sentences },
    () =>
      `${capitalise(r.pick(ADJECTIVES))} ${r.pick(NOUNS)}: ${r.pick(VERBS).toLowerCase()} ${r.pick(THINGS)}.`,
  ).join(' ');
}

export function bullets(r: Random, n: number): string {
  return Array.from({ length: n }, () => `- ${capitalise(r.pick(ADJECTIVES))} ${r.pick(NOUNS)}`).join('\n');
}

export function noteText(r: Random, column: keyof typeof NOTE_TEXT): string {
  return r.pick(NOTE_TEXT[column]).replace('{t}', r.pick(THINGS));
}

export function issueLink(r: Random): string {
  const repo = r.pick(['lang/compiler', 'lang/stdlib', 'lang/cargo', 'tools/fmt', 'tools/lsp', 'docs/book']);
  return r.chance(0.8)
    ? `${repo}#${r.int(1, 99_999)}`
    : `https://github.com/${repo}/issues/${r.int(1, 99_999)}`;
}
