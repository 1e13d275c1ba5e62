/**
 * Issue 3 from the UI: every sample file imported into an empty workspace through the wizard, in
 * the order a director would (departments, accounts, people, both budgets into a new plan
 * "FY2027 · Base", actuals), with screenshots of the mapping, preview and diff steps; totals
 * checked against the CLI's JSON export; the same file again changes nothing; undoing a batch
 * from the history takes its figures out. Plus: a file dropped on the window opens the wizard,
 * and cancelling writes nothing.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { fixturePath } from '../helpers/fixtures';
import { expect, screenshotDir, test, type ServedApp, openApp } from './serve-fixture';

mkdirSync(screenshotDir, { recursive: true });

interface Export {
  budgetLines: { plan: string; departmentCode: string; amountMinor: number }[];
  actuals: { departmentCode: string; amountMinor: number }[];
  departments: { code: string }[];
  accounts: { code: string }[];
  people: { name: string }[];
}

function exported(app: ServedApp): Export {
  return JSON.parse(app.cli(['export', app.workspace, '--format', 'json']).stdout) as Export;
}

function sumBy<T>(rows: readonly T[], key: (r: T) => string, amount: (r: T) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + amount(r);
  return out;
}

const wizardStep = (page: Page) => page.getByRole('list', { name: 'Import steps' }).locator('[aria-current="step"]');

/** Picks the file and waits for the preview to come back. */
async function chooseFile(page: Page, name: string) {
  await page.getByLabel('Spreadsheet file').setInputFiles(fixturePath(name));
  await expect(page.getByRole('region', { name: 'Import' }).getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next: mapping' })).toBeEnabled({ timeout: 30_000 });
}

async function idle(page: Page) {
  await expect(page.locator('.wizard-body[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
}

/**
 * Walks the wizard for one file; `onMapping` makes choices on the mapping step. Returns the
 * per-department amounts the result step shows ("420: 72 cells, 951,450.00").
 */
async function importFile(page: Page, name: string, opts: { onMapping?: () => Promise<void>; shots?: boolean } = {}): Promise<Record<string, number>> {
  await chooseFile(page, name);
  await page.getByRole('button', { name: 'Next: mapping' }).click();
  await expect(wizardStep(page)).toContainText('Mapping');
  if (opts.onMapping) await opts.onMapping();
  await idle(page);
  if (opts.shots) await page.screenshot({ path: join(screenshotDir, 'import-mapping.png'), fullPage: true });
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await expect(wizardStep(page)).toContainText('Preview');
  await expect(page.getByText(/must be fixed before importing/)).toHaveCount(0);
  if (opts.shots) await page.screenshot({ path: join(screenshotDir, 'import-preview.png'), fullPage: true });
  await page.getByRole('button', { name: 'Next: changes' }).click();
  await expect(wizardStep(page)).toContainText('Changes');
  if (opts.shots) await page.screenshot({ path: join(screenshotDir, 'import-diff.png'), fullPage: true });
  await page.getByRole('button', { name: 'Commit import' }).click();
  const result = page.locator('.import-result');
  await expect(result).toContainText(`Imported ${name} as import #`);
  const amounts: Record<string, number> = {};
  for (const line of await page.locator('.done-step .code-list li').allInnerTexts()) {
    const m = /^(\S+): .*, (-?[\d,]+\.\d\d)$/.exec(line.trim());
    if (m) amounts[m[1]!] = Math.round(Number(m[2]!.replace(/,/g, '')) * 100);
  }
  await page.getByRole('button', { name: 'Import another file' }).click();
  await expect(wizardStep(page)).toContainText('File & sheets');
  return amounts;
}

test('every sample file imports into an empty workspace through the wizard, in order, with the right totals', async ({ page, emptyApp: app }) => {
  test.setTimeout(240_000);
  const errors = await openApp(page, app.url);
  // Alt+6 is the Import view.
  await page.locator('body').press('Alt+6');
  await expect(page.getByRole('region', { name: 'Import' })).toBeVisible();

  await importFile(page, 'departments.csv');
  await importFile(page, 'accounts.csv');
  await importFile(page, 'people-hr-export.xlsx');
  const marketing = await importFile(page, 'budget-marketing-fy2027.xlsx', {
    shots: true,
    onMapping: async () => {
      // An empty workspace has no plan: name a new one.
      await page.locator('#import-plan').selectOption({ label: 'New plan…' });
      await page.getByLabel('New plan name').fill('FY2027 · Base');
      await page.getByRole('button', { name: 'Use this name' }).click();
      await idle(page);
      await expect(page.locator('.import-target')).toContainText('FY2027 · Base (a new draft plan)');
      // Every column shows how it was mapped.
      await expect(page.locator('.mapping-table .how-tag').first()).toBeVisible();
    },
  });
  const warehouse = await importFile(page, 'budget-warehouse-fy2027.csv', {
    onMapping: async () => {
      // The plan now exists and is the only draft for FY2027: it is found without asking.
      await expect(page.locator('.import-target')).toContainText('FY2027 · Base');
    },
  });
  const actuals = await importFile(page, 'actuals-fy2026-gl-export.csv');

  // The figures the wizard reported are the workspace's, as the CLI's JSON export reads them.
  const data = exported(app);
  const csvLines = (name: string) => readFileSync(fixturePath(name), 'utf8').trim().split(/\r?\n/).length - 1;
  expect(data.departments).toHaveLength(csvLines('departments.csv'));
  expect(data.accounts).toHaveLength(csvLines('accounts.csv'));
  expect(data.people.length).toBeGreaterThan(0);
  const budget = sumBy(data.budgetLines.filter((l) => l.plan === 'FY2027 · Base'), (l) => l.departmentCode, (l) => l.amountMinor);
  expect(budget).toEqual({ ...marketing, ...warehouse });
  expect(budget['420']).toBe(951_450_00);
  expect(budget['210']).toBe(1_229_593_64);
  expect(data.budgetLines.filter((l) => l.departmentCode === '210')).toHaveLength(csvLines('budget-warehouse-fy2027.csv'));
  const actualTotals = sumBy(data.actuals, (l) => l.departmentCode, (l) => l.amountMinor);
  expect(Object.keys(actualTotals).length).toBeGreaterThan(0);
  // Actuals are reported per department net of refunds, as signed amounts; the export agrees.
  expect(actualTotals).toEqual(actuals);

  // The same actuals file again: the diff says nothing would change, and Import is not offered.
  await chooseFile(page, 'actuals-fy2026-gl-export.csv');
  await page.getByRole('button', { name: 'Next: mapping' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByRole('button', { name: 'Next: changes' }).click();
  await expect(page.getByText('The same as import #6: nothing would change.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nothing to import' })).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Import history lists every batch; undoing the actuals takes them out of the workspace.
  await page.getByRole('radio', { name: 'Import history' }).click();
  const history = page.getByRole('table', { name: 'Import history' });
  await expect(history.locator('tbody tr')).toHaveCount(6);
  await expect(history.locator('tr[data-batch="#4"]')).toContainText('budget-marketing-fy2027.xlsx');
  await page.screenshot({ path: join(screenshotDir, 'import-history.png'), fullPage: true });
  await history.getByRole('button', { name: 'Undo import #6' }).click();
  const confirm = page.getByRole('dialog', { name: 'Undo import #6?' });
  await confirm.getByRole('button', { name: 'Undo import' }).click();
  await expect(confirm).toBeHidden();
  await expect(history.locator('tr[data-batch="#6"]')).toContainText('Undone');
  expect(exported(app).actuals).toEqual([]);
  expect(exported(app).budgetLines).toHaveLength(data.budgetLines.length);

  // The Budget view shows the imported plan (the shared lists were refreshed).
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Budget', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Plan' })).toContainText('FY2027 · Base');
  expect(errors).toEqual([]);
});

test('a file dropped on the window opens the wizard; cancel writes nothing; errors block the import', async ({ page, app }) => {
  const errors = await openApp(page, app.url);
  const before = app.cli(['export', app.workspace, '--format', 'json']).stdout;
  // A budget for a department code the demo org does not have: unknown codes are errors by default.
  const csv = 'Department,Account,Period,Amount\n999,6000,2027-01,"1,000.00"\n';
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, csv);
  await expect(page.getByRole('region', { name: 'Import' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Import' }).getByText('dropped.csv', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next: mapping' })).toBeEnabled({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next: mapping' }).click();
  await expect(page.getByRole('region', { name: 'Unknown codes' })).toContainText('department 999');
  await page.getByRole('button', { name: 'Next: preview' }).click();
  const problem = page.locator('.problem.error', { hasText: 'dropped.csv!A2' });
  await expect(problem).toContainText('dropped.csv!A2');
  await expect(page.getByRole('button', { name: 'Next: changes' })).toBeDisabled();
  await problem.click();
  await expect(page.locator('.problem-detail')).toContainText('cell A2');
  await page.screenshot({ path: join(screenshotDir, 'import-problems.png'), fullPage: true });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(wizardStep(page)).toContainText('File & sheets');
  expect(app.cli(['export', app.workspace, '--format', 'json']).stdout).toBe(before);
  expect(errors).toEqual([]);
});

test("a file from another company: names matched and a near miss confirmed, a year column spread to months, Commit always in reach", async ({ page, app }) => {
  test.setTimeout(120_000);
  const errors = await openApp(page, app.url);
  await page.setViewportSize({ width: 1280, height: 800 });
  // Names, not codes; one misspelt; a year's amount and no months; a notes column.
  const csv = 'Org Unit,Expense Type,FY2027 Budget,Notes\nMarketing,Travel,"12,000.00",trade shows\nMarketting,Software & subscriptions,600.00,\n';
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'other-company.csv', { type: 'text/csv' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, csv);
  await expect(page.getByRole('button', { name: 'Next: mapping' })).toBeEnabled({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next: mapping' }).click();
  await expect(wizardStep(page)).toContainText('Mapping');
  await page.locator('#import-plan').selectOption({ label: 'New plan…' });
  await page.getByLabel('New plan name').fill('FY2027 · Names');
  await page.getByRole('button', { name: 'Use this name' }).click();
  await idle(page);

  // Each column with what it holds.
  await expect(page.locator('tr[data-header="Org Unit"] .mapping-samples')).toHaveText('Marketing · Marketting');
  await expect(page.locator('tr[data-header="Expense Type"]')).toContainText('fuzzy');
  await expect(page.locator('tr[data-header="FY2027 Budget"] select')).toContainText('Year (spread to months)');
  await expect(page.locator('tr[data-header="Notes"] select')).toHaveValue('note');
  // Exact names applied; the near miss offered, not applied.
  const names = page.getByRole('region', { name: 'Names matched' });
  await expect(names).toContainText('1 needs your confirmation');
  await expect(names.locator('tr[data-match="exact"]').first()).toContainText('420');
  await page.screenshot({ path: join(screenshotDir, 'import-names-mapping.png'), fullPage: true });
  await names.getByRole('button', { name: 'Use 420 Marketing' }).click();
  await idle(page);
  await expect(names.locator('tr[data-match="confirmed"]')).toContainText('confirmed by you');

  await page.getByRole('button', { name: 'Next: preview' }).click();
  await expect(wizardStep(page)).toContainText('Preview');
  const spreads = page.getByRole('region', { name: 'Amounts spread to months' });
  await expect(spreads).toContainText('2 quarter or year amounts spread to months');
  await expect(spreads).toContainText('FY2027 Budget');
  await expect(spreads).toContainText('12,000.00');
  // Names resolved to codes. The demo's last year is still being booked (to October), so it is no
  // pattern: spread evenly, never leaving November and December at nothing.
  await expect(spreads.locator('tr', { hasText: '420 · 6100' })).toContainText('evenly');
  await expect(spreads.locator('tr', { hasText: '420 · 6100' })).toContainText('1,000.00');
  await page.screenshot({ path: join(screenshotDir, 'import-names-preview.png'), fullPage: true });

  await page.getByRole('button', { name: 'Next: changes' }).click();
  await expect(wizardStep(page)).toContainText('Changes');
  // The change list, opened, is long (24 cells): the Commit button stays on the screen.
  await page.getByText('Added (24)').click();
  await expect(page.getByRole('button', { name: 'Commit import' })).toBeInViewport();
  await page.screenshot({ path: join(screenshotDir, 'import-names-diff.png') });
  await page.getByRole('button', { name: 'Commit import' }).click();
  await expect(page.locator('.import-result')).toContainText('Imported other-company.csv as import #');
  const lines = (JSON.parse(app.cli(['export', app.workspace, '--format', 'json']).stdout) as { budgetLines: { plan: string; departmentCode: string; accountCode: string; amountMinor: number }[] }).budgetLines.filter(
    (l) => l.plan === 'FY2027 · Names',
  );
  expect(lines).toHaveLength(24);
  expect(lines.filter((l) => l.accountCode === '6100').reduce((a, l) => a + l.amountMinor, 0)).toBe(1_200_000);
  expect(new Set(lines.map((l) => l.departmentCode))).toEqual(new Set(['420']));
  expect(errors).toEqual([]);
});

test('revenue written negative: the wizard shows the sign convention and imports only once it is chosen', async ({ page, app }) => {
  const errors = await openApp(page, app.url);
  const csv = 'Department,Account,Month,Amount\n410,4000,2026-12,-1500.00\n410,4000,2026-12,-500.00\n410,6100,2026-12,300.00\n';
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'gl-actuals.csv', { type: 'text/csv' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, csv);
  await expect(page.getByRole('button', { name: 'Next: mapping' })).toBeEnabled({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next: mapping' }).click();
  const signs = page.getByRole('region', { name: 'Signs of the amounts' });
  await expect(signs).toContainText('credits negative');
  await page.screenshot({ path: join(screenshotDir, 'import-signs.png'), fullPage: true });
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await expect(page.locator('.problem.error', { hasText: '--signs credits-negative' })).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await signs.getByRole('combobox').selectOption('credits-negative');
  await idle(page);
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await expect(page.getByText(/must be fixed before importing/)).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Rows to write' }).locator('tr', { hasText: '4000' })).toContainText('2,000.00');
  expect(errors).toEqual([]);
});
