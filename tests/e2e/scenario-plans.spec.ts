/**
 * Scenario plans in the Continuity view (plans for a disruption of the whole company rather than
 * one process): the demo's "Loss of the main depot" listed with its readiness and opened on its own
 * page with steps and call tree; a new one added (a scenario is required) whose gaps show at once.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openApp, screenshotDir, test } from './serve-fixture';

mkdirSync(screenshotDir, { recursive: true });

test('scenario plans: listed with readiness, opened, added', async ({ page, app }) => {
  test.setTimeout(120_000);
  const errors = await openApp(page, app.url);
  await page.locator('body').press('Alt+8');
  const view = page.getByRole('region', { name: 'Continuity' });
  const scenarios = view.getByRole('region', { name: 'Scenario plans' });
  const depot = scenarios.locator('tr[data-scenario-plan="Loss of the main depot"]');
  await expect(depot).toContainText('Loss of site');
  await expect(depot.locator('.cont-score')).toBeVisible();

  // Opened on its own page: the plan card with its steps and call tree, and its readiness.
  await depot.getByRole('button', { name: 'Loss of the main depot' }).click();
  await expect(view.getByRole('heading', { level: 2, name: /Loss of the main depot/ })).toBeVisible();
  const plan = view.getByRole('article', { name: 'Plan Loss of the main depot' });
  await expect(plan.locator('li.cont-step').first()).toBeVisible();
  await expect(plan.getByRole('region', { name: 'Call tree of Loss of the main depot' }).getByRole('treeitem').first()).toBeVisible();
  await expect(view.getByRole('complementary', { name: 'Readiness' })).toBeVisible();
  await page.screenshot({ path: join(screenshotDir, 'continuity-scenario-plan.png') });
  await view.getByRole('button', { name: 'All processes' }).click();

  // A new scenario plan needs its scenario; then it is listed with the gaps of an empty plan.
  await scenarios.getByRole('button', { name: 'Add scenario plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add scenario plan' });
  await dialog.getByLabel('Plan name').fill('Ransomware on the office network');
  await dialog.getByRole('button', { name: 'Add plan' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Choose the scenario');
  await dialog.getByLabel('Scenario').selectOption('it');
  await dialog.getByRole('button', { name: 'Add plan' }).click();
  await expect(dialog).toBeHidden();
  const added = scenarios.locator('tr[data-scenario-plan="Ransomware on the office network"]');
  await expect(added).toContainText('Loss of IT');
  await expect(added.locator('[data-gap="plan_not_reviewed"]')).toBeVisible();
  await expect(added.locator('[data-gap="never_exercised"]')).toBeVisible();
  await expect(page.locator('#undo-label')).toContainText('Ransomware on the office network');

  expect(errors).toEqual([]);
});
