/**
 * The meeting can't lose work: every action is saved as it happens, a reload comes back to the
 * same step with everything entered, and undo takes back the last action and says which.
 */
import { expect, test } from './fixtures.ts';
import { meetingUnderWay, row, stepHeading } from './meeting-helpers.ts';

test('a reload in the middle of the retrospective resumes it with nothing lost', async ({
  page,
  app,
  api,
}) => {
  await meetingUnderWay(api);
  await app.open('#/meeting');
  await expect(stepHeading(page)).toHaveText('Retrospective of sprint 7');
  const goals = page.getByRole('region', { name: 'Sprint goals' });

  await row(goals, 'Replay: step through').focus();
  await page.keyboard.press('m');
  await page.keyboard.press('n');
  await page.keyboard.type('Large recordings still run out of memory');
  await page.keyboard.press('Enter');
  await page.getByLabel('New note: to improve').fill('The plan had no slack for reviews');
  await page.getByLabel('New note: to improve').press('Enter');
  const toImprove = page.getByRole('region', { name: /^To improve/ });
  await row(toImprove, 'no slack').focus();
  await page.keyboard.press('+');
  await expect(row(toImprove, 'no slack')).toContainText('1 vote');
  await page.getByLabel('New action item', { exact: true }).fill('Book review time in the plan');
  await page.getByLabel('New action item', { exact: true }).press('Enter');
  await expect(row(page.getByRole('region', { name: 'New action items' }), 'Book review time')).toBeVisible();

  await page.reload();
  await expect(stepHeading(page)).toHaveText('Retrospective of sprint 7');
  await expect(row(goals, 'Replay: step through').locator('[aria-pressed="true"]')).toHaveText(/Missed/);
  await expect(row(goals, 'Replay: step through')).toContainText('Large recordings still run out of memory');
  await expect(row(toImprove, 'no slack')).toContainText('1 vote');
  await expect(row(page.getByRole('region', { name: 'New action items' }), 'Book review time')).toBeVisible();

  // The step itself is kept too, and Alt+← doesn't take the browser back.
  await page.keyboard.press('2');
  await expect(stepHeading(page)).toHaveText('Polish issues');
  await page.reload();
  await expect(stepHeading(page)).toHaveText('Polish issues');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(stepHeading(page)).toHaveText('Retrospective of sprint 7');
  await expect(page).toHaveURL(/#\/meeting$/);
});

test('Ctrl+Z takes back the last note and says so; in a text field it is the field’s own undo', async ({
  page,
  app,
  api,
}) => {
  await meetingUnderWay(api);
  await app.open('#/meeting');
  await page.keyboard.press('1');
  await expect(stepHeading(page)).toHaveText('Retrospective of sprint 7');
  const ideas = page.getByRole('region', { name: /^Ideas/ });
  const input = page.getByLabel('New note: ideas');

  await input.fill('Rotate who drives the meeting');
  await input.press('Enter');
  await expect(row(ideas, 'Rotate who drives')).toBeVisible();

  // In the input, Ctrl+Z belongs to the input: the note stays.
  await input.pressSequentially('abc');
  await input.press('Control+z');
  await expect(row(ideas, 'Rotate who drives')).toBeVisible();
  await input.fill('');

  // On the note, it undoes the meeting's last action.
  await input.press('ArrowDown');
  await expect(row(ideas, 'Rotate who drives')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toHaveText(
    /Undone: note “Rotate who drives the meeting” in Ideas\./,
  );
  await expect(row(ideas, 'Rotate who drives')).toHaveCount(0);
  await expect(input).toBeFocused(); // the list is empty: focus goes to its input

  // The undo is saved like any action.
  await page.reload();
  await expect(row(page.getByRole('region', { name: /^Ideas/ }), 'Rotate who drives')).toHaveCount(0);

  // The Undo button does the same for the mouse: a vote, taken back.
  await input.fill('Demo the console at the next meeting');
  await input.press('Enter');
  await row(ideas, 'Demo the console')
    .getByRole('button', { name: /^\+1 for/ })
    .click();
  await expect(row(ideas, 'Demo the console')).toContainText('1 vote');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row(ideas, 'Demo the console')).toContainText('0 votes');
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toHaveText(
    /Undone: \+1 on “Demo the console/,
  );
});

test('a deleted note leaves the focus on the next one, and the keys edit a note in place', async ({
  page,
  app,
  api,
}) => {
  await meetingUnderWay(api);
  await app.open('#/meeting');
  await page.keyboard.press('1');
  const kudos = page.getByRole('region', { name: /^Kudos/ });
  const input = page.getByLabel('New note: kudos');
  for (const text of ['Thanks Lena for the replay demo', 'Thanks Kenji for triage', 'Thanks Priya']) {
    await input.fill(text);
    await input.press('Enter');
    await expect(row(kudos, text)).toBeVisible();
  }
  await input.press('ArrowDown');
  await page.keyboard.press('j');
  await page.keyboard.press('e');
  const edit = kudos.getByLabel('Edit the note');
  await expect(edit).toBeFocused();
  await edit.fill('Thanks Kenji for triaging the polish queue');
  await edit.press('Enter');
  await expect(row(kudos, 'Thanks Kenji for triaging the polish queue')).toBeFocused();

  await page.keyboard.press('Delete');
  await expect(row(kudos, 'Thanks Kenji')).toHaveCount(0);
  await expect(row(kudos, 'Thanks Priya')).toBeFocused();
  await expect(kudos.locator('[data-row]')).toHaveText([/Thanks Lena/, /Thanks Priya/]);
});

test('the countdown shows an overrun gently, says so politely, and stops nothing', async ({
  page,
  app,
  api,
}) => {
  await meetingUnderWay(api);
  await page.clock.install();
  await app.open('#/meeting');
  await page.keyboard.press('1');
  await page.getByText('Attendees and timeboxes').click();
  // The meeting started with this file's first test and the retrospective's time has run since:
  // a timebox far longer than any run, and the clock moved past it, show the overrun whatever
  // the machine's speed.
  await page.getByLabel('Retrospective', { exact: true }).fill('90');
  await page.getByLabel('Retrospective', { exact: true }).press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
    /Retrospective timebox 90 min/,
  );
  const timer = page.getByRole('timer');
  await expect(timer).toContainText('left of 90 min');

  await page.clock.fastForward('01:31:00');
  await expect(timer).toContainText('over the 90 min');
  await expect(page.getByText('The retrospective is over its timebox.')).toBeAttached();

  // Nothing is blocked: an outcome still goes in.
  const goal = row(page.getByRole('region', { name: 'Sprint goals' }), 'Async closures: finish');
  await goal.focus();
  await page.keyboard.press('p');
  await expect(goal.locator('[aria-pressed="true"]')).toHaveText(/Partial/);
});

