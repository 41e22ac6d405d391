/**
 * The example workspace's story, as plain data: the async working group of the (invented)
 * Ferrite language, its roadmap, and twelve weeks of sprints. Every name is made up.
 *
 * How to read it: sprints are numbered from 1; the last one is the active sprint, the others
 * are past. Anything that changed over time says when: a milestone with `was` and `changedIn: 3`
 * started in the `was` state and reached `state` during sprint 3; a polish issue is created
 * during sprint `created` and done during sprint `done`; a sprint goal with `from` is the
 * carry-over of the sprint goal with that `key` in the previous sprint.
 */
import type { Outcome, PolishSize, RetroColumn, Role, State } from '../shared/domain.ts';

interface PersonData {
  name: string;
  handle: string;
  timeZone: string;
  roles: Role[];
}

/** The workspace's name. */
export const WORKSPACE_NAME = 'Ferrite async working group';

export const PEOPLE = {
  dana: { name: 'Dana Okafor', handle: 'dokafor', timeZone: 'America/New_York', roles: ['goal owner'] },
  tomas: { name: 'Tomás Ferreira', handle: 'tferreira', timeZone: 'Europe/Lisbon', roles: ['goal owner'] },
  priya: { name: 'Priya Raghunathan', handle: 'praghu', timeZone: 'Asia/Kolkata', roles: ['goal owner'] },
  kenji: { name: 'Kenji Watanabe', handle: 'kwatanabe', timeZone: 'Asia/Tokyo', roles: ['goal owner'] },
  lena: { name: 'Lena Brandt', handle: 'lbrandt', timeZone: 'Europe/Berlin', roles: ['goal owner'] },
  marcus: { name: 'Marcus Hale', handle: 'mhale', timeZone: 'America/Los_Angeles', roles: ['goal owner'] },
  sofia: { name: 'Sofia Marchetti', handle: 'smarchetti', timeZone: 'Europe/Rome', roles: ['stakeholder'] },
  wei: { name: 'Wei Zhang', handle: 'weizhang-rt', timeZone: 'Asia/Shanghai', roles: ['stakeholder'] },
} satisfies Record<string, PersonData>;

export type PersonKey = keyof typeof PEOPLE;

/** Something whose state changed during a sprint: it was `was` before sprint `changedIn`. */
interface Evolving {
  state: State;
  was?: State;
  changedIn?: number;
}

interface GoalData extends Evolving {
  title: string;
  impact: string;
  howToHelp?: string;
  owners: PersonKey[];
}

export const GOALS = {
  asyncFn: {
    title: 'Async functions everywhere',
    impact: [
      '- Write `async fn` in traits and closures just like synchronous code',
      '- Libraries expose async APIs without boxing every future',
      '- Moving code between sync and async needs no rewrite',
    ].join('\n'),
    owners: ['dana', 'kenji'],
    state: 'in progress',
  },
  iteration: {
    title: 'Flexible async iteration',
    impact: [
      '- Create and compose iterators that await async results',
      '- Loop over a stream with `for await`',
      '- Build concurrent schedules that run in a predictable order',
    ].join('\n'),
    owners: ['priya'],
    state: 'in progress',
  },
  tooling: {
    title: 'Tooling and observability',
    impact: [
      '- See what every task is doing, live, in a console',
      '- Debug a hung or crashed async program from a core dump',
      '- Error messages that explain async-specific mistakes',
    ].join('\n'),
    howToHelp: [
      'Try the task console on your own application and tell us what was confusing:',
      '',
      '- file issues at [ferrite-lang/task-console](https://github.com/ferrite-lang/task-console)',
      '- send us error messages that puzzled you (a playground link is perfect)',
    ].join('\n'),
    owners: ['lena', 'marcus'],
    state: 'in progress',
  },
  vision: {
    title: 'Shared vision and the async book',
    impact: [
      '- Newcomers learn async Ferrite from one up-to-date book',
      '- Everyone can read where async is heading, and why',
    ].join('\n'),
    owners: ['tomas'],
    state: 'done',
    was: 'in progress',
    changedIn: 3,
  },
  portability: {
    title: 'Portability across runtimes',
    impact: [
      '- Libraries run on any runtime without feature flags',
      '- Switching runtimes does not mean rewriting I/O and timers',
    ].join('\n'),
    howToHelp: [
      'This goal needs an owner. If you maintain a runtime or a runtime-agnostic library:',
      '',
      '- read the [runtime API survey](https://ferrite-lang.github.io/async-vision/runtime-survey.html)',
      '- come to a sprint meeting (Tuesdays, every two weeks) and say hello',
    ].join('\n'),
    owners: [],
    state: 'help wanted',
  },
  scoped: {
    title: 'Scoped spawn and reliable cancellation',
    impact: [
      '- Spawn tasks that borrow from their parent, safely',
      '- Cancel a task without leaking resources or breaking invariants',
    ].join('\n'),
    howToHelp:
      'Paused until async closures land. The cancellation hazards write-up is a good place to start reading.',
    owners: [],
    state: 'paused',
  },
} satisfies Record<string, GoalData>;

export type GoalKey = keyof typeof GOALS;

export interface MilestoneData extends Evolving {
  key: string;
  title: string;
  participants: PersonKey[];
  dependsOn?: string[];
  /** Set as the target during the planning of this sprint (in the previous sprint's meeting). */
  target?: number;
}

export interface InitiativeData extends Evolving {
  key: string;
  goal: GoalKey;
  title: string;
  impact: string;
  features: string;
  link?: string;
  owners: PersonKey[];
  dependsOn?: string[];
  /** The owner's judgement where the milestones are still vague (0–100). */
  manualProgress?: number;
  milestones: MilestoneData[];
}

