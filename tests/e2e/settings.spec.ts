/**
 * Issue 10, the Settings view: the director keeps exchange rates (per currency and month) and
 * seasonality profiles in the workspace. Rates are added, edited in place, undone and imported
 * from a CSV; a profile gets twelve weights in fiscal order; both are in the JSON export.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openApp, screenshotDir, test } from './serve-fixture';

mkdirSync(screenshotDir, { recursive: true });

test('settings: currency rates and seasonality profiles, undoable, exported', async ({ page, app }) => {
  const errors = await openApp(page, app.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings', exact: true }).click();
  const rates = page.getByRole('region', { name: 'Currency rates' });
  await expect(rates.getByRole('heading', { name: 'Currency rates' })).toBeVisible();
  await expect(rates.getByText('No rates yet.')).toBeVisible();

  // A bad rate is refused in words, before anything is written.
  const form = rates.getByRole('form', { name: 'Add a rate' });
  await form.getByLabel('Currency').fill('eur');
  await form.getByLabel('Month').fill('2026-03');
  await form.getByLabel('Rate').fill('-1');
  await form.getByRole('button', { name: 'Set rate' }).click();
  await expect(form.getByRole('alert')).toHaveText(/is not a rate/);
  await form.getByLabel('Rate').fill('1.080');
  await form.getByRole('button', { name: 'Set rate' }).click();
  const eur = rates.getByLabel('EUR rate for 2026-03', { exact: true });
  await expect(eur).toHaveValue('1.08');

  // Edited in place, then undone.
  await eur.fill('1.1');
  await eur.press('Enter');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Set EUR rate for 2026-03 to 1.1/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rates.getByLabel('EUR rate for 2026-03', { exact: true })).toHaveValue('1.08');

  // A rates CSV, all at once.
  const csv = join(app.workspace, '..', 'rates.csv');
  writeFileSync(csv, 'currency,period,rate\nGBP,2026-03,1.27\nJPY,2026-03,0.0067\n');
  await rates.getByLabel('Rates CSV file').setInputFiles(csv);
  await expect(rates.getByLabel('JPY rate for 2026-03', { exact: true })).toHaveValue('0.0067');
  await expect(rates.getByLabel('GBP rate for 2026-03', { exact: true })).toHaveValue('1.27');

  // A seasonality profile with twelve weights.
  const profiles = page.getByRole('region', { name: 'Seasonality profiles' });
  await profiles.getByRole('button', { name: 'Add profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add seasonality profile' });
  await dialog.getByLabel('Name').fill('Retail');
  await dialog.getByLabel('Dec', { exact: true }).fill('4');
  await dialog.getByLabel('Nov', { exact: true }).fill('3');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = profiles.locator('tr[data-profile="Retail"]');
  await expect(row.locator('td.num')).toHaveText(['1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '3', '4']);
  await page.screenshot({ path: join(screenshotDir, 'settings-rates-profiles.png'), fullPage: true });

  const exported = app.cli(['export', app.workspace, '--format', 'json']);
  expect(exported.status).toBe(0);
  const doc = JSON.parse(exported.stdout) as { currencyRates: unknown[]; seasonalityProfiles: unknown[] };
  expect(doc.currencyRates).toEqual([
    { currency: 'EUR', period: '2026-03', rate: '1.08' },
    { currency: 'GBP', period: '2026-03', rate: '1.27' },
    { currency: 'JPY', period: '2026-03', rate: '0.0067' },
  ]);
  expect(doc.seasonalityProfiles).toEqual([{ name: 'Retail', weights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 4] }]);
  expect(errors).toEqual([]);
});