test('a refused action says why in an alert and changes nothing', async ({ page, app, api }) => {
  await meetingUnderWay(api);
  await app.open('#/meeting');
  await page.keyboard.press('2');
  const issue = row(page.getByRole('region', { name: /^Open/ }), 'Console: a help overlay');
  await issue.focus();
  await page.keyboard.press('r');
  const assignee = issue.getByRole('combobox');
  await expect(assignee).toBeFocused();
  await assignee.selectOption({ label: 'Unassigned' });
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText('assignee');
  await expect(assignee).toHaveValue(/.+/); // still Lena's
  await expect(issue).toBeFocused();
});

test('a timebox that is not whole minutes in range is refused at its field, and changes nothing', async ({
  page,
  app,
  api,
}) => {
  await meetingUnderWay(api);
  const sprintId = (await api('workspace.info', {})).activeSprintId!;
  const timebox = async () => (await api('meeting.get', { sprintId }))!.timeboxes.polish;
  const before = await timebox();
  await app.open('#/meeting');
  await page.getByText('Attendees and timeboxes').click();
  const field = page.getByLabel('Polish', { exact: true });
  for (const typed of ['-5', '99999', '2.5']) {
    await field.fill(typed);
    await field.press('Tab');
    await expect(page.getByRole('alert').filter({ hasText: 'Polish:' })).toHaveText(
      'Polish: whole minutes from 1 to 240, or empty for none.',
    );
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(await timebox()).toBe(before);
  }
  await field.fill('17');
  await field.press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(/Polish timebox 17 min/);
  await expect(page.getByRole('alert').filter({ hasText: 'Polish:' })).toHaveCount(0);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  expect(await timebox()).toBe(17);
});