/** In creation order: an initiative (or milestone) depends only on earlier ones. */
export const INITIATIVES: InitiativeData[] = [
  {
    key: 'traits',
    goal: 'asyncFn',
    title: 'Async fn in traits',
    impact: '- Traits declare `async fn` methods; implementations write them directly',
    features:
      '- `async fn` in trait definitions and impls\n- A `Send` bound on the returned future, when needed',
    link: 'https://ferrite-lang.github.io/async-fn-in-traits/',
    owners: ['kenji'],
    state: 'in progress',
    milestones: [
      { key: 'traits-design', title: 'Design document', state: 'done', participants: ['kenji'] },
      {
        key: 'traits-prototype',
        title: 'Prototype on nightly',
        state: 'done',
        was: 'in progress',
        changedIn: 2,
        participants: ['kenji', 'dana'],
        dependsOn: ['traits-design'],
      },
      {
        key: 'traits-signoff',
        title: 'Lang team sign-off',
        state: 'in progress',
        participants: ['kenji', 'dana'],
        dependsOn: ['traits-prototype'],
        target: 7,
      },
      {
        key: 'traits-stable',
        title: 'Stabilized',
        state: 'paused',
        participants: ['kenji'],
        dependsOn: ['traits-signoff'],
      },
    ],
  },
  {
    key: 'closures',
    goal: 'asyncFn',
    title: 'Async closures',
    impact: '- Pass async callbacks that borrow from their environment, without boxing',
    features: '- `async |x| { … }` closures\n- `AsyncFn` traits for bounds',
    link: 'https://github.com/ferrite-lang/rfcs/blob/main/text/0412-async-closures.md',
    owners: ['dana'],
    state: 'in progress',
    dependsOn: ['traits'],
    milestones: [
      {
        key: 'closures-rfc',
        title: 'RFC accepted',
        state: 'done',
        was: 'in progress',
        changedIn: 2,
        participants: ['dana'],
      },
      {
        key: 'closures-impl',
        title: 'Implementation on nightly',
        state: 'in progress',
        participants: ['dana', 'tomas'],
        dependsOn: ['closures-rfc', 'traits-prototype'],
        target: 7,
      },
      {
        key: 'closures-migration',
        title: 'Migration lint and guide',
        state: 'help wanted',
        participants: [],
        dependsOn: ['closures-impl'],
      },
    ],
  },
  {
    key: 'drop',
    goal: 'asyncFn',
    title: 'Async drop',
    impact: '- Clean up async resources (connections, files) reliably when they go out of scope',
    features: '- An `AsyncDrop` trait\n- Drop glue that awaits',
    owners: [],
    state: 'help wanted',
    manualProgress: 10,
    milestones: [
      { key: 'drop-explore', title: 'Explore the design space', state: 'in progress', participants: ['wei'] },
      {
        key: 'drop-rfc',
        title: 'Write an RFC',
        state: 'help wanted',
        participants: [],
        dependsOn: ['drop-explore'],
      },
    ],
  },
  {
    key: 'iterator',
    goal: 'iteration',
    title: 'Async iterator trait',
    impact: '- One standard trait for streams, so libraries compose',
    features: '- `AsyncIterator` in the standard library\n- `for await` loops',
    link: 'https://ferrite-lang.github.io/async-iteration-initiative/',
    owners: ['priya'],
    state: 'in progress',
    milestones: [
      {
        key: 'iter-design',
        title: 'Trait design',
        state: 'done',
        was: 'in progress',
        changedIn: 1,
        participants: ['priya'],
      },
      {
        key: 'iter-nightly',
        title: 'Implementation on nightly',
        state: 'done',
        was: 'in progress',
        changedIn: 3,
        participants: ['priya', 'kenji'],
        dependsOn: ['iter-design'],
      },
      {
        key: 'iter-eval',
        title: 'Evaluation on real crates',
        state: 'done',
        was: 'in progress',
        changedIn: 5,
        participants: ['priya'],
        dependsOn: ['iter-nightly'],
        target: 5,
      },
      {
        key: 'iter-stabilization',
        title: 'Stabilization report',
        state: 'in progress',
        participants: ['priya'],
        dependsOn: ['iter-eval'],
        target: 7,
      },
    ],
  },
  {
    key: 'generators',
    goal: 'iteration',
    title: 'Generator syntax',
    impact: '- Write an async iterator as a function that yields, instead of a hand-written state machine',
    features: '- `gen` blocks and `async gen` blocks\n- Precise captures of borrowed state',
    owners: ['priya'],
    state: 'in progress',
    dependsOn: ['iterator'],
    manualProgress: 35,
    milestones: [
      {
        key: 'gen-survey',
        title: 'Syntax survey',
        state: 'done',
        was: 'in progress',
        changedIn: 3,
        participants: ['priya', 'sofia'],
      },
      {
        key: 'gen-captures',
        title: 'Precise captures prototype',
        state: 'in progress',
        participants: ['priya'],
      },
      { key: 'gen-reference', title: 'Reference documentation', state: 'help wanted', participants: [] },
      {
        key: 'gen-signoff',
        title: 'Lang team sign-off',
        state: 'paused',
        participants: [],
        dependsOn: ['gen-captures', 'gen-reference'],
      },
    ],
  },
  {
    key: 'streams',
    goal: 'iteration',
    title: 'Stream combinators in the standard library',
    impact: '- `map`, `filter`, `merge` and friends for streams, without an extra dependency',
    features: '- A small, stable set of combinators on `AsyncIterator`',
    owners: ['kenji'],
    state: 'paused',
    dependsOn: ['iterator'],
    milestones: [
      {
        key: 'streams-inventory',
        title: 'Inventory of ecosystem combinators',
        state: 'done',
        participants: ['wei'],
      },
      { key: 'streams-proposal', title: 'API proposal', state: 'paused', participants: ['kenji'] },
    ],
  },
  {
    key: 'console',
    goal: 'tooling',
    title: 'Task console',
    impact: '- See every task, what it waits on and how long it has been polled — live',
    features: '- Runtime instrumentation\n- A terminal UI\n- Recording and replay of a session',
    link: 'https://github.com/ferrite-lang/task-console',
    owners: ['lena'],
    state: 'in progress',
    manualProgress: 60,
    milestones: [
      {
        key: 'console-instrumentation',
        title: 'Instrumentation in the runtime',
        state: 'done',
        was: 'in progress',
        changedIn: 1,
        participants: ['lena'],
      },
      {
        key: 'console-tui',
        title: 'Console TUI',
        state: 'done',
        was: 'in progress',
        changedIn: 3,
        participants: ['lena', 'marcus'],
        dependsOn: ['console-instrumentation'],
      },
      {
        key: 'console-replay',
        title: 'Recording and replay',
        state: 'in progress',
        participants: ['lena', 'marcus'],
        dependsOn: ['console-tui'],
        target: 7,
      },
      {
        key: 'console-agnostic',
        title: 'Runtime-agnostic instrumentation API',
        state: 'help wanted',
        participants: [],
        dependsOn: ['console-instrumentation'],
      },
    ],
  },
  {
    key: 'crashdump',
    goal: 'tooling',
    title: 'Crash dump debugging',
    impact: '- Find out what every task was doing when a production service crashed',
    features:
      '- Async backtraces in the debugger\n- Task state read from a core dump\n- A debugger extension',
    owners: ['marcus'],
    state: 'in progress',
    milestones: [
      {
        key: 'crash-backtraces',
        title: 'Async backtraces in the debugger',
        state: 'done',
        was: 'in progress',
        changedIn: 2,
        participants: ['marcus'],
      },
      {
        key: 'crash-coredump',
        title: 'Core dump inspection',
        state: 'done',
        was: 'in progress',
        changedIn: 5,
        participants: ['marcus', 'lena'],
        dependsOn: ['crash-backtraces'],
      },
      {
        key: 'crash-extension',
        title: 'Debugger extension release',
        state: 'paused',
        was: 'in progress',
        changedIn: 6,
        participants: ['marcus'],
        dependsOn: ['crash-coredump'],
      },
    ],
  },
  {
    key: 'diagnostics',
    goal: 'tooling',
    title: 'Async-aware diagnostics',
    impact: '- Compiler errors that name the async mistake and suggest the fix',
    features:
      '- Suggestions for a missing `.await`\n- Errors that point at the value that makes a future non-`Send`',
    owners: ['tomas'],
    state: 'in progress',
    milestones: [
      {
        key: 'diag-survey',
        title: 'Survey of confusing errors',
        state: 'done',
        was: 'in progress',
        changedIn: 2,
        participants: ['tomas'],
      },
      {
        key: 'diag-await',
        title: 'Suggest a missing `.await`',
        state: 'done',
        was: 'in progress',
        changedIn: 4,
        participants: ['tomas'],
      },
      {
        key: 'diag-send',
        title: 'Better errors for futures that are not `Send`',
        state: 'in progress',
        participants: ['tomas', 'dana'],
        dependsOn: ['diag-survey'],
        target: 6,
      },
      {
        key: 'diag-blocking',
        title: 'Lint for blocking calls in async code',
        state: 'help wanted',
        participants: [],
      },
    ],
  },
  {
    key: 'book',
    goal: 'vision',
    title: 'Async book: getting started',
    impact: '- One place to learn async Ferrite, from the first `async fn` to writing a runtime',
    features: '- Chapters 1–5: futures, tasks, pinning, executors, `select!`',
    link: 'https://ferrite-lang.github.io/async-book/',
    owners: ['tomas'],
    state: 'done',
    was: 'in progress',
    changedIn: 3,
    milestones: [
      { key: 'book-outline', title: 'Outline', state: 'done', participants: ['tomas'] },
      {
        key: 'book-chapters',
        title: 'First five chapters',
        state: 'done',
        was: 'in progress',
        changedIn: 2,
        participants: ['tomas'],
      },
      {
        key: 'book-published',
        title: 'Published',
        state: 'done',
        was: 'in progress',
        changedIn: 3,
        participants: ['tomas'],
        dependsOn: ['book-chapters'],
      },
    ],
  },
  {
    key: 'stories',
    goal: 'vision',
    title: 'Status quo stories',
    impact: '- The problems of async Ferrite, told by the people who hit them',
    features: '- Fifty stories from users\n- The metanarrative that sums them up',
    link: 'https://ferrite-lang.github.io/async-vision/status-quo.html',
    owners: ['dana'],
    state: 'done',
    milestones: [
      { key: 'stories-call', title: 'Call for stories', state: 'done', participants: ['dana'] },
      {
        key: 'stories-fifty',
        title: 'Fifty stories collected',
        state: 'done',
        participants: ['dana', 'sofia'],
      },
      {
        key: 'stories-meta',
        title: 'Metanarrative',
        state: 'done',
        participants: ['dana'],
        dependsOn: ['stories-fifty'],
      },
    ],
  },
  {
    key: 'runtimeTraits',
    goal: 'portability',
    title: 'Common runtime traits',
    impact: '- Spawn, sleep and read a socket through traits every runtime implements',
    features: '- `Spawn`, `Timer` and async I/O traits',
    owners: [],
    state: 'help wanted',
    milestones: [
      { key: 'rt-survey', title: 'Survey of runtime APIs', state: 'done', participants: ['wei'] },
      {
        key: 'rt-proposal',
        title: 'Trait proposal',
        state: 'help wanted',
        participants: [],
        dependsOn: ['rt-survey'],
      },
      {
        key: 'rt-adoption',
        title: 'Adopted by two runtimes',
        state: 'help wanted',
        participants: [],
        dependsOn: ['rt-proposal'],
      },
    ],
  },
  {
    key: 'timers',
    goal: 'portability',
    title: 'Portable timers and I/O',
    impact: '- Libraries that sleep or do I/O work on every runtime',
    features: '- Runtime-agnostic `sleep` and `timeout`',
    owners: [],
    state: 'paused',
    dependsOn: ['runtimeTraits'],
    milestones: [
      { key: 'timers-requirements', title: 'Requirements', state: 'paused', participants: [] },
      {
        key: 'timers-prototype',
        title: 'Prototype',
        state: 'help wanted',
        participants: [],
        dependsOn: ['timers-requirements'],
      },
    ],
  },
  {
    key: 'scopedSpawn',
    goal: 'scoped',
    title: 'Scoped spawn',
    impact: '- Spawn tasks that borrow from the enclosing scope, with no `Arc` and no `static` bound',
    features: '- A `scope` function for async tasks',
    owners: ['marcus'],
    state: 'paused',
    milestones: [
      { key: 'scoped-soundness', title: 'Soundness study', state: 'done', participants: ['marcus'] },
      {
        key: 'scoped-prototype',
        title: 'Library prototype',
        state: 'paused',
        participants: ['marcus'],
        dependsOn: ['scoped-soundness'],
      },
    ],
  },
  {
    key: 'cancellation',
    goal: 'scoped',
    title: 'Cancellation semantics',
    impact: '- Know exactly what happens to a task, and its resources, when it is cancelled',
    features: '- Documented cancellation points\n- Cancellation-safe standard library APIs',
    owners: [],
    state: 'paused',
    dependsOn: ['scopedSpawn'],
    manualProgress: 15,
    milestones: [
      {
        key: 'cancel-hazards',
        title: 'Write-up of cancellation hazards',
        state: 'done',
        participants: ['lena'],
      },
      {
        key: 'cancel-proposal',
        title: 'Design proposal',
        state: 'help wanted',
        participants: [],
        dependsOn: ['cancel-hazards'],
      },
    ],
  },
];

