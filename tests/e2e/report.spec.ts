/**
 * Issue 4 from the UI: the Reports view on the demo workspace. Commentary written and saved
 * (Ctrl+S) prints in the pack; the paper size changes the preview's pages; Export PDF downloads
 * the pack (a real PDF whose text holds the commentary). The variance table exports as xlsx and
 * csv with the figures the screen shows.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { pdfPages } from '../helpers/pdf-text';
import { expect, openApp, screenshotDir, test } from './serve-fixture';

mkdirSync(screenshotDir, { recursive: true });

const commentary = 'Freight revenue ran ahead of plan in October. The board is asked to note the fuel surcharge review.';

/** Every text item of every page, joined per page. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).map((p) => p.text).join('\n');
}

async function take(page: Page, click: () => Promise<void>, dir: string): Promise<{ download: Download; path: string }> {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { download, path };
}

/** "1,234" → 1234, "(200)" → -200. */
function shownAmount(text: string): number {
  const t = text.trim();
  const n = Number(t.replace(/[(),]/g, ''));
  return t.startsWith('(') ? -n : n;
}

const rendered = (page: Page) => page.locator('.preview-page[data-rendered="true"]');

test('reports: commentary, paper size, live preview, PDF export; variance table to xlsx and csv', async ({ page, app }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'qm-report-'));
  try {
    const errors = await openApp(page, app.url);

    // Alt+7 is the seventh view; the sidebar names its shortcut.
    await page.locator('body').press('Alt+7');
    const view = page.getByRole('region', { name: 'Reports' });
    await expect(view.getByRole('heading', { name: 'Board pack' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reports' })).toHaveAttribute('aria-current', 'page');
    const period = view.getByLabel('Period');
    await expect(period).toHaveValue('2026-10');
    await expect(view.getByLabel('Plan and scenario')).toContainText('FY2026 · Base');

    // The first preview: a page per section and more, numbered; the first pages drawn.
    const preview = view.getByRole('region', { name: 'Preview' });
    await expect(preview.locator('canvas').nth(4)).toBeAttached({ timeout: 60_000 });
    expect(await preview.locator('canvas').count()).toBeGreaterThanOrEqual(5);
    await expect(rendered(page).first()).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByRole('status')).toContainText('Rendered in');
    const pageCount = await preview.locator('canvas').count();
    await expect(preview.getByRole('figure', { name: `Page 1 of ${pageCount}` })).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, 'report-view.png') });

    // Commentary: typed, marked unsaved, saved with Ctrl+S as an undoable change.
    const editor = view.getByLabel('Director’s commentary for October 2026 YTD');
    await editor.fill(commentary);
    await expect(view.getByTestId('commentary-state')).toHaveText('Unsaved changes');
    await editor.press('Control+s');
    await expect(page.getByText('Commentary for October 2026 YTD saved')).toBeVisible();
    await expect(view.getByTestId('commentary-state')).toContainText('Saved');
    await expect(view.getByRole('button', { name: 'Save commentary' })).toBeDisabled();
    await expect(page.locator('#undo-label')).toContainText('commentary');

    // It is an ordinary change: Undo takes it out of the editor, Redo puts it back.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(editor).toHaveValue('');
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect(editor).toHaveValue(commentary);

    // Switching period with unsaved words saves them first; nothing is lost.
    await editor.fill(`${commentary} Draft line.`);
    await period.selectOption('2026-Q3');
    await expect(page.getByText('Commentary for October 2026 YTD saved').first()).toBeVisible();
    await expect(view.getByLabel('Director’s commentary for Q3 FY2026')).toHaveValue('');
    await period.selectOption('2026-10');
    await expect(editor).toHaveValue(`${commentary} Draft line.`);
    await expect(view.getByTestId('commentary-state')).toContainText('Saved');
    await editor.fill(commentary);
    await editor.press('Control+s');
    await expect(view.getByTestId('commentary-state')).toContainText('Saved');

    // Paper size: US Letter pages are squatter than A4's (11/8.5 against 297/210).
    const ratio = async () =>
      preview.locator('canvas').first().evaluate((c) => (c as HTMLCanvasElement).offsetHeight / (c as HTMLCanvasElement).offsetWidth);
    expect(await ratio()).toBeCloseTo(297 / 210, 1);
    await view.getByRole('radio', { name: 'US Letter' }).click();
    await expect(view.getByRole('radio', { name: 'US Letter' })).toHaveAttribute('aria-checked', 'true');
    await expect.poll(ratio, { timeout: 60_000 }).toBeCloseTo(11 / 8.5, 2);
    await expect(preview.getByRole('status')).toContainText('Rendered in', { timeout: 60_000 });
    const letterPages = await preview.locator('canvas').count();
    expect(letterPages).toBeGreaterThanOrEqual(5);

    // Sections jump to their page; the page scrolled to gets drawn.
    await preview.getByRole('navigation', { name: 'Sections in the preview' }).getByRole('button', { name: /Budget vs actual by department/ }).click();
    await expect.poll(() => rendered(page).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(screenshotDir, 'report-preview.png') });

    // Export PDF: a real PDF, with the commentary in it.
    const pdf = await take(page, () => view.getByRole('button', { name: 'Export PDF' }).click(), dir);
    expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = readFileSync(pdf.path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(new Uint8Array(bytes))).replace(/\s+/g, ' ');
    expect(text).toContain('fuel surcharge review');
    expect(text).toContain('Freight revenue ran ahead of plan');
    // The file is the pack previewed: the same pages, and the status says how many.
    expect((await pdfPages(bytes)).length).toBe(letterPages);
    await expect(view.locator('.export-status')).toContainText(`Saved ${pdf.download.suggestedFilename()} · ${letterPages} pages`);

    // Variance: the table on screen exported as xlsx and csv, with the same figures.
    await page.locator('body').press('Alt+4');
    const variance = page.getByRole('region', { name: 'Variance' });
    const firstRow = variance.getByRole('table', { name: 'Variance by account' }).locator('tbody tr[data-account]').first();
    await expect(firstRow).toBeVisible({ timeout: 30_000 });
    const accountCode = (await firstRow.getAttribute('data-account'))!;
    const shownBudget = shownAmount(await firstRow.locator('td').nth(0).innerText());
    const shownActual = shownAmount(await firstRow.locator('td').nth(1).innerText());
    const departmentCode = (await page.getByLabel('Department', { exact: true }).inputValue()).trim();

    const exportAs = async (label: RegExp) =>
      take(
        page,
        async () => {
          await variance.getByRole('button', { name: 'Export variance table' }).click();
          await page.getByRole('menuitem', { name: label }).click();
        },
        dir,
      );

    const xlsx = await exportAs(/xlsx/);
    expect(xlsx.download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.path);
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (name: string) => headers.indexOf(name);
    expect(col('Budget')).toBeGreaterThan(0);
    let found: { budget: number; actual: number } | null = null;
    sheet.eachRow((row, n) => {
      if (n === 1 || found) return;
      const cell = (name: string) => row.getCell(col(name)).value;
      if (String(cell('Account code')) === accountCode && (col('Department code') < 0 || String(cell('Department code')) === departmentCode)) {
        found = { budget: Number(cell('Budget')), actual: Number(cell('Actual')) };
      }
    });
    expect(found, `a row for account ${accountCode} of department ${departmentCode}`).not.toBeNull();
    const figures = found as unknown as { budget: number; actual: number };
    expect(Math.round(figures.budget)).toBe(shownBudget);
    expect(Math.round(figures.actual)).toBe(shownActual);

    const csv = await exportAs(/csv/);
    expect(csv.download.suggestedFilename()).toMatch(/\.csv$/);
    const csvText = readFileSync(csv.path, 'utf8').replace(/^\uFEFF/, '');
    const lines = csvText.split(/\r?\n/);
    expect(lines[0]).toContain('Budget');
    expect(lines.some((l) => l.includes(`,${accountCode},`))).toBe(true);
    await expect(page.getByText(/Saved variance table/).first()).toBeVisible();

    expect(errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
