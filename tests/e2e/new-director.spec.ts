/**
 * Issue 11 §3, the defects a new director hit trying the app, each from the UI on a served
 * workspace: export with unsaved commentary, the Risks view's scrolling, the variance defaults,
 * layout at 1280 px, one date format, and the first-run checklist of an empty workspace.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pdfPages } from '../helpers/pdf-text';
import { expect, openApp, screenshotDir, test } from './serve-fixture';

mkdirSync(screenshotDir, { recursive: true });

test('board pack: Export PDF with unsaved commentary saves it first and prints it', async ({ page, app }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'qm-pack-'));
  try {
    const errors = await openApp(page, app.url);
    await page.locator('body').press('Alt+7');
    const view = page.getByRole('region', { name: 'Reports' });
    const editor = view.getByLabel('Director’s commentary for October 2026 YTD');
    await editor.fill('Unsaved words the board must still read.');
    await expect(view.getByTestId('commentary-state')).toHaveText('Unsaved changes');

    const downloading = page.waitForEvent('download');
    await view.getByRole('button', { name: 'Export PDF' }).click();
    const download = await downloading;
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);

    const text = (await pdfPages(new Uint8Array(readFileSync(path)))).map((p) => p.text).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Unsaved words the board must still read.');
    expect(text).not.toContain('No commentary has been written');
    await expect(view.getByTestId('commentary-state')).toContainText('Saved');
    expect(errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('risks: at 1280 px the register uses the window’s height, the wheel never scrolls the shell away, the row buttons show', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = await openApp(page, app.url);
  await page.locator('body').press('Alt+9');
  const register = page.getByRole('table', { name: 'Risk register' });
  await expect(register.locator('tbody tr')).toHaveCount(12);
  await page.screenshot({ path: join(screenshotDir, 'risks-1280.png') });

  // The wheel over the register, far more than it needs: the window itself never scrolls.
  const box = (await register.boundingBox())!;
  await page.mouse.move(box.x + 200, Math.min(box.y + 60, 880));
  for (let i = 0; i < 10; i += 1) await page.mouse.wheel(0, 600);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(900);
  const nav = (await page.getByRole('navigation', { name: 'Views' }).boundingBox())!;
  expect(nav.y).toBeGreaterThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Commands' })).toBeInViewport();
  await page.screenshot({ path: join(screenshotDir, 'risks-1280-scrolled.png') });

  // The register's scroll box has most of the window, not a 256 px slot under the heat map.
  const wrapHeight = await register.evaluate((t) => (t.parentElement as HTMLElement).clientHeight);
  expect(wrapHeight).toBeGreaterThan(600);
  // Every row's buttons are on screen without scrolling sideways.
  const del = (await register.locator('tbody tr').first().getByRole('button', { name: /^Delete / }).boundingBox())!;
  expect(del.x + del.width).toBeLessThanOrEqual(1280);
  expect(errors).toEqual([]);
});

test('variance: Month and Range default to the last month with actuals; a plan with no actuals says so; no arrows on Fav/Unfav', async ({ page, app }) => {
  const errors = await openApp(page, app.url);
  await page.locator('body').press('Alt+4');
  const view = page.getByRole('region', { name: 'Variance' });
  const table = view.getByRole('table', { name: 'Variance by account' });
  await expect(table).toBeVisible();
  // The demo's actuals run to October 2026.
  await expect(view.getByText('actuals through Oct 2026')).toBeVisible();
  // Favourable and unfavourable never point up or down.
  const markers = await table.locator('.marker').allInnerTexts();
  expect(markers.length).toBeGreaterThan(0);
  for (const m of markers) expect(m).not.toMatch(/[▲▼↑↓]/);

  await view.getByRole('radio', { name: 'Month' }).click();
  await expect(view.getByLabel('Month', { exact: true })).toHaveValue('2026-10');
  await expect(view.getByText('Oct 2026 – Oct 2026')).toBeVisible();

  await view.getByRole('radio', { name: 'Range' }).click();
  await expect(view.getByLabel('From')).toHaveValue('2026-01');
  await expect(view.getByLabel('To')).toHaveValue('2026-10');
  await expect(view.getByText('Jan 2026 – Oct 2026')).toBeVisible();
  await page.screenshot({ path: join(screenshotDir, 'variance-range.png') });

  // Next year's plan has no actuals: an empty state that says what to do, not "(100.0%) Fav" on every line.
  await page.getByLabel('Plan', { exact: true }).selectOption({ label: 'FY2027 · Base' });
  await expect(view.getByText('No actuals yet for FY2027 · Base')).toBeVisible();
  await expect(table).toBeHidden();
  await page.screenshot({ path: join(screenshotDir, 'variance-no-actuals.png') });
  await view.getByRole('button', { name: 'Import actuals' }).click();
  await expect(page.getByRole('button', { name: 'Import' })).toHaveAttribute('aria-current', 'page');
  expect(errors).toEqual([]);
});

test('dates: one format from the workspace locale (never ISO in the risk table); the settings change it everywhere', async ({ page, app }) => {
  const errors = await openApp(page, app.url);
  await page.locator('body').press('Alt+9');
  const register = page.getByRole('table', { name: 'Risk register' });
  const review = register.locator('tbody tr').first().locator('.review');
  await expect(review).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}/);
  const reviews = await register.locator('.review').allInnerTexts();
  for (const r of reviews) expect(r).not.toMatch(/\d{4}-\d{2}-\d{2}/);

  await page.getByRole('button', { name: 'Workspace settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Workspace settings' });
  await dialog.getByLabel('Dates').selectOption('en-US');
  await expect(dialog).toContainText('Dec 7, 2026');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(review).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}/);
  // Continuity shows its dates by the same rule.
  await page.locator('body').press('Alt+8');
  await expect(page.getByRole('region', { name: 'Continuity' })).toContainText(/[A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await page.screenshot({ path: join(screenshotDir, 'dates-en-us.png') });
  // The choice is kept in the workspace.
  const db = new Database(app.workspace, { readonly: true });
  try {
    expect(db.prepare('SELECT locale FROM workspace').pluck().get()).toBe('en-US');
  } finally {
    db.close();
  }
  expect(errors).toEqual([]);
});

test('layout at 1280 px: copy-plan fields fit, Plans rows keep Delete, the grid shows its FY total, plan names whole, the map opens whole', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = await openApp(page, app.url);
  const inside = (inner: { x: number; y: number; width: number; height: number }, outer: { x: number; y: number; width: number; height: number }) =>
    inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

  // Plans: every draft row's Delete is on screen, no sideways scrolling.
  await page.locator('body').press('Alt+5');
  const plans = page.getByRole('table', { name: 'Plans' });
  const deletes = plans.getByRole('button', { name: 'Delete' });
  await expect(deletes.first()).toBeVisible();
  for (const b of await deletes.all()) expect((await b.boundingBox())!.x + (await b.boundingBox())!.width).toBeLessThanOrEqual(1280);
  await page.screenshot({ path: join(screenshotDir, 'plans-1280.png') });

  // Copy plan: the three uplift fields stay inside the dialog.
  await plans.getByRole('button', { name: /^Copy/ }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Copy plan' });
  for (const label of ['Revenue %', 'Expense %', 'Capex %']) {
    expect(inside((await dialog.getByLabel(label).boundingBox())!, (await dialog.locator('fieldset').boundingBox())!), label).toBe(true);
  }
  // A long scenario name, to see it whole in the top bar's plan picker.
  await dialog.getByLabel('New scenario').fill('Stretch with the northern depot');
  await dialog.getByRole('button', { name: 'Copy plan' }).click();
  await expect(dialog).toBeHidden();

  // Budget: the FY total column is on screen without scrolling sideways.
  await page.locator('body').press('Alt+3');
  await page.getByLabel('Department', { exact: true }).selectOption('210');
  const total = page.getByRole('columnheader', { name: 'FY total' });
  await expect(total).toBeVisible();
  const grid = page.getByRole('grid');
  expect(inside((await total.boundingBox())!, (await grid.boundingBox())!)).toBe(true);
  const picker = page.getByLabel('Plan', { exact: true });
  await expect(picker.locator('option:checked')).toHaveText('FY2027 · Stretch with the northern depot');
  // The select is at least as wide as its text (plus its arrow).
  const fits = await picker.evaluate((s: HTMLSelectElement) => {
    const probe = document.createElement('span');
    probe.style.font = getComputedStyle(s).font;
    probe.style.position = 'absolute';
    probe.textContent = s.selectedOptions[0]!.text;
    document.body.append(probe);
    const need = probe.offsetWidth;
    probe.remove();
    return s.clientWidth >= need + 20;
  });
  expect(fits).toBe(true);
  await page.screenshot({ path: join(screenshotDir, 'budget-1280.png') });

  // The dependency map opens with every node inside its frame.
  await page.locator('body').press('Alt+8');
  await page.getByRole('tab', { name: 'Dependency map' }).click();
  const map = page.getByRole('region', { name: 'Dependency map' });
  const nodes = map.locator('.react-flow__node');
  await expect(nodes.first()).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  const frame = (await map.locator('.cont-map').boundingBox())!;
  for (const n of await nodes.all()) expect(inside((await n.boundingBox())!, frame)).toBe(true);
  await page.screenshot({ path: join(screenshotDir, 'map-1280.png') });
  expect(errors).toEqual([]);
});

test('first run: an empty workspace lists departments, accounts and a plan, ticks each when done, and leads to the budget', async ({ page, emptyApp }) => {
  const errors = await openApp(page, emptyApp.url);
  await page.locator('body').press('Alt+3');
  const checklist = page.getByRole('region', { name: 'Getting started' });
  await expect(checklist).toBeVisible();
  const step = (id: string) => checklist.locator(`li[data-step="${id}"]`);
  await expect(checklist).toContainText('0 of 3 done');
  await expect(step('departments')).toHaveAttribute('aria-current', 'step');
  for (const id of ['departments', 'accounts', 'plan']) await expect(step(id)).toContainText('To do');
  await page.screenshot({ path: join(screenshotDir, 'first-run-empty.png') });

  await step('departments').getByRole('button', { name: 'Add department' }).click();
  const dept = page.getByRole('dialog', { name: 'Add department' });
  await dept.getByLabel('Code').fill('100');
  await dept.getByLabel('Name').fill('Head office');
  await dept.getByRole('button', { name: 'Add department' }).click();
  await expect(dept).toBeHidden();
  await expect(step('departments')).toContainText('Done · 1 department');
  await expect(step('accounts')).toHaveAttribute('aria-current', 'step');

  await step('accounts').getByRole('button', { name: 'Add account' }).click();
  const account = page.getByRole('dialog', { name: 'Add account' });
  await account.getByLabel('Code').fill('6000');
  await account.getByLabel('Name').fill('Salaries');
  await account.getByRole('button', { name: 'Add account' }).click();
  await expect(account).toBeHidden();
  await expect(step('accounts')).toContainText('Done · 1 account');
  await expect(checklist).toContainText('2 of 3 done');

  // The import buttons lead to the Import view.
  await step('plan').getByRole('button', { name: 'Import a budget' }).click();
  await expect(page.getByRole('button', { name: 'Import' })).toHaveAttribute('aria-current', 'page');
  await page.locator('body').press('Alt+3');
  await step('plan').getByRole('button', { name: 'Create plan' }).click();
  const plan = page.getByRole('dialog', { name: 'Create plan' });
  await plan.getByRole('button', { name: 'Create plan' }).click();
  await expect(plan).toBeHidden();
  // With a plan, the budget grid takes the checklist's place.
  await expect(checklist).toBeHidden();
  await expect(page.getByRole('grid')).toBeVisible();
  expect(errors).toEqual([]);
});
