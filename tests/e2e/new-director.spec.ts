/**
 * Issue 11 §3, the defects a new director hit trying the app, each from the UI on a served
 * workspace: export with unsaved commentary, the Risks view's scrolling, the variance defaults,
 * layout at 1280 px, one date format, and the first-run checklist of an empty workspace.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
