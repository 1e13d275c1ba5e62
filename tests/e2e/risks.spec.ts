/**
 * Issue 5, the risk register, from the UI on the demo workspace with its own risks cleared first (the counts below are of this test's risks): two
 * risks added through the dialog land on the heat map; choosing a cell (by click, and by arrow keys
 * and Enter) filters the register to its risks; the appetite moves the "above appetite" flag, and
 * Undo moves it back; a risk is deleted after confirmation and undone.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, openApp, screenshotDir, test } from './serve-fixture';

mkdirSync(screenshotDir, { recursive: true });

interface NewRisk {
  title: string;
  category: string;
  inherent: [number, number];
  residual: [number, number];
  mitigation?: { action: string; status: string };
  links?: string[];
  screenshot?: string;
}

/**
 * Processes and vendors are created by the continuity view (another part of issue 5); the test
 * writes two straight into the workspace so the risk dialog has something to link.
 */
function addContinuityRows(workspace: string) {
  const db = new Database(workspace);
  try {
    const at = new Date().toISOString();
    // The demo comes with a dozen risks; this test counts only the two it adds.
    db.exec('DELETE FROM risk_links; DELETE FROM risk_mitigations; DELETE FROM risks;');
    db.prepare("INSERT INTO processes (id, name, tier, created_at, updated_at) VALUES ('e2e-process-dispatch', 'Dispatch', 1, ?, ?)").run(at, at);
    db.prepare("INSERT INTO vendors (id, name, service, created_at, updated_at) VALUES ('e2e-vendor-fuel', 'Northline Fuel', 'Diesel supply', ?, ?)").run(at, at);
  } finally {
    db.close();
  }
}

