/**
 * The foundation's end-to-end path, as a user does it, in the real renderer over serve mode:
 * org changes, budget editing with rollups, paste, undo across a reload, locking, and the
 * variance view. Screenshots of each view go to tests/output/screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test, openApp } from './serve-fixture';

mkdirSync(screenshotDir, { recursive: true });

async function goTo(page: Page, view: 'Org' | 'Accounts' | 'Budget' | 'Variance' | 'Plans') {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view, exact: true }).click();
  await expect(page.getByRole('region', { name: view })).toBeVisible();
}

async function chooseBudget(page: Page, plan: string, departmentCode: string) {
  await page.getByRole('combobox', { name: 'Plan' }).selectOption({ label: plan });
  await page.getByRole('combobox', { name: 'Department' }).selectOption(departmentCode);
}

const cell = (page: Page, name: string) => page.getByRole('gridcell', { name, exact: true });

test('org: add a department and see it in the tree; a department with children cannot be deleted', async ({ page, app }) => {
  const errors = await openApp(page, app.url);
  await goTo(page, 'Org');
  const tree = page.getByRole('treegrid', { name: 'Departments' });
  await expect(tree.locator('tr[data-code="210"]')).toContainText('Warehouse');
  await page.screenshot({ path: join(screenshotDir, 'org.png'), fullPage: true });

  await page.getByRole('button', { name: 'Add department' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add department' });
  await dialog.getByLabel('Code').fill('240');
  await dialog.getByLabel('Name').fill('Returns');
  // Options are indented by depth, so pick Operations by its text and select its value.
  const parent = dialog.getByLabel('Parent');
  const operations = await parent.locator('option', { hasText: 'Operations (200)' }).getAttribute('value');
  await parent.selectOption(operations!);
  await dialog.getByLabel('Manager').fill('Aleksandra Nowak');
  await dialog.getByRole('button', { name: 'Add department' }).click();
  await expect(dialog).toBeHidden();
  await expect(tree.locator('tr[data-code="240"]')).toContainText('Returns');

  // The export (read through the CLI, from the same file) has it under Operations.
  const exported = JSON.parse(app.cli(['export', app.workspace, '--format', 'json']).stdout) as {
    departments: { code: string; parentCode: string | null; manager: string | null }[];
  };
  expect(exported.departments.find((d) => d.code === '240')).toEqual(
    expect.objectContaining({ parentCode: '200', manager: 'Aleksandra Nowak' }),
  );

  // Operations has children: deleting it is refused with a reason, and nothing changes.
  await tree.locator('tr[data-code="200"]').click();
  await page.getByRole('button', { name: 'Delete department' }).click();
  const confirm = page.getByRole('dialog', { name: /Delete/ });
  await confirm.getByRole('button', { name: /Delete/ }).click();
  await expect(confirm.getByRole('alert')).toContainText(/sub-departments/);
  await page.keyboard.press('Escape');
  await expect(tree.locator('tr[data-code="200"]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('budget: edit a cell, every rollup changes, undo, reload, and the state persists', async ({ page, app }) => {
  const errors = await openApp(page, app.url);
  await goTo(page, 'Budget');
  await chooseBudget(page, 'FY2026 · Base', '210');
  const grid = page.getByRole('grid', { name: 'Budget grid' });
  await expect(grid).toBeVisible();

  const travelMar = cell(page, '6100 Travel, Mar 2026');
  const spend = (code: string) => page.getByTestId(`rollup-${code}-spend`);
  const before = { warehouse: await spend('210').innerText(), operations: await spend('200').innerText(), company: await spend('100').innerText() };
  const amount = (text: string) => Number(text.replace(/[^0-9.-]/g, ''));

  await travelMar.click();
  await page.keyboard.type('12k');
  await page.keyboard.press('Enter');
  await expect(travelMar).toHaveText('12,000');
  // Every rolled-up total moves by the same 12,000 at once.
  await expect.poll(async () => amount(await spend('210').innerText()) - amount(before.warehouse)).toBe(12000);
  expect(amount(await spend('200').innerText()) - amount(before.operations)).toBe(12000);
  expect(amount(await spend('100').innerText()) - amount(before.company)).toBe(12000);
  await page.screenshot({ path: join(screenshotDir, 'budget.png'), fullPage: true });

  // Entry formats: "(200)" is negative and shown in parentheses.
  const travelApr = cell(page, '6100 Travel, Apr 2026');
  await travelApr.click();
  await page.keyboard.type('(200)');
  await page.keyboard.press('Enter');
  await expect(travelApr).toHaveText('(200)');

  // Undo the last edit with the keyboard; it is recorded in the workspace, so it survives a reload.
  await grid.focus();
  await page.keyboard.press('Control+z');
  await expect(travelApr).toHaveText('');
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Budget grid' })).toBeVisible();
  await expect(cell(page, '6100 Travel, Mar 2026')).toHaveText('12,000');
  await expect(cell(page, '6100 Travel, Apr 2026')).toHaveText('');
  // And undo keeps working after the reload: the March edit goes too.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cell(page, '6100 Travel, Mar 2026')).toHaveText('');
  expect(amount(await page.getByTestId('rollup-100-spend').innerText())).toBe(amount(before.company));

  // A parent department's grid is rolled up and read-only, and says why.
  await page.getByRole('combobox', { name: 'Department' }).selectOption('200');
  await expect(page.getByTestId('read-only-reason')).toContainText(/rolls up/);
  expect(errors).toEqual([]);
});

test('budget: paste a 3×4 block from a spreadsheet as one undoable change', async ({ page, app }) => {
  await openApp(page, app.url);
  await goTo(page, 'Budget');
  await chooseBudget(page, 'FY2027 · Base', '220');
  await expect(page.getByRole('grid', { name: 'Budget grid' })).toBeVisible();

  await cell(page, '6100 Travel, Jan 2027').click();
  // What Excel/LibreOffice put on the clipboard: tab-separated columns, CRLF rows.
  const block = ['1,000\t2,000\t3,000\t4,000', '(50)\t60\t70.5\t12k', '100\t200\t300\t400'].join('\r\n') + '\r\n';
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, block);

  const accounts = ['6100 Travel', '6200 Software & subscriptions', '6300 Rent & facilities'];
  const months = ['Jan 2027', 'Feb 2027', 'Mar 2027', 'Apr 2027'];
  const expected = [
    ['1,000', '2,000', '3,000', '4,000'],
    ['(50)', '60', '71', '12,000'],
    ['100', '200', '300', '400'],
  ];
  for (const [r, account] of accounts.entries()) {
    for (const [c, month] of months.entries()) {
      await expect(cell(page, `${account}, ${month}`)).toHaveText(expected[r]![c]!);
    }
  }
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Paste 12 cells/);

  const exported = JSON.parse(app.cli(['export', app.workspace, '--format', 'json']).stdout) as {
    budgetLines: { plan: string; departmentCode: string; accountCode: string; period: string; amountMinor: number }[];
  };
  const line = exported.budgetLines.find((l) => l.plan === 'FY2027 · Base' && l.departmentCode === '220' && l.accountCode === '6200' && l.period === '2027-03');
  expect(line?.amountMinor).toBe(7050);
});

test('plans: a locked plan cannot be edited, and the grid says so', async ({ page, app }) => {
  await openApp(page, app.url);
  await goTo(page, 'Budget');
  await chooseBudget(page, 'FY2027 · Growth', '410');
  const target = cell(page, '6100 Travel, May 2027');
  const original = await target.innerText();

  await page.getByRole('button', { name: 'Lock plan' }).click();
  const confirm = page.getByRole('dialog', { name: 'Lock plan' });
  await confirm.getByRole('button', { name: 'Lock plan' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText(/Locked/i);
  await expect(page.getByTestId('read-only-reason')).toContainText(/locked/);

  await target.click();
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  await expect(target).toHaveText(original);
  await expect(page.getByTestId('read-only-reason')).toContainText(/locked/);
  await page.screenshot({ path: join(screenshotDir, 'budget-locked.png'), fullPage: true });
});

test('variance: budget vs actual for the year to date, favourable and unfavourable marked', async ({ page, app }) => {
  const errors = await openApp(page, app.url);
  await goTo(page, 'Variance');
  await chooseBudget(page, 'FY2026 · Base', '200');
  const table = page.getByRole('table', { name: 'Variance by account' });
  await expect(table).toBeVisible();
  await expect(page.getByRole('region', { name: 'Variance' })).toContainText('actuals through Oct 2026');
  // Markers that survive black-and-white printing, not colour alone.
  await expect(table.getByText(/Fav|Unfav/).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Variance by department' })).toContainText('Fleet');
  await page.screenshot({ path: join(screenshotDir, 'variance.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('security: a hostile department name is shown as text, never run (E5)', async ({ page, app }) => {
  await openApp(page, app.url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");

  await goTo(page, 'Org');
  const hostile = '<img src=x onerror="window.__pwned=1">';
  await page.getByRole('button', { name: 'Add department' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add department' });
  await dialog.getByLabel('Code').fill('999');
  await dialog.getByLabel('Name').fill(hostile);
  await dialog.getByRole('button', { name: 'Add department' }).click();
  await expect(page.getByRole('treegrid', { name: 'Departments' }).locator('tr[data-code="999"]')).toContainText(hostile);
  // Even a script that got into the DOM would be blocked: inline handlers are not allowed by the CSP.
  const ran = await page.evaluate(async () => {
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__pwned = 2');
    img.src = 'x-not-there';
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 300));
    return (window as unknown as { __pwned?: number }).__pwned ?? null;
  });
  expect(ran).toBeNull();
});
