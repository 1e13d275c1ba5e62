/**
 * Issue 3, manager templates from the app: "Export budget templates" on a plan downloads one
 * workbook (a sheet per leaf department), and that workbook imports straight back through the
 * wizard with no mapping work. It is pre-filled with the plan's own figures, so importing it
 * unchanged must change nothing in the workspace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, openApp, test } from './serve-fixture';

const fileName = 'FY2027 · Base — budget templates.xlsx';

test('export budget templates downloads one workbook that re-imports unchanged with no mapping work', async ({ page, app }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'qm-templates-'));
  try {
    const errors = await openApp(page, app.url);
    const before = app.cli(['export', app.workspace, '--format', 'json']).stdout;

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Plans', exact: true }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export budget templates for FY2027 · Base' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(fileName);
    const saved = join(dir, fileName);
    await download.saveAs(saved);
    await expect(page.getByText(`Saved ${fileName}`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export budget templates for FY2027 · Base' })).toBeEnabled();

    // A sheet per leaf department, each named "<code> <name>", which is how the importer finds it.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const codes = book.worksheets.map((ws) => ws.name.split(' ')[0]!);
    expect(codes.length).toBeGreaterThan(1);

    await page.locator('body').press('Alt+6');
    await page.getByLabel('Spreadsheet file').setInputFiles(saved);
    const region = page.getByRole('region', { name: 'Import' });
    await expect(region.getByText(fileName, { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next: mapping' })).toBeEnabled({ timeout: 30_000 });
    const sheets = region.locator('.sheet-list');
    for (const code of codes) await expect(sheets).toContainText(`department ${code} (from sheet name)`);

    // No mapping changes: straight through to the preview, which must show no errors.
    await page.getByRole('button', { name: 'Next: mapping' }).click();
    await expect(page.locator('.import-target')).toContainText('FY2027 · Base');
    await page.getByRole('button', { name: 'Next: preview' }).click();
    await expect(page.getByText(/must be fixed before importing/)).toHaveCount(0);
    await expect(page.locator('.problem.error')).toHaveCount(0);
    await page.getByRole('button', { name: 'Next: changes' }).click();

    // Every month cell holds the plan's own value, and an empty cell is one the plan has no line
    // for, so the diff finds nothing to write and offers no commit at all.
    await expect(page.getByText('Nothing would change: the workspace already holds exactly this.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nothing to import' })).toBeDisabled();
    expect(app.cli(['export', app.workspace, '--format', 'json']).stdout).toBe(before);
    expect(errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
