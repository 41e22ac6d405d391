/**
 * Working together on two machines: two browser-mode instances, each on its own workspace, sync
 * through one shared folder (driven through the API with each one's token). Owner Priya prepares
 * in My sprint on her instance; the facilitator, Bo, runs the meeting on his.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectApi, expect, heading, startServer, stopServer, test } from './fixtures.ts';
import { row, stepHeading } from './meeting-helpers.ts';
import { axe } from './a11y.ts';

const SYNCED = { timeout: 30_000 };
const BY_PRIYA = 'Entered beforehand by Priya Raman';

test('an owner prepares in My sprint; the meeting on another machine shows it, takes new arrivals and leads the step', async ({
  page,
  app,
  api,
  browser,
}) => {
  test.setTimeout(240_000);
  const folder = mkdtempSync(join(tmpdir(), 'fortnight-e2e-folder-'));
  const facilitatorServer = await startServer();
  const facilitator = await connectApi(facilitatorServer);
  const facilitatorContext = await browser.newContext();
  try {
    // Priya's workspace, then Bo's installation joins it through the folder.
    const priya = await api('people.create', { name: 'Priya Raman', roles: ['goal owner'] });
    const bo = await api('people.create', { name: 'Bo Chen', roles: ['goal owner'] });
    const goal = await api('goals.create', { title: 'Faster builds', ownerIds: [priya.id] });
    await api('initiatives.create', {
      goalId: goal.id,
      title: 'Incremental cache',
      ownerIds: [priya.id],
      state: 'in progress',
    });
    const startDate = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const sprint = await api('sprints.createNext', { startDate });
    for (const [title, ownerId] of [
      ['Cache hits', priya.id],
      ['Docs', priya.id],
      ['Release notes', bo.id],
    ] as const) {
      await api('sprintGoals.create', { sprintId: sprint.id, title, ownerId });
    }
    const syncBoth = async () => {
      await api('sync.folder', { folder });
      await facilitator.call('sync.folder', { folder });
      await api('sync.folder', { folder });
    };
    await syncBoth();
    await facilitator.call('workspace.setMe', { personId: bo.id });

    // Priya, before the meeting: who she is, then her part.
    await app.open('#/my-sprint');
    await expect(heading(page)).toHaveText('My sprint');
    await page.getByLabel('This installation belongs to').selectOption({ label: 'Priya Raman' });
    await page.getByRole('button', { name: 'This is me' }).click();
    await page.getByLabel('Outcome of “Cache hits”').selectOption('done');
    await expect(page.getByRole('status').filter({ hasText: 'Saved: “Cache hits” is done.' })).toBeVisible();
    await page.getByLabel('Outcome of “Docs”').selectOption('partial');
    await expect(page.getByRole('status').filter({ hasText: 'Saved: “Docs” is partial.' })).toBeVisible();
    await expect(page.getByLabel('Outcome of “Release notes”')).toHaveCount(0); // Bo's
    await page.getByLabel('Column').selectOption('kudos');
    await page.getByLabel('New note').fill('Bo unblocked CI');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByLabel('Note “Bo unblocked CI” (Kudos)')).toHaveValue('Bo unblocked CI');
    await page.getByLabel('State of “Incremental cache”').selectOption('done');
    await expect(page.getByText('100% done')).toBeVisible();
    const { violations } = await axe(page).analyze();
    expect(violations).toEqual([]);

    // Both sync; Bo starts the meeting: the retrospective shows what Priya entered beforehand.
    await syncBoth();
    await facilitator.call('meeting.start', { sprintId: sprint.id });
    const boPage = await facilitatorContext.newPage();
    await boPage.goto(`${facilitatorServer.url}#/meeting`);
    await expect(stepHeading(boPage)).toHaveText(/^Retrospective/);
    const cacheHits = row(boPage, 'Cache hits');
    await expect(cacheHits).toHaveAttribute('data-outcome', 'done');
    await expect(cacheHits).toContainText(BY_PRIYA);
    await expect(row(boPage, 'Docs')).toContainText(BY_PRIYA);
    await expect(row(boPage, 'Release notes')).not.toContainText('Entered beforehand');
    await expect(row(boPage, 'Bo unblocked CI')).toContainText(BY_PRIYA);

    // A change synced in while the meeting is open shows without a reload.
    await api('retroNotes.create', { sprintId: sprint.id, column: 'ideas', text: 'Shorter standups' });
    await syncBoth();
    await facilitator.call('sync.folder', { folder });
    await expect(row(boPage, 'Shorter standups')).toBeVisible(SYNCED);
    // Entered once the meeting had started, on Priya's installation: at the meeting, not beforehand.
    await expect(row(boPage, 'Shorter standups')).toContainText('Entered at the meeting by Priya Raman');

    // Priya opens the meeting too; Bo moves it on, and her screen follows.
    await app.open('#/meeting');
    await expect(stepHeading(page)).toHaveText(/^Retrospective/);
    await boPage
      .getByRole('navigation', { name: 'Meeting steps' })
      .getByRole('button', { name: /Polish/ })
      .click();
    await expect(stepHeading(boPage)).toHaveText(/^Polish/);
    await facilitator.call('sync.folder', { folder });
    await api('sync.folder', { folder });
    await expect(stepHeading(page)).toHaveText(/^Polish/, SYNCED);
    await expect(
      page.getByRole('status').filter({ hasText: 'The facilitator moved to Polish.' }),
    ).toHaveCount(1);

    // Bo closes the meeting: once that syncs, Priya's screen shows it closed, not still running.
    const { meeting } = await facilitator.call('meeting.current', {});
    await facilitator.call('meeting.end', { id: meeting!.id });
    await facilitator.call('sync.folder', { folder });
    await api('sync.folder', { folder });
    await expect(
      page.getByRole('heading', { name: `The meeting of sprint ${sprint.number} is closed` }),
    ).toBeVisible(SYNCED);
  } finally {
    await facilitatorContext.close();
    await facilitator.dispose();
    await stopServer(facilitatorServer);
    rmSync(folder, { recursive: true, force: true });
  }
});
