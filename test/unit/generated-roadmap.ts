/**
 * Generated roadmap workspaces for property tests: titles, names and Markdown full of hostile
 * fragments, and the one way to build such a workspace through the API.
 */
import fc from 'fast-check';
import type { Core } from '../../src/main/api/core.ts';
import { oneLine } from '../../src/main/markdown/escape.ts';
import { STATES, type State } from '../../src/shared/domain.ts';
import { must } from './helpers.ts';

/** A title as the contract stores it (runs of whitespace are one space), as Markdown shows it. */
export const stored = (s: string) => oneLine(s.replace(/\s+/g, ' '));

/** Fragments that have broken Markdown writers before. */
export const HOSTILE = [
  '|',
  ' | ',
  '\\',
  '`',
  '```',
  '*',
  '_',
  '**',
  '~~',
  '[',
  ']',
  '[x](javascript:alert(1))',
  '![i](https://x.example/i.png)',
  '<script>',
  '</div>',
  '<!--',
  '&amp;',
  '&nbsp;',
  '&#x41;',
  '#',
  '# ',
  '## Impact',
  '- ',
  '+ ',
  '1. ',
  '1) ',
  '> ',
  '---',
  '===',
  '🔻 ',
  '↳ ',
  '🛠️',
  '🦀',
  ':crab:',
  '▰▱',
  'https://evil.example/a_b',
  'www.example.com',
  'a@b.example',
  '\n',
  '\r\n',
  '\t',
  '  ',
  '\u00a0',
  '[^1]',
  '[ada]',
  '[ada]: https://evil.example',
  '- **State:** ✅ done',
  '| Milestone | Status | Key participants |',
  'tbd',
  'é',
  '👩‍👩‍👧',
];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
const text = (maxParts: number) => fc.array(fragment, { maxLength: maxParts }).map((parts) => parts.join(''));
/** A title the contract accepts: trimmed, not empty, at most 300 characters. */
const title = text(6).map((t) => t.trim().slice(0, 300).trim() || 'Untitled');

/** Block Markdown as users write it, with hostile lines mixed in. */
const BLOCK_LINES = [
  '- a bullet',
  '  - nested',
  '# A top heading',
  '## Impact',
  '### Milestones',
  'Setext heading',
  '===',
  '---',
  '```',
  '~~~js',
  '<!-- open comment',
  '<script>alert(1)</script>',
  '<details>',
  '| a | b |',
  '| --- | --- |',
  '> quote',
  '    indented code',
  '[ref]: https://example.com/ref',
  'see [ref] and [ada]',
  '',
  '1. one',
  '🔻 [Not a goal](./x.md)',
  '&nbsp;&nbsp;↳ not an initiative',
];
const block = fc
  .array(fc.oneof(fc.constantFrom(...BLOCK_LINES), text(4)), { maxLength: 8 })
  .map((lines) => lines.join('\n').slice(0, 2000));

const state = fc.constantFrom(...STATES);
const handle = fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,10}$/), { nil: null });
const url = fc.option(
  fc
    .tuple(
      fc.constantFrom('https://', 'http://', 'HTTPS://'),
      fc.stringMatching(/^[a-z0-9.]{1,10}$/),
      text(3),
    )
    .map(([scheme, host, path]) =>
      `${scheme}${host}.example/${path.replace(/[\s\p{Cc}<>]/gu, '')}`.slice(0, 200),
    ),
  { nil: null },
);
const progress = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });

export const workspace = fc.record({
  people: fc.array(fc.record({ name: title, handle }), { maxLength: 4 }),
  goals: fc.array(
    fc.record({
      title,
      impact: block,
      howToHelp: block,
      state,
      owners: fc.array(fc.nat(), { maxLength: 3 }),
      progress,
      initiatives: fc.array(
        fc.record({
          title,
          impact: block,
          features: block,
          link: url,
          state,
          owners: fc.array(fc.nat(), { maxLength: 3 }),
          progress,
          dependsOn: fc.array(fc.nat(), { maxLength: 2 }),
          milestones: fc.array(
            fc.record({
              title,
              state,
              participants: fc.array(fc.nat(), { maxLength: 3 }),
              dependsOn: fc.array(fc.nat(), { maxLength: 2 }),
            }),
            { maxLength: 3 },
          ),
        }),
        { maxLength: 2 },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});
export type Generated = typeof workspace extends fc.Arbitrary<infer T> ? T : never;

/** Builds the generated workspace through the API (dependencies only on earlier items: acyclic). */
export function build(core: Core, data: Generated): void {
  const people = data.people.map(
    (p, i) =>
      must(core, 'people.create', {
        // People without a handle are known by their name alone: keep names distinct.
        name: `${p.name} ${i}`.slice(-200).trim(),
        handle: p.handle ? `${p.handle}${i}` : null,
        timeZone: 'UTC',
      }).id,
  );
  const pick = (indices: number[]) =>
    people.length ? [...new Set(indices.map((i) => people[i % people.length]!))] : [];
  const settle = (s: State, owners: string[]): State =>
    s === 'in progress' && owners.length === 0 ? 'help wanted' : s;
  const initiatives: string[] = [];
  const milestones: string[] = [];
  for (const g of data.goals) {
    const owners = pick(g.owners);
    const goal = must(core, 'goals.create', {
      title: g.title,
      impact: g.impact,
      howToHelp: g.howToHelp,
      state: settle(g.state, owners),
      ownerIds: owners,
      manualProgress: g.progress,
    });
    for (const i of g.initiatives) {
      const iowners = pick(i.owners);
      const dependsOnIds = initiatives.length
        ? [...new Set(i.dependsOn.map((d) => initiatives[d % initiatives.length]!))]
        : [];
      const initiative = must(core, 'initiatives.create', {
        goalId: goal.id,
        title: i.title,
        impact: i.impact,
        features: i.features,
        link: i.link,
        state: settle(i.state, iowners),
        ownerIds: iowners,
        manualProgress: i.progress,
        dependsOnIds,
      });
      initiatives.push(initiative.id);
      const seen = new Set<string>();
      for (const m of i.milestones) {
        // Dependencies name a milestone by its title: keep titles distinct within an initiative.
        let mtitle = m.title;
        while (seen.has(stored(mtitle).toLowerCase())) mtitle = `${mtitle.slice(0, 290)} again`;
        seen.add(stored(mtitle).toLowerCase());
        const participantIds = pick(m.participants);
        const mdeps = milestones.length
          ? [...new Set(m.dependsOn.map((d) => milestones[d % milestones.length]!))]
          : [];
        milestones.push(
          must(core, 'milestones.create', {
            initiativeId: initiative.id,
            title: mtitle,
            state: settle(m.state, participantIds),
            participantIds,
            dependsOnIds: mdeps,
          }).id,
        );
      }
    }
  }
}
