/**
 * Adding a polish issue between meetings, on the Polish screen: the form opens from "New polish
 * issue", refuses a link it can't read (naming the field, adding nothing), takes a pasted
 * `owner/repo#123` as the title and link, says when a link is listed already, and closes on Escape; the issue's link leads to
 * GitHub from the Polish screen and from My sprint.
 */
import { expect, heading, test } from './fixtures.ts';
import { seriousViolations } from './a11y.ts';

test('a polish issue added on the Polish screen shows in the list, linked to its issue', async ({
  page,
  app,
  api,
}) => {
  const kim = await api('people.create', { name: 'Kim Park', roles: ['goal owner'] });
  await api('workspace.setMe', { personId: kim.id });
  const sprint = await api('sprints.createNext', { startDate: '2025-03-03' });
  if (sprint.status !== 'active') await api('sprints.activate', { id: sprint.id });

  await app.open('#/polish');
  await expect(heading(page)).toHaveText('Polish');
  const open = page.getByRole('button', { name: 'New polish issue' });
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await open.click();
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  const link = page.getByLabel('Link', { exact: true });
  await expect(link).toBeFocused();

  // A link it can't read is refused, naming the field; nothing is added.
  await link.fill('not a link');
  await link.press('Enter');
  await expect(page.getByText('Paste owner/repo#123 or an http(s) link.')).toBeVisible();
  await expect(link).toHaveAttribute('aria-invalid', 'true');
  expect(await api('polish.list', {})).toEqual([]);

  // A pasted reference is the title and the link.
  await link.fill('rust-lang/rust#123');
  await expect(page.getByText('Recognised: rust-lang/rust#123')).toBeVisible();
  await page.getByLabel('Assignee').selectOption({ label: 'Kim Park' });
  await link.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toHaveText(
    'Added “rust-lang/rust#123”.',
  );
  await expect(link).toHaveValue('');
  await expect(link).toBeFocused();
  const list = page.getByRole('region', { name: /^Open and in progress/ });
  const issue = list.getByRole('link', { name: 'rust-lang/rust#123', exact: true });
  await expect(issue).toHaveAttribute('href', 'https://github.com/rust-lang/rust/issues/123');
  await expect(list.getByRole('listitem')).toContainText('Kim Park');
  expect(await api('polish.list', {})).toMatchObject([
    { title: 'rust-lang/rust#123', link: 'rust-lang/rust#123', assigneeId: kim.id, status: 'open' },
  ]);

  // The same link again: said to be listed already (adding it stays possible).
  await link.fill('rust-lang/rust#123');
  await expect(page.locator('#polish-link-recognised')).toHaveText(
    '✓ Recognised: rust-lang/rust#123 · already listed as “rust-lang/rust#123” (open)',
  );
  await link.fill('rust-lang/rust#124');
  await expect(page.locator('#polish-link-recognised')).toHaveText('✓ Recognised: rust-lang/rust#124');
  await link.fill('');

  // A typed title, no link.
  await page.getByLabel('Title', { exact: true }).fill('Typo in the guide');
  await page.getByLabel('Title', { exact: true }).press('Enter');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').last()).toContainText('Typo in the guide');
  expect(await seriousViolations(page)).toEqual([]);

  // Escape closes the form, back to its button.
  await page.getByLabel('Title', { exact: true }).press('Escape');
  await expect(link).toHaveCount(0);
  await expect(open).toBeFocused();
  await expect(open).toHaveAttribute('aria-expanded', 'false');

  // My sprint links the same issue to GitHub too.
  await app.open('#/my-sprint');
  await expect(
    page.getByRole('region', { name: 'Polish' }).getByRole('link', { name: 'rust-lang/rust#123' }),
  ).toHaveAttribute('href', 'https://github.com/rust-lang/rust/issues/123');
});