async function addRisk(page: Page, risk: NewRisk) {
  await page.getByRole('region', { name: 'Risks' }).getByRole('button', { name: 'Add risk' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add risk' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Title').fill(risk.title);
  await dialog.getByLabel('Category').selectOption({ label: risk.category });
  // The first person in the org.
  await dialog.getByLabel('Owner', { exact: true }).selectOption({ index: 1 });
  await dialog.getByLabel('Inherent likelihood').selectOption(String(risk.inherent[0]));
  await dialog.getByLabel('Inherent impact').selectOption(String(risk.inherent[1]));
  await dialog.getByLabel('Residual likelihood').selectOption(String(risk.residual[0]));
  await dialog.getByLabel('Residual impact').selectOption(String(risk.residual[1]));
  if (risk.mitigation) {
    await dialog.getByRole('button', { name: 'Add mitigation' }).click();
    await expect(dialog.getByLabel('Mitigation 1 action')).toBeFocused();
    await dialog.getByLabel('Mitigation 1 action').fill(risk.mitigation.action);
    await dialog.getByLabel('Mitigation 1 status').selectOption({ label: risk.mitigation.status });
  }
  for (const name of risk.links ?? []) {
    await dialog.getByLabel('Link a process or vendor').selectOption({ label: name });
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(dialog.getByRole('list', { name: 'Linked processes and vendors' })).toContainText(name);
    // Focus stays in the dialog, on the picker, ready for the next link.
    await expect(dialog.getByLabel('Link a process or vendor')).toBeFocused();
  }
  if (risk.screenshot) await dialog.screenshot({ path: join(screenshotDir, risk.screenshot) });
  await dialog.getByRole('button', { name: 'Add risk' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Added risk “${risk.title}”`)).toBeVisible();
}

function cell(map: Locator, likelihood: number, impact: number): Locator {
  return map.locator(`button[data-likelihood="${likelihood}"][data-impact="${impact}"]`);
}

function registerRows(page: Page): Locator {
  return page.getByRole('table', { name: 'Risk register' }).locator('tbody tr');
}

test('risks: add through the dialog, heat map, filter by cell, appetite flag, undo, delete', async ({ page, app }) => {
  addContinuityRows(app.workspace);
  const errors = await openApp(page, app.url);

  // Alt+9 is the ninth view: Risks.
  await page.locator('body').press('Alt+9');
  const view = page.getByRole('region', { name: 'Risks' });
  await expect(view.getByRole('heading', { name: 'Risk register' })).toBeVisible();
  await expect(view.getByText('The register is empty.')).toBeVisible();

  // A residual above the inherent rating is refused in the dialog, in words.
  await view.getByRole('button', { name: 'Add risk' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add risk' });
  // Shift+Tab from the first field wraps to the last button instead of leaving the dialog.
  await dialog.getByLabel('Title').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Add risk' })).toBeFocused();
  await dialog.getByLabel('Title').fill('Backwards');
  await dialog.getByLabel('Inherent likelihood').selectOption('2');
  await dialog.getByLabel('Residual likelihood').selectOption('4');
  await dialog.getByRole('button', { name: 'Add risk' }).click();
  await expect(dialog.getByRole('alert').last()).toContainText('Residual likelihood 4 is above inherent likelihood 2: mitigations lower a risk, they do not raise it.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  // Focus goes back to the button that opened the dialog.
  await expect(view.getByRole('button', { name: 'Add risk' })).toBeFocused();

  await addRisk(page, {
    title: 'Diesel supplier fails',
    category: 'Supplier',
    inherent: [4, 5],
    residual: [3, 5],
    mitigation: { action: 'Sign a second diesel supplier', status: 'In progress' },
    links: ['Dispatch', 'Northline Fuel'],
    screenshot: 'risks-dialog.png',
  });
  await addRisk(page, { title: 'Payroll rests on one person', category: 'People', inherent: [3, 4], residual: [2, 3] });

  const rows = registerRows(page);
  await expect(rows).toHaveCount(2);
  // Highest residual first; the flag is in words, not only colour.
  const diesel = rows.filter({ hasText: 'Diesel supplier fails' });
  const payroll = rows.filter({ hasText: 'Payroll rests on one person' });
  await expect(rows.first()).toContainText('Diesel supplier fails');
  await expect(diesel.getByTestId('appetite-flag')).toHaveText('▲ Above appetite');
  await expect(diesel).toContainText('1 in progress');
  await expect(diesel.locator('td.col-links')).toHaveText('Dispatch, Northline Fuel');
  await expect(payroll.getByTestId('appetite-flag')).toHaveText('Within appetite');
  await expect(view.getByTestId('above-count')).toHaveText('1');

  // Both on the residual heat map (3 × 5 = 15 and 2 × 3 = 6); the rest empty.
  const map = view.getByRole('grid', { name: 'Risk heat map, residual scores' });
  await expect(cell(map, 3, 5).locator('.heat-count')).toHaveText('1');
  await expect(cell(map, 2, 3).locator('.heat-count')).toHaveText('1');
  // An empty cell shows no figure; its name still says so.
  await expect(cell(map, 4, 5).locator('.heat-count')).toHaveText('');
  await expect(cell(map, 4, 5)).toHaveAccessibleName(/: no risks, residual score 20/);
  await expect(cell(map, 3, 5)).toHaveAccessibleName(/1 risk, residual score 15, high, above appetite/);
  await page.screenshot({ path: join(screenshotDir, 'risks-register.png'), fullPage: true });

  // Click a cell: the register shows only its risks; click again to clear.
  await cell(map, 3, 5).click();
  await expect(cell(map, 3, 5)).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Diesel supplier fails');
  await expect(view.getByTestId('filter-summary')).toContainText('Showing 1 of 2');
  await expect(view.getByTestId('filter-summary')).toContainText('residual Possible (3) × Severe (5)');
  await view.getByRole('region', { name: 'Heat map' }).screenshot({ path: join(screenshotDir, 'risks-heatmap.png') });
  await cell(map, 3, 5).click();
  await expect(rows).toHaveCount(2);

  // By keyboard: the focused cell moves with the arrow keys, Enter chooses it.
  await cell(map, 3, 5).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(cell(map, 2, 3)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Payroll rests on one person');
  await view.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(2);

  // The inherent map: 4 × 5 and 3 × 4.
  await view.getByRole('radio', { name: 'Inherent' }).click();
  const inherentMap = view.getByRole('grid', { name: 'Risk heat map, inherent scores' });
  await expect(cell(inherentMap, 4, 5).locator('.heat-count')).toHaveText('1');
  await expect(cell(inherentMap, 3, 4).locator('.heat-count')).toHaveText('1');
  await expect(cell(inherentMap, 3, 5).locator('.heat-count')).toHaveText('');
  await view.getByRole('radio', { name: 'Residual' }).click();

  // Raising the appetite to 16 takes the diesel risk (15) within it; Undo puts it back above.
  const appetite = view.getByLabel('Risk appetite');
  await expect(appetite).toHaveValue('12');
  await appetite.fill('16');
  await appetite.press('Enter');
  await expect(page.getByText('Risk appetite set to 16 (was 12)')).toBeVisible();
  await expect(diesel.getByTestId('appetite-flag')).toHaveText('Within appetite');
  await expect(view.getByTestId('above-count')).toHaveText('0');
  await expect(cell(map, 3, 5)).toHaveAccessibleName(/within appetite/);
  await expect(page.locator('#undo-label')).toHaveText('Set risk appetite to 16 (was 12)');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(appetite).toHaveValue('12');
  await expect(diesel.getByTestId('appetite-flag')).toHaveText('▲ Above appetite');
  await expect(view.getByTestId('above-count')).toHaveText('1');

  // Filters: above appetite only, then a text search.
  await view.getByLabel('Above appetite only').check();
  await expect(rows).toHaveCount(1);
  await view.getByLabel('Above appetite only').uncheck();
  await view.getByLabel('Search').fill('second diesel');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Diesel supplier fails');
  await view.getByLabel('Search').fill('');

  // Edit: the dialog opens with the risk as saved.
  await view.getByRole('button', { name: 'Edit Payroll rests on one person' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit risk: Payroll rests on one person' });
  await expect(edit.getByLabel('Residual impact')).toHaveValue('3');
  await edit.getByLabel('Residual impact').selectOption('2');
  await edit.getByRole('button', { name: 'Save risk' }).click();
  await expect(edit).toBeHidden();
  await expect(cell(map, 2, 2).locator('.heat-count')).toHaveText('1');

  // Delete after confirmation; Undo brings it back with its mitigation.
  await view.getByRole('button', { name: 'Delete Diesel supplier fails' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete risk' });
  await expect(confirm).toContainText('with its 1 mitigations');
  await confirm.getByRole('button', { name: 'Delete risk' }).click();
  await expect(rows).toHaveCount(1);
  await expect(cell(map, 3, 5).locator('.heat-count')).toHaveText('');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(rows).toHaveCount(2);
  await expect(diesel).toContainText('1 in progress');
  await expect(cell(map, 3, 5).locator('.heat-count')).toHaveText('1');

  expect(errors).toEqual([]);
});