/** A new sprint goal. `initiative` and `milestone` are keys; the goal follows from them. */
interface NewSprintGoal {
  key?: string;
  title: string;
  owner: PersonKey;
  goal: GoalKey;
  initiative?: string;
  milestone?: string;
  definitionOfDone: string;
  estimate: number;
}

/** The carry-over of the previous sprint's sprint goal with this key. */
interface CarriedSprintGoal {
  key?: string;
  from: string;
}

/** Past sprints' goals get an outcome at their retrospective; the active sprint's have none yet. */
type Reviewed = { outcome: Outcome; note: string };
export type SprintGoalData = (NewSprintGoal | CarriedSprintGoal) & Partial<Reviewed>;

export interface SprintData {
  /** Days each owner has for the sprint. */
  capacity: Partial<Record<PersonKey, number>>;
  goals: SprintGoalData[];
  /** The sprint's meeting (past sprints only): who came, minutes per step, the retrospective. */
  meeting?: {
    present: PersonKey[];
    minutes: [retrospective: number, polish: number, plan: number, wrapUp: number];
    notes: { column: RetroColumn; text: string; votes: number }[];
    /** `done`: the sprint during which it was done; absent while still open. */
    actions: { text: string; owner: PersonKey; done?: number }[];
  };
}

export const SPRINTS: SprintData[] = [
  // Sprint 1
  {
    capacity: { dana: 6, kenji: 6, priya: 7, lena: 6, tomas: 5, marcus: 5 },
    goals: [
      {
        title: 'Put the async closures RFC into final comment period',
        owner: 'dana',
        goal: 'asyncFn',
        milestone: 'closures-rfc',
        definitionOfDone: 'The RFC is in FCP with a disposition to merge.',
        estimate: 3,
        outcome: 'done',
        note: 'FCP started on day 6; no blocking concerns so far.',
      },
      {
        key: 'traits-prototype',
        title: 'Land the async fn in traits prototype behind a feature flag',
        owner: 'kenji',
        goal: 'asyncFn',
        milestone: 'traits-prototype',
        definitionOfDone: 'The feature flag works on nightly for the examples of the design document.',
        estimate: 5,
        outcome: 'partial',
        note: 'Desugaring merged; the object-safety check is still in review.',
      },
      {
        title: 'Write the async iterator trait design document',
        owner: 'priya',
        goal: 'iteration',
        milestone: 'iter-design',
        definitionOfDone: 'Design document reviewed by two goal owners and published on the initiative site.',
        estimate: 4,
        outcome: 'done',
        note: 'Published; good discussion on the poll_next vs async fn next question.',
      },
      {
        title: 'Instrument spawn, poll and wake events in the runtime',
        owner: 'lena',
        goal: 'tooling',
        milestone: 'console-instrumentation',
        definitionOfDone: 'Events are emitted behind a cargo feature and documented.',
        estimate: 5,
        outcome: 'done',
        note: 'Merged; overhead below 2% in the benchmark suite.',
      },
      {
        title: 'Draft chapters 4 and 5 of the async book',
        owner: 'tomas',
        goal: 'vision',
        milestone: 'book-chapters',
        definitionOfDone: 'Both chapters are in a pull request with runnable examples.',
        estimate: 4,
        outcome: 'done',
        note: 'PR open; reviews welcome.',
      },
      {
        key: 'backtraces',
        title: 'First working build of async backtraces in the debugger',
        owner: 'marcus',
        goal: 'tooling',
        milestone: 'crash-backtraces',
        definitionOfDone: 'A backtrace of a suspended task prints in the debugger on Linux.',
        estimate: 4,
        outcome: 'missed',
        note: 'Blocked on a debugger API change upstream; their release is due next week.',
      },
    ],
    meeting: {
      present: ['dana', 'tomas', 'priya', 'kenji', 'lena', 'marcus', 'sofia'],
      minutes: [26, 11, 19, 4],
      notes: [
        {
          column: 'went well',
          text: 'A definition of done on every sprint goal made the review quick',
          votes: 3,
        },
        {
          column: 'to improve',
          text: 'The meeting ran 15 minutes over; the retro needs a timebox',
          votes: 4,
        },
        { column: 'ideas', text: 'Keep one shared list of small polish issues anyone can pick up', votes: 5 },
        { column: 'kudos', text: 'Tomás reviewed twelve book pull requests from newcomers', votes: 2 },
      ],
      actions: [
        { text: 'Set a 20-minute timebox for the retrospective', owner: 'dana', done: 2 },
        { text: 'Label good first polish issues in the tracker', owner: 'lena', done: 3 },
      ],
    },
  },
  // Sprint 2
  {
    capacity: { dana: 6, kenji: 6, priya: 7, lena: 6, tomas: 5, marcus: 5 },
    goals: [
      { from: 'traits-prototype', outcome: 'done', note: 'Object-safety check merged; usable on nightly.' },
      {
        from: 'backtraces',
        outcome: 'done',
        note: 'The upstream release landed; backtraces work with the default runtime.',
      },
      {
        title: 'Answer the FCP feedback and merge the async closures RFC',
        owner: 'dana',
        goal: 'asyncFn',
        milestone: 'closures-rfc',
        definitionOfDone: 'The RFC is merged and the tracking issue is open.',
        estimate: 2,
        outcome: 'done',
        note: 'Merged; tracking issue ferrite-lang/ferrite#48290.',
      },
      {
        title: 'Write the implementation plan for async closures',
        owner: 'dana',
        goal: 'asyncFn',
        initiative: 'closures',
        definitionOfDone: 'The plan lists the compiler changes with a reviewer for each.',
        estimate: 3,
        outcome: 'done',
        note: 'Plan posted on the tracking issue.',
      },
      {
        key: 'iter-nightly',
        title: 'Implement the async iterator trait on nightly',
        owner: 'priya',
        goal: 'iteration',
        milestone: 'iter-nightly',
        definitionOfDone: 'The trait and `for await` loops work on nightly behind a feature flag.',
        estimate: 6,
        outcome: 'partial',
        note: 'Trait and desugaring are in; `for await` loops still missing.',
      },
      {
        title: 'First console TUI: the task list view',
        owner: 'lena',
        goal: 'tooling',
        milestone: 'console-tui',
        definitionOfDone: 'The console lists live tasks with their state and poll times.',
        estimate: 5,
        outcome: 'done',
        note: 'Released as 0.1 to early testers.',
      },
      {
        title: 'Survey confusing async error messages',
        owner: 'tomas',
        goal: 'tooling',
        milestone: 'diag-survey',
        definitionOfDone: 'The top ten confusing errors, ranked, with an example each.',
        estimate: 3,
        outcome: 'done',
        note: '57 answers; missing `Send` bounds are number one by far.',
      },
    ],
    meeting: {
      present: ['dana', 'tomas', 'priya', 'lena', 'marcus'],
      minutes: [19, 8, 21, 5],
      notes: [
        { column: 'went well', text: 'Both carried-over goals were finished', votes: 2 },
        { column: 'to improve', text: 'The polish queue grew faster than we closed it', votes: 3 },
        { column: 'ideas', text: 'Rotate who drives the meeting', votes: 4 },
        {
          column: 'ideas',
          text: 'The meeting is at midnight for Kenji; post async updates in the channel',
          votes: 2,
        },
        { column: 'kudos', text: 'Marcus chased the upstream debugger release until it shipped', votes: 3 },
      ],
      actions: [
        { text: 'Publish a rota of meeting drivers', owner: 'priya', done: 3 },
        { text: 'Triage the polish queue before each meeting', owner: 'tomas' },
      ],
    },
  },
  // Sprint 3
  {
    capacity: { dana: 6, kenji: 5, priya: 8, lena: 5, tomas: 5, marcus: 5 },
    goals: [
      {
        from: 'iter-nightly',
        outcome: 'done',
        note: '`for await` landed; the feature is complete on nightly.',
      },
      {
        title: 'Run the generator syntax survey',
        owner: 'priya',
        goal: 'iteration',
        milestone: 'gen-survey',
        definitionOfDone: 'Survey closed and results summarised on the initiative page.',
        estimate: 2,
        outcome: 'done',
        note: '240 answers; `gen` blocks are the clear favourite.',
      },
      {
        key: 'closures-lowering',
        title: 'Async closures: parsing and lowering',
        owner: 'dana',
        goal: 'asyncFn',
        milestone: 'closures-impl',
        definitionOfDone: 'Async closures parse and lower to the new closure kinds; UI tests pass.',
        estimate: 5,
        outcome: 'partial',
        note: 'Parsing merged; lowering waits for a review of the capture analysis.',
      },
      {
        title: 'Draft the lang team sign-off proposal for async fn in traits',
        owner: 'kenji',
        goal: 'asyncFn',
        milestone: 'traits-signoff',
        definitionOfDone: 'Proposal sent to the lang team with the open questions listed.',
        estimate: 3,
        outcome: 'done',
        note: 'Sent; on the agenda of the next design meeting.',
      },
      {
        title: 'Console: filter and search tasks',
        owner: 'lena',
        goal: 'tooling',
        milestone: 'console-tui',
        definitionOfDone: 'Tasks can be filtered by name, state and location.',
        estimate: 3,
        outcome: 'done',
        note: 'Shipped in 0.2.',
      },
      {
        title: "Write the console's getting-started guide",
        owner: 'lena',
        goal: 'tooling',
        initiative: 'console',
        definitionOfDone: 'A newcomer can attach the console to an app by following the guide.',
        estimate: 2,
        outcome: 'done',
        note: 'Tested with two people from the community.',
      },
      {
        title: 'Publish the async book (chapters 1–5)',
        owner: 'tomas',
        goal: 'vision',
        milestone: 'book-published',
        definitionOfDone: 'The book is live on the website and announced.',
        estimate: 3,
        outcome: 'done',
        note: 'Live, and announced on the blog. 🎉',
      },
      {
        title: 'Read task state from a core dump',
        owner: 'marcus',
        goal: 'tooling',
        milestone: 'crash-coredump',
        definitionOfDone: 'The debugger lists the tasks of a core dump with their state.',
        estimate: 5,
        outcome: 'partial',
        note: 'Works for the single-threaded runtime only; multi-threaded will be its own goal.',
      },
    ],
    meeting: {
      present: ['dana', 'tomas', 'priya', 'kenji', 'lena', 'marcus', 'sofia'],
      minutes: [20, 9, 17, 4],
      notes: [
        { column: 'went well', text: 'The async book is published!', votes: 6 },
        { column: 'went well', text: 'The meeting-driver rota worked: Priya drove, on time', votes: 2 },
        { column: 'to improve', text: 'Two goals waited on the same reviewer', votes: 3 },
        { column: 'ideas', text: 'Note what a sprint goal is blocked on in its outcome note', votes: 1 },
        { column: 'kudos', text: 'Priya ran a great survey: 240 answers', votes: 4 },
      ],
      actions: [
        { text: 'Ask the compiler team for a second reviewer for lowering PRs', owner: 'dana', done: 4 },
        { text: 'Write a blog post about the async book', owner: 'tomas', done: 4 },
      ],
    },
  },
  // Sprint 4
  {
    capacity: { dana: 6, kenji: 6, priya: 7, lena: 6, tomas: 6, marcus: 3 },
    goals: [
      { from: 'closures-lowering', outcome: 'done', note: 'Lowering merged, thanks to the second reviewer.' },
      {
        title: 'Respond to the sign-off review of async fn in traits',
        owner: 'kenji',
        goal: 'asyncFn',
        milestone: 'traits-signoff',
        definitionOfDone: 'Every review comment has an answer in the proposal.',
        estimate: 3,
        outcome: 'dropped',
        note: 'The lang team moved the review to a later design meeting; nothing to answer yet.',
      },
      {
        title: 'Port the HTTP middleware crate to async fn in traits',
        owner: 'kenji',
        goal: 'asyncFn',
        initiative: 'traits',
        definitionOfDone: 'The port compiles on nightly and the report lists what was awkward.',
        estimate: 3,
        outcome: 'done',
        note: 'Two papercuts found and filed as polish issues.',
      },
      {
        key: 'iter-eval',
        title: 'Evaluate the async iterator on five ecosystem crates',
        owner: 'priya',
        goal: 'iteration',
        milestone: 'iter-eval',
        definitionOfDone: 'Five crates ported, with a write-up of what broke.',
        estimate: 5,
        outcome: 'partial',
        note: 'Three of five ported; two are blocked on a trait-solver bug.',
      },
      {
        key: 'replay-format',
        title: "Define the console's recording file format",
        owner: 'lena',
        goal: 'tooling',
        milestone: 'console-replay',
        definitionOfDone: 'The format is documented and both runtimes can write it.',
        estimate: 4,
        outcome: 'partial',
        note: 'Format drafted; the replay tool disagrees with the runtimes on timestamps.',
      },
      {
        title: 'First improved error for a future that is not `Send`',
        owner: 'tomas',
        goal: 'tooling',
        milestone: 'diag-send',
        definitionOfDone: 'The error names the variable held across the `.await`.',
        estimate: 4,
        outcome: 'done',
        note: 'Merged; the survey example now gets a clear error.',
      },
      {
        title: 'Suggest a missing `.await` in more positions',
        owner: 'tomas',
        goal: 'tooling',
        milestone: 'diag-await',
        definitionOfDone: 'Method calls and field accesses on a future suggest `.await`.',
        estimate: 2,
        outcome: 'done',
        note: 'Merged with UI tests.',
      },
      {
        key: 'coredump-mt',
        title: 'Core dumps from multi-threaded runtimes',
        owner: 'marcus',
        goal: 'tooling',
        milestone: 'crash-coredump',
        definitionOfDone: 'Task state reads correctly from a dump of the work-stealing runtime.',
        estimate: 4,
        outcome: 'missed',
        note: 'On call at work all sprint; it did not fit in three days.',
      },
    ],
    meeting: {
      present: ['dana', 'tomas', 'priya', 'kenji', 'lena'],
      minutes: [22, 10, 18, 3],
      notes: [
        { column: 'went well', text: 'The second reviewer unblocked lowering in two days', votes: 3 },
        {
          column: 'to improve',
          text: 'On-call weeks should lower capacity when we plan, not after',
          votes: 5,
        },
        { column: 'to improve', text: 'A goal over capacity went in without anyone noticing', votes: 2 },
        { column: 'ideas', text: 'A monthly update for stakeholders', votes: 4 },
        { column: 'kudos', text: "Lena's format draft is super clear", votes: 2 },
      ],
      actions: [
        { text: 'Draft the first monthly stakeholder update', owner: 'dana' },
        { text: 'Add on-call weeks to the capacity sheet', owner: 'marcus', done: 5 },
      ],
    },
  },
  // Sprint 5
  {
    capacity: { dana: 5, kenji: 6, priya: 8, lena: 4, tomas: 5, marcus: 6 },
    goals: [
      { from: 'iter-eval', outcome: 'done', note: 'All five ported; the trait-solver fix landed upstream.' },
      {
        key: 'replay-format',
        from: 'replay-format',
        outcome: 'missed',
        note: 'Paused for the conference talk; picking it up with Marcus next sprint.',
      },
      { from: 'coredump-mt', outcome: 'done', note: 'Works with both major runtimes.' },
      {
        title: 'Start the precise captures prototype',
        owner: 'priya',
        goal: 'iteration',
        milestone: 'gen-captures',
        definitionOfDone: 'A branch where `gen` blocks capture only what they use.',
        estimate: 3,
        outcome: 'done',
        note: 'Branch up; simple generators work.',
      },
      {
        key: 'closures-borrowck',
        title: 'Async closures: borrow checking of captured state',
        owner: 'dana',
        goal: 'asyncFn',
        milestone: 'closures-impl',
        definitionOfDone: 'The borrow checker handles captures by reference; the test suite passes.',
        estimate: 5,
        outcome: 'partial',
        note: 'Most tests pass; one soundness question is open with the types team.',
      },
      {
        title: "Answer the lang team's questions on async fn in traits",
        owner: 'kenji',
        goal: 'asyncFn',
        milestone: 'traits-signoff',
        definitionOfDone: 'Written answers to every question, linked from the proposal.',
        estimate: 3,
        outcome: 'done',
        note: 'Answered; sign-off meeting scheduled.',
      },
      {
        title: 'Design the lint for blocking calls in async code',
        owner: 'tomas',
        goal: 'tooling',
        milestone: 'diag-blocking',
        definitionOfDone: 'A design note with the list of calls the lint catches.',
        estimate: 2,
        outcome: 'dropped',
        note: 'Deprioritised: the survey says non-`Send` errors matter more.',
      },
      {
        title: 'Point at the value held across `.await` in non-`Send` errors',
        owner: 'tomas',
        goal: 'tooling',
        milestone: 'diag-send',
        definitionOfDone: 'The error shows where the value is created and where it is dropped.',
        estimate: 3,
        outcome: 'done',
        note: 'Merged.',
      },
    ],
    meeting: {
      present: ['dana', 'tomas', 'priya', 'lena', 'marcus', 'wei'],
      minutes: [18, 12, 22, 4],
      notes: [
        {
          column: 'went well',
          text: 'Every goal carried over from sprint 4 is done or has a plan',
          votes: 3,
        },
        {
          column: 'to improve',
          text: 'Three of us were at the conference; plan lighter sprints around events',
          votes: 4,
        },
        {
          column: 'ideas',
          text: 'Pair on the replay timestamps instead of going back and forth in issues',
          votes: 3,
        },
        { column: 'kudos', text: "Kenji's answers unblocked the lang team review", votes: 3 },
      ],
      actions: [
        { text: 'Pair with Lena on replay timestamps', owner: 'marcus', done: 6 },
        { text: 'Put conference dates in the team calendar', owner: 'priya' },
      ],
    },
  },
  // Sprint 6
  {
    capacity: { dana: 6, kenji: 4, priya: 7, lena: 7, tomas: 5, marcus: 5 },
    goals: [
      {
        from: 'replay-format',
        outcome: 'done',
        note: 'Format v1 agreed; replay reads recordings from both runtimes.',
      },
      { from: 'closures-borrowck', outcome: 'done', note: 'The types team answered the soundness question.' },
      {
        title: 'Replay: load a recording into the console',
        owner: 'lena',
        goal: 'tooling',
        milestone: 'console-replay',
        definitionOfDone: 'The console opens a recording and shows its tasks.',
        estimate: 3,
        outcome: 'partial',
        note: 'Loads small recordings; large ones run out of memory.',
      },
      {
        key: 'traits-meeting',
        title: 'Present async fn in traits at the lang team design meeting',
        owner: 'kenji',
        goal: 'asyncFn',
        milestone: 'traits-signoff',
        definitionOfDone: 'Presented, and the sign-off decision is recorded.',
        estimate: 2,
        outcome: 'partial',
        note: 'Presented; sign-off pending two follow-up questions.',
      },
      {
        title: 'Precise captures: generators that borrow',
        owner: 'priya',
        goal: 'iteration',
        milestone: 'gen-captures',
        definitionOfDone: 'Generators that borrow from their arguments compile and pass the tests.',
        estimate: 5,
        outcome: 'done',
        note: 'Done, with a test for every case of the design document.',
      },
      {
        title: 'Outline the async iterator stabilization report',
        owner: 'priya',
        goal: 'iteration',
        milestone: 'iter-stabilization',
        definitionOfDone: 'Outline reviewed by Kenji.',
        estimate: 2,
        outcome: 'done',
        note: 'Reviewed.',
      },
      {
        title: 'Write the migration chapter for async closures',
        owner: 'tomas',
        goal: 'asyncFn',
        initiative: 'closures',
        definitionOfDone: 'Chapter merged into the async book.',
        estimate: 3,
        outcome: 'done',
        note: 'Merged; Dana reviewed.',
      },
      {
        title: 'Quick fix in the IDE for non-`Send` futures',
        owner: 'tomas',
        goal: 'tooling',
        milestone: 'diag-send',
        definitionOfDone: 'The IDE offers the fix suggested by the compiler.',
        estimate: 2,
        outcome: 'missed',
        note: "Waiting for the IDE team's code action API.",
      },
      {
        title: 'Package a preview of the debugger extension',
        owner: 'marcus',
        goal: 'tooling',
        milestone: 'crash-extension',
        definitionOfDone: 'A preview build is downloadable from the releases page.',
        estimate: 4,
        outcome: 'missed',
        note: 'Packaging needs signing keys nobody on the team has. Milestone paused until then.',
      },
    ],
    meeting: {
      present: ['dana', 'tomas', 'priya', 'kenji', 'lena', 'marcus', 'sofia'],
      minutes: [21, 9, 20, 5],
      notes: [
        { column: 'went well', text: 'The recording format finally landed after two rollovers', votes: 5 },
        { column: 'went well', text: 'Pairing fixed the timestamp question in one afternoon', votes: 3 },
        { column: 'to improve', text: 'Nobody owns release infrastructure (signing keys)', votes: 4 },
        { column: 'ideas', text: 'Ask the infrastructure team to own signing for all our tools', votes: 2 },
        { column: 'kudos', text: 'Thanks Wei for the runtime API survey', votes: 3 },
      ],
      actions: [
        { text: 'Ask the infrastructure team about signing keys', owner: 'marcus' },
        { text: 'Update the public roadmap page before the blog post', owner: 'dana', done: 7 },
      ],
    },
  },
  // Sprint 7: the active sprint, planned at sprint 6's meeting.
  {
    capacity: { dana: 6, kenji: 6, priya: 8, lena: 6, tomas: 5, marcus: 4 },
    goals: [
      { from: 'traits-meeting' },
      {
        title: 'Port a second crate to async fn in traits',
        owner: 'kenji',
        goal: 'asyncFn',
        initiative: 'traits',
        definitionOfDone: 'The database driver compiles on nightly; report added to the initiative page.',
        estimate: 3,
      },
      {
        title: 'Async closures: finish the remaining borrow-check tests',
        owner: 'dana',
        goal: 'asyncFn',
        milestone: 'closures-impl',
        definitionOfDone: 'All async closure UI tests pass; the feature is complete on nightly.',
        estimate: 4,
      },
      {
        title: 'Write the async iterator stabilization report',
        owner: 'priya',
        goal: 'iteration',
        milestone: 'iter-stabilization',
        definitionOfDone: 'Report posted on the tracking issue, with the FCP proposal.',
        estimate: 5,
      },
      {
        title: 'Precise captures: self-referential state',
        owner: 'priya',
        goal: 'iteration',
        milestone: 'gen-captures',
        definitionOfDone: 'Generators that hold a borrow across `yield` compile.',
        estimate: 3,
      },
      {
        title: 'Replay: step through a recording in the console',
        owner: 'lena',
        goal: 'tooling',
        milestone: 'console-replay',
        definitionOfDone: 'Step forward and back through a recording, large ones included.',
        estimate: 5,
      },
      {
        title: 'Quick fix in the IDE for non-`Send` futures',
        owner: 'tomas',
        goal: 'tooling',
        milestone: 'diag-send',
        definitionOfDone: 'The IDE offers the fix suggested by the compiler.',
        estimate: 3,
      },
      {
        // Not well-defined yet: the meeting's plan step points this out.
        title: "Write up the debugger extension's release blockers",
        owner: 'marcus',
        goal: 'tooling',
        milestone: 'crash-extension',
        definitionOfDone: '',
        estimate: 2,
      },
    ],
  },
];

