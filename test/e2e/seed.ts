/** A small, known workspace that fills every screen, written through the API. */
import type { Api } from './fixtures.ts';

export async function seedWorkspace(api: Api): Promise<void> {
  const ada = await api('people.create', { name: 'Ada Lovelace', handle: 'ada', timeZone: 'Europe/London' });
  const grace = await api('people.create', {
    name: 'Grace Hopper',
    handle: 'grace',
    timeZone: 'America/New_York',
  });
  const linus = await api('people.create', {
    name: 'Linus Pauling',
    timeZone: 'Europe/Berlin',
    roles: ['stakeholder'],
  });

  const builds = await api('goals.create', {
    title: 'Faster builds',
    impact: '- Incremental builds finish in seconds\n- CI runs in half the time',
    howToHelp: 'Try the nightly cache and report slow crates.',
    state: 'in progress',
    ownerIds: [ada.id],
  });
  const errors = await api('goals.create', {
    title: 'Friendlier errors',
    impact: '- Every error says what to do next',
    state: 'help wanted',
    manualProgress: 20,
  });
  await api('goals.create', { title: 'Async everywhere', state: 'paused', ownerIds: [grace.id] });

  const cache = await api('initiatives.create', {
    goalId: builds.id,
    title: 'Incremental cache',
    state: 'done',
    ownerIds: [ada.id],
    link: 'https://example.org/cache',
  });
  await api('milestones.create', { initiativeId: cache.id, title: 'Design', state: 'done' });
  await api('initiatives.create', { goalId: builds.id, title: 'Remote execution', state: 'help wanted' });
  await api('initiatives.create', {
    goalId: errors.id,
    title: 'Error index',
    state: 'in progress',
    ownerIds: [grace.id],
    manualProgress: 50,
  });

  const first = await api('sprints.createNext', { startDate: '2025-03-03' });
  await api('sprints.createNext', {});
  if (first.status !== 'active') await api('sprints.activate', { id: first.id });
  await api('sprintGoals.create', {
    sprintId: first.id,
    title: 'Land the cache behind a flag',
    ownerId: ada.id,
    goalId: builds.id,
    definitionOfDone: 'Nightly builds use the cache',
    estimate: 4,
  });
  await api('sprintGoals.create', {
    sprintId: first.id,
    title: 'Draft the error style guide',
    ownerId: grace.id,
  });

  await api('polish.create', {
    title: 'Typo in the install guide',
    link: 'https://example.org/issues/12',
    size: 'S',
  });
  await api('polish.create', {
    title: 'Flaky test on Windows',
    status: 'in progress',
    assigneeId: linus.id,
    size: 'M',
  });
  await api('polish.create', {
    title: 'Slow startup with many goals',
    status: 'done',
    assigneeId: ada.id,
    goalId: builds.id,
  });
  await api('polish.create', { title: 'Support Internet Explorer', status: "won't fix" });
}

/** Seeds the file's workspace once, so each test can also run alone (`-g`). */
export async function ensureSeeded(api: Api): Promise<void> {
  if ((await api('workspace.info', {})).isEmpty) await seedWorkspace(api);
}