export interface PolishData {
  title: string;
  link: string;
  goal?: GoalKey;
  assignee?: PersonKey;
  size: PolishSize;
  /** The sprint during which it was filed. */
  created: number;
  /** Planned for this sprint at the previous sprint's meeting. */
  planned?: number;
  done?: number;
  wontFix?: number;
  /** Still open work, in the active sprint. */
  inProgress?: true;
}

export const POLISH: PolishData[] = [
  {
    title: "Typo in the async book's chapter on pinning",
    link: 'ferrite-lang/async-book#112',
    goal: 'vision',
    assignee: 'tomas',
    size: 'S',
    created: 1,
    done: 1,
  },
  {
    title: '`async fn` in a trait: error mentions the desugared name',
    link: 'ferrite-lang/ferrite#48213',
    goal: 'asyncFn',
    assignee: 'kenji',
    size: 'M',
    created: 1,
    done: 1,
  },
  {
    title: 'Console crashes when a task name contains a tab',
    link: 'ferrite-lang/task-console#37',
    goal: 'tooling',
    assignee: 'lena',
    size: 'S',
    created: 1,
    done: 1,
  },
  {
    title: 'Document the fairness of `select!` in the runtime guide',
    link: 'ferrite-lang/async-book#118',
    goal: 'vision',
    assignee: 'tomas',
    size: 'M',
    created: 1,
    planned: 2,
    done: 2,
  },
  {
    title: 'Unhelpful span for `.await` outside an async context',
    link: 'ferrite-lang/ferrite#48302',
    goal: 'tooling',
    assignee: 'tomas',
    size: 'S',
    created: 2,
    done: 2,
  },
  {
    title: 'Iterator adapters lose `Send` in generic code',
    link: 'https://github.com/ferrite-lang/ferrite/issues/48355',
    goal: 'iteration',
    assignee: 'priya',
    size: 'M',
    created: 1,
    planned: 2,
    done: 2,
  },
  {
    title: 'Broken link to the executor chapter',
    link: 'ferrite-lang/async-book#121',
    goal: 'vision',
    assignee: 'dana',
    size: 'S',
    created: 2,
    done: 2,
  },
  {
    title: 'Console: sort tasks by time spent polling',
    link: 'ferrite-lang/task-console#41',
    goal: 'tooling',
    assignee: 'lena',
    size: 'M',
    created: 2,
    planned: 3,
    done: 3,
  },
  {
    title: 'Suggest `Box::pin` when recursion makes a future infinitely sized',
    link: 'ferrite-lang/ferrite#48410',
    goal: 'tooling',
    assignee: 'tomas',
    size: 'M',
    created: 2,
    done: 3,
  },
  {
    title: 'Async closures: ICE on a closure returning `impl Future`',
    link: 'ferrite-lang/ferrite#48466',
    goal: 'asyncFn',
    assignee: 'dana',
    size: 'M',
    created: 3,
    done: 3,
  },
  {
    title: 'Rename `Stream::next_item` in the docs',
    link: 'ferrite-lang/ferrite#48470',
    goal: 'iteration',
    assignee: 'priya',
    size: 'S',
    created: 2,
    wontFix: 3,
  },
  {
    title: 'Runtime guide still shows the old spawn API',
    link: 'ferrite-lang/async-book#126',
    goal: 'portability',
    assignee: 'wei',
    size: 'S',
    created: 3,
    done: 4,
  },
  {
    title: '`for await` desugaring shows up in error messages',
    link: 'ferrite-lang/ferrite#48531',
    goal: 'iteration',
    assignee: 'priya',
    size: 'M',
    created: 3,
    planned: 4,
    done: 4,
  },
  {
    title: 'Debugger pretty-printer for `JoinHandle`',
    link: 'https://github.com/ferrite-lang/ferrite-gdb/issues/19',
    goal: 'tooling',
    assignee: 'lena',
    size: 'S',
    created: 3,
    done: 4,
  },
  {
    title: 'Error for an async fn in a trait object: link the explainer',
    link: 'ferrite-lang/ferrite#48560',
    goal: 'asyncFn',
    assignee: 'kenji',
    size: 'S',
    created: 4,
    done: 4,
  },
  {
    title: 'Console: colour-blind friendly task state colours',
    link: 'ferrite-lang/task-console#52',
    goal: 'tooling',
    assignee: 'lena',
    size: 'S',
    created: 4,
    planned: 5,
    done: 5,
  },
  {
    title: 'Warn on `thread::sleep` in an async fn',
    link: 'ferrite-lang/ferrite#48601',
    goal: 'tooling',
    assignee: 'tomas',
    size: 'L',
    created: 4,
    wontFix: 5,
  },
  {
    title: 'Clarify the lifetime error for borrowed async closure captures',
    link: 'ferrite-lang/ferrite#48622',
    goal: 'asyncFn',
    assignee: 'dana',
    size: 'M',
    created: 4,
    done: 5,
  },
  {
    title: 'Async iterator: `size_hint` is missing from the docs',
    link: 'ferrite-lang/ferrite#48640',
    goal: 'iteration',
    assignee: 'priya',
    size: 'S',
    created: 5,
    done: 5,
  },
  {
    title: 'Async book: an index of the examples',
    link: 'ferrite-lang/async-book#133',
    goal: 'vision',
    assignee: 'tomas',
    size: 'M',
    created: 5,
    planned: 6,
    done: 6,
  },
  {
    title: 'Cancellation hazards write-up: fix the code sample',
    link: 'https://github.com/ferrite-lang/async-vision/issues/88',
    goal: 'scoped',
    assignee: 'lena',
    size: 'S',
    created: 5,
    done: 6,
  },
  {
    title: '`async fn` in a trait: suggest a `Send` bound on the returned future',
    link: 'ferrite-lang/ferrite#48702',
    goal: 'asyncFn',
    assignee: 'kenji',
    size: 'M',
    created: 5,
    planned: 6,
    done: 6,
  },
  {
    title: 'Flaky test in the timer wheel',
    link: 'ferrite-lang/ferrite#48713',
    goal: 'portability',
    assignee: 'kenji',
    size: 'S',
    created: 6,
    done: 6,
  },
  {
    title: 'Missing `Unpin` error points at the wrong line',
    link: 'ferrite-lang/ferrite#48730',
    goal: 'iteration',
    assignee: 'priya',
    size: 'M',
    created: 5,
    wontFix: 6,
  },
  {
    title: 'Console: a help overlay for keyboard shortcuts',
    link: 'ferrite-lang/task-console#58',
    goal: 'tooling',
    assignee: 'lena',
    size: 'S',
    created: 6,
    planned: 7,
    inProgress: true,
  },
  {
    title: 'Async closures: diagnostics for a misplaced `move`',
    link: 'ferrite-lang/ferrite#48791',
    goal: 'asyncFn',
    assignee: 'dana',
    size: 'M',
    created: 6,
    planned: 7,
  },
  {
    title: 'Async book: the async iteration chapter is out of date',
    link: 'ferrite-lang/async-book#140',
    goal: 'iteration',
    assignee: 'priya',
    size: 'M',
    created: 6,
    planned: 7,
  },
  {
    title: 'Runtime-agnostic spawn in the book examples',
    link: 'ferrite-lang/async-book#141',
    goal: 'portability',
    size: 'M',
    created: 6,
  },
  {
    title: '`.await` in a non-async closure suggests the wrong fix',
    link: 'ferrite-lang/ferrite#48820',
    goal: 'tooling',
    assignee: 'tomas',
    size: 'S',
    created: 6,
    planned: 7,
    inProgress: true,
  },
  {
    title: 'Document the drop order of futures in `join!`',
    link: 'ferrite-lang/ferrite#48833',
    goal: 'scoped',
    size: 'L',
    created: 7,
  },
  {
    title: 'Console: export the task list as CSV',
    link: 'ferrite-lang/task-console#61',
    goal: 'tooling',
    size: 'S',
    created: 7,
  },
  {
    title: 'Clarify the `Send` requirements in the spawn docs',
    link: 'https://github.com/ferrite-lang/ferrite/issues/48850',
    assignee: 'kenji',
    size: 'S',
    created: 7,
  },
];
