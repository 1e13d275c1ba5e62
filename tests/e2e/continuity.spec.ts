/**
 * Issue 5's Continuity UI on the demo workspace, building its own process (the demo may or may
 * not carry continuity content): dependencies on a person, a new vendor and a new system; the
 * impact analysis rated by keyboard with the suggested RTO it gives, Undo/Redo of a rating; a
 * plan with three steps reordered by keyboard; a call tree with an alternate and a circle that
 * core refuses; readiness gaps that change; the dependency map; and removing a person that
 * continuity uses from the org (refused with the list, then reassigned in one step); the plan's
 * go-bag PDF downloaded on the phone page with its steps and call tree; a person's phone number.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { pdfPages } from '../helpers/pdf-text';
import { expect, openApp, screenshotDir, test } from './serve-fixture';

mkdirSync(screenshotDir, { recursive: true });

const processName = 'Cold-chain dispatch';

/** Closes the toasts so a screenshot shows the view, not the confirmations over it. */
async function dismissToasts(page: Page) {
  await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.toast-close').forEach((b) => b.click()));
  await expect(page.locator('.toast')).toHaveCount(0);
}

/** The text of the option a <select> has at `index` (0 is the placeholder). */
async function optionText(select: Locator, index: number): Promise<string> {
  return (await select.locator('option').nth(index).textContent())?.trim() ?? '';
}

/** Picks the option at `index` and answers with the person's name (options read "Name — Title"). */
async function pickPerson(select: Locator, index: number): Promise<string> {
  const text = await optionText(select, index);
  await select.selectOption({ index });
  return text.split(' — ')[0]!.trim();
}

async function openContinuity(page: Page) {
  await page.locator('body').press('Alt+8');
  const view = page.getByRole('region', { name: 'Continuity' });
  await expect(view.getByRole('heading', { name: 'Business continuity' })).toBeVisible();
  return view;
}

test('continuity: process with dependencies, BIA by keyboard, plan steps, call tree, readiness, map', async ({ page, app }) => {
  test.setTimeout(180_000);
  const errors = await openApp(page, app.url);
  const view = await openContinuity(page);

  // Settings: the tolerance the suggested RTO is judged against.
  await view.getByRole('tab', { name: 'Settings' }).click();
  await view.getByRole('radio', { name: /^4/ }).check();
  await expect(view.getByRole('radio', { name: /^4/ })).toBeChecked();
  // Arrow keys move between the tabs.
  await view.getByRole('tab', { name: 'Settings' }).press('Home');
  await expect(view.getByRole('tab', { name: 'Processes' })).toHaveAttribute('aria-selected', 'true');

  // A new Tier 1 process.
  await view.getByRole('button', { name: 'Add process' }).click();
  const add = page.getByRole('dialog', { name: 'Add process' });
  await add.getByLabel('Name').fill(processName);
  await add.getByLabel('Tier').selectOption('1');
  await add.getByRole('button', { name: 'Add process' }).click();
  await expect(add).toBeHidden();
  await expect(view.getByRole('heading', { level: 2, name: new RegExp(processName) })).toBeVisible();
  const readiness = view.getByRole('complementary', { name: 'Readiness' });
  await expect(readiness.locator('[data-gap="no_plan"]')).toBeVisible();
  await expect(readiness.locator('[data-gap="bia_missing"]')).toBeVisible();

  // Dependencies: a person from the org…
  const deps = view.getByRole('region', { name: 'Dependencies' });
  await deps.getByRole('button', { name: 'Add dependency' }).click();
  let dialog = page.getByRole('dialog', { name: `Add a dependency of ${processName}` });
  const keyPerson = await pickPerson(dialog.getByLabel('Person', { exact: true }), 1);
  await dialog.getByLabel('Recovery time of this dependency').fill('2 d');
  await dialog.getByRole('button', { name: 'Add dependency' }).click();
  await expect(dialog).toBeHidden();
  await expect(deps.locator(`tr[data-dependency="${keyPerson}"]`)).toContainText('2 d');

  // …a vendor created on the spot…
  await deps.getByRole('button', { name: 'Add dependency' }).click();
  dialog = page.getByRole('dialog', { name: `Add a dependency of ${processName}` });
  await dialog.getByRole('radio', { name: 'Vendor' }).click();
  await dialog.getByRole('button', { name: 'New vendor…' }).click();
  await dialog.getByLabel('Vendor name').fill('Polar Reefer Hire');
  await dialog.getByLabel('Service').fill('Refrigerated trailers');
  await dialog.getByLabel('Their stated recovery time').fill('3 d');
  await dialog.getByRole('button', { name: 'Add dependency' }).click();
  await expect(dialog).toBeHidden();
  await expect(deps.locator('tr[data-dependency="Polar Reefer Hire"]')).toContainText('3 d');
  // The vendor and the dependency on it are one change: one Undo would take both back.
  await expect(page.locator('#undo-label')).toContainText('new vendor Polar Reefer Hire');

  // …and a new system, reached by keyboard on the kind switch.
  await deps.getByRole('button', { name: 'Add dependency' }).click();
  dialog = page.getByRole('dialog', { name: `Add a dependency of ${processName}` });
  await dialog.getByRole('radio', { name: 'Person' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: 'System' })).toHaveAttribute('aria-checked', 'true');
  await dialog.getByRole('button', { name: 'New system…' }).click();
  await dialog.getByLabel('System name').fill('Reefer telemetry');
  await dialog.getByLabel('Stated recovery time').fill('8 h');
  await dialog.getByRole('button', { name: 'Add dependency' }).click();
  await expect(dialog).toBeHidden();
  await expect(deps.locator('tr[data-dependency="Reefer telemetry"]')).toContainText('8 h');
  await expect(deps.locator('tbody tr')).toHaveCount(3);

  // The impact analysis by keyboard: 4 h financial 2, customer 3; 24 h customer 4 (the tolerance).
  const grid = view.getByRole('grid', { name: 'Impact ratings' });
  await grid.locator('[data-cell="4-financial"]').click();
  await page.keyboard.press('2');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('3');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('4');
  await expect(grid.locator('[data-cell="24-customer"]')).toHaveText(/^4/);
  const suggested = view.getByTestId('suggested-rto');
  await expect(suggested).toContainText('Suggested from the impact analysis: 24 h');
  await expect(suggested).toContainText('customer');
  await expect(grid.locator('[data-cell="24-customer"]')).toHaveAttribute('aria-label', /not tolerable/);

  // Each rating is one change: Undo takes the last one back, Redo restores it.
  await expect(page.locator('#undo-label')).toContainText('impact analysis');
  await page.keyboard.press('Control+z');
  await expect(grid.locator('[data-cell="24-customer"]')).toHaveText('');
  await expect(suggested).not.toContainText('24 h');
  await page.keyboard.press('Control+Shift+z');
  await expect(grid.locator('[data-cell="24-customer"]')).toHaveText(/^4/);
  await expect(suggested).toContainText('24 h');
  // Delete clears a cell (and is itself a change).
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Delete');
  await expect(grid.locator('[data-cell="4-financial"]')).toHaveText('');

  // Another RTO than the suggestion needs a reason; then take the suggestion, set RPO and MTPD, save.
  const details = view.getByRole('region', { name: 'Process details' });
  await details.getByLabel('RTO (recovery time objective)').fill('8 h');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByText('Say why the RTO differs from the suggested 24 h.')).toBeVisible();
  await details.getByRole('button', { name: 'Use 24 h' }).click();
  await details.getByLabel('MTPD (maximum tolerable disruption)').fill('1 wk');
  await details.getByLabel('RPO (recovery point objective)').fill('4h');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText(`Saved ${processName}`)).toBeVisible();
  await expect(suggested).toContainText('RTO follows the suggestion');
  await expect(details.getByLabel('MTPD (maximum tolerable disruption)')).toHaveValue('1 wk');
  // The vendor's 3 days cannot meet a 24 h RTO, and readiness says so.
  await expect(deps.locator('tr[data-dependency="Polar Reefer Hire"]')).toContainText('Longer than the RTO');
  await expect(readiness.locator('[data-gap="rto_exceeds_dependency"]').first()).toBeVisible();
  await view.evaluate((el) => el.scrollTo(0, 0));
  await dismissToasts(page);
  await page.screenshot({ path: join(screenshotDir, 'continuity-process.png'), fullPage: false });

  // A plan: "no plan" goes away.
  const plans = view.getByRole('region', { name: 'Plans' });
  await plans.getByRole('button', { name: 'Add plan' }).click();
  const planDialog = page.getByRole('dialog', { name: 'Add plan' });
  await planDialog.getByLabel('Activation criteria').fill('Reefer dispatch stops for more than 2 hours, or the telemetry feed is down.');
  await planDialog.getByRole('button', { name: 'Add plan' }).click();
  await expect(planDialog).toBeHidden();
  await expect(readiness.locator('[data-gap="no_plan"]')).toHaveCount(0);
  await expect(readiness.locator('[data-gap="never_exercised"]')).toBeVisible();

  // Three steps, each with an owner and a time.
  const steps = plans.getByRole('region', { name: `Recovery steps of ${processName} recovery` });
  const actions = ['Call the duty dispatcher', 'Switch to paper load sheets', 'Book standby reefer trailers'];
  for (const [i, action] of actions.entries()) {
    await steps.getByLabel('New step action').fill(action);
    await steps.getByLabel('New step owner').selectOption({ index: i + 1 });
    await steps.getByLabel('New step within (hours from activation)').fill(`${(i + 1) * 2} h`);
    await steps.getByRole('button', { name: 'Add step' }).click();
    await expect(steps.locator('li.cont-step')).toHaveCount(i + 1);
  }
  await expect(steps.locator('li.cont-step').nth(2)).toHaveAttribute('data-step', actions[2]!);

  // Reorder by keyboard: the third step, focused, goes up one with Alt+↑, and keeps focus.
  const third = steps.locator(`li[data-step="${actions[2]}"]`);
  await third.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(steps.locator('li.cont-step').nth(1)).toHaveAttribute('data-step', actions[2]!);
  await expect(steps.locator('li.cont-step').nth(1)).toBeFocused();
  await expect(page.getByText(`Moved “${actions[2]}” to step 2 of 3.`)).toBeAttached();
  // It was saved: the server's order, after a refetch, is the new one.
  await expect(page.locator('#undo-label')).toContainText(/step/i);
  await expect(steps.locator('li.cont-step').nth(2)).toHaveAttribute('data-step', actions[1]!);

  // The call tree: a first caller with an alternate, and someone they call.
  const tree = plans.getByRole('region', { name: `Call tree of ${processName} recovery` });
  await tree.getByRole('button', { name: 'Add first caller' }).click();
  let treeDialog = page.getByRole('dialog', { name: 'Add to the call tree' });
  const first = await pickPerson(treeDialog.getByLabel('Person'), 1);
  const alternate = await pickPerson(treeDialog.getByLabel('Alternate'), 2);
  await treeDialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(treeDialog).toBeHidden();
  const firstItem = tree.locator(`[role="treeitem"][data-person="${first}"]`);
  await expect(firstItem).toHaveAttribute('aria-label', new RegExp(`first caller, alternate ${alternate}`));

  await tree.getByRole('button', { name: `Add someone ${first} calls` }).click();
  treeDialog = page.getByRole('dialog', { name: `Add someone ${first} calls` });
  const second = await pickPerson(treeDialog.getByLabel('Person'), 4);
  await treeDialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(treeDialog).toBeHidden();
  const secondItem = tree.locator(`[role="treeitem"][data-person="${second}"]`);
  await expect(secondItem).toHaveAttribute('aria-level', '2');
  await expect(secondItem).toHaveAttribute('aria-label', new RegExp(`called by ${first}, no alternate`));
  // An alternate set in place.
  await tree.getByLabel(`Alternate for ${second}`).selectOption({ index: 3 });
  await expect(secondItem).not.toHaveAttribute('aria-label', /no alternate/);

  // Moving the first caller under the person they call would make a circle: core refuses, and says so.
  await tree.getByRole('button', { name: `Move ${first}`, exact: true }).click();
  const move = page.getByRole('dialog', { name: `Move ${first}` });
  await move.getByLabel("Called by").selectOption({ index: 1 });
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(move.getByRole('alert')).toContainText('goes round in a circle');
  await move.getByRole('button', { name: 'Cancel' }).click();
  await expect(firstItem).toHaveAttribute('aria-level', '1');

  // An exercise with an action: "never exercised" goes away.
  await plans.getByRole('button', { name: 'Record exercise' }).click();
  const exercise = page.getByRole('dialog', { name: `Record an exercise of ${processName} recovery` });
  await exercise.getByLabel('Kind').selectOption('tabletop');
  await exercise.getByLabel('Held on').fill('2026-11-10');
  await exercise.getByLabel('Participants').fill('Dispatch leads, fleet, IT');
  await exercise.getByLabel('Findings').fill('Nobody knew where the paper load sheets are kept.');
  await exercise.getByRole('button', { name: 'Add action' }).click();
  await exercise.getByLabel('Action 1', { exact: true }).fill('Put paper load sheets in the go-bag');
  await exercise.getByLabel('Owner of action 1', { exact: true }).selectOption({ index: 1 });
  await exercise.getByLabel('Due date of action 1', { exact: true }).fill('2026-12-15');
  await exercise.getByRole('button', { name: 'Record exercise' }).click();
  await expect(exercise).toBeHidden();
  await expect(readiness.locator('[data-gap="never_exercised"]')).toHaveCount(0);
  await expect(plans.getByRole('list', { name: 'Actions' })).toContainText('Put paper load sheets in the go-bag');

  await plans.scrollIntoViewIfNeeded();
  await dismissToasts(page);
  await plans.locator('.cont-plan').first().screenshot({ path: join(screenshotDir, 'continuity-plan.png') });

  // The plan's go-bag, on the phone page: a real PDF with its activation, steps and call tree.
  await plans.getByRole('button', { name: 'Print go-bag…' }).click();
  const bag = page.getByRole('dialog', { name: 'Print go-bag' });
  await expect(bag.getByRole('radio', { name: `This plan: ${processName} recovery` })).toBeChecked();
  await bag.getByLabel('Paper').selectOption('phone');
  await bag.screenshot({ path: join(screenshotDir, 'continuity-go-bag-dialog.png') });
  const downloading = page.waitForEvent('download');
  await bag.getByRole('button', { name: 'Save PDF' }).click();
  const download = await downloading;
  await expect(bag).toBeHidden();
  const dir = mkdtempSync(join(tmpdir(), 'qm-go-bag-'));
  try {
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pages = await pdfPages(readFileSync(path));
    expect(pages[0]!.width).toBeLessThan(320); // 105 mm wide
    const text = pages.map((p) => p.text).join(' ').replace(/\s+/g, ' ');
    for (const words of [processName, 'Reefer dispatch stops for more than 2 hours', ...actions, first, second, alternate, 'Polar Reefer Hire']) expect(text).toContain(words);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Back to the list: the process is there with its tier, objectives in words and its gaps in words.
  await view.getByRole('button', { name: 'All processes' }).click();
  const row = view.locator(`tr[data-process="${processName}"]`);
  await expect(row).toContainText('Tier 1');
  await expect(row).toContainText('24 h');
  await expect(row).toContainText('1 wk');
  await expect(row).toContainText('RTO cannot be met');
  await expect(row).not.toContainText('No plan');
  // Keyboard: focus the first row, walk to ours, Enter opens it.
  const rows = view.locator('tr.cont-row');
  await rows.first().focus();
  const ourIndex = await rows.evaluateAll((trs, name) => trs.findIndex((tr) => tr.getAttribute('data-process') === name), processName);
  for (let i = 0; i < ourIndex; i++) await page.keyboard.press('ArrowDown');
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(view.getByRole('heading', { level: 2, name: new RegExp(processName) })).toBeVisible();

  // The dependency map: our process and what it depends on, as nodes; clicking it opens it.
  await view.getByRole('tab', { name: 'Dependency map' }).click();
  const map = view.getByRole('region', { name: 'Dependency map' });
  await expect(map.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
  for (const label of [processName, 'Polar Reefer Hire', 'Reefer telemetry', keyPerson]) {
    await expect(map.locator('.cont-map-label', { hasText: label }).first()).toBeAttached();
  }
  expect(await map.locator('.react-flow__edge').count()).toBeGreaterThanOrEqual(3);
  await expect(map.locator('.cont-map')).toHaveAttribute('data-layout', /elk|layered/);
  await dismissToasts(page);
  await page.screenshot({ path: join(screenshotDir, 'continuity-map.png') });
  await map.locator('.react-flow__node', { has: page.locator('.cont-map-label', { hasText: processName }) }).click();
  await expect(view.getByRole('heading', { level: 2, name: new RegExp(processName) })).toBeVisible();
  // The same by keyboard: a node takes focus, Enter opens its process.
  await view.getByRole('tab', { name: 'Dependency map' }).click();
  // The map lays itself out again when the tab reopens: focus the node only once it has settled.
  await expect(map.locator('.cont-map')).toHaveAttribute('data-layout', /elk|layered/);
  const node = map.locator('.react-flow__node', { has: page.locator('.cont-map-label', { hasText: processName }) });
  await node.focus();
  await expect(node).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(view.getByRole('heading', { level: 2, name: new RegExp(processName) })).toBeVisible();

  // The register: a vendor in use cannot simply be deleted; the dialog says where it is used.
  await view.getByRole('tab', { name: 'Vendors, systems & sites' }).click();
  const vendors = view.getByRole('table', { name: 'Vendor register' });
  await expect(vendors.locator('tr[data-vendor="Polar Reefer Hire"]')).toContainText(processName);
  await vendors.getByRole('button', { name: 'Delete Polar Reefer Hire' }).click();
  const del = page.getByRole('dialog', { name: 'Delete Polar Reefer Hire' });
  await expect(del.getByLabel('Where it is used')).toContainText(processName);
  await expect(del.getByRole('button', { name: 'Reassign and delete' })).toBeVisible();
  await del.getByRole('button', { name: 'Cancel' }).click();
  await expect(vendors.locator('tr[data-vendor="Polar Reefer Hire"]')).toBeVisible();

  expect(errors).toEqual([]);
});

test('org: removing a person continuity uses is refused with the list, then reassigned in one step', async ({ page, app }) => {
  test.setTimeout(120_000);
  const errors = await openApp(page, app.url);

  // A new person in the current department…
  await page.locator('body').press('Alt+1');
  const people = page.getByRole('region', { name: /^People in / });
  await people.getByRole('button', { name: 'Add person' }).click();
  const personDialog = page.getByRole('dialog', { name: 'Add person' });
  await personDialog.getByLabel('Name').fill('Robin Okafor');
  await personDialog.getByLabel('Phone (for call trees)').fill('+44 20 7946 0123');
  await personDialog.getByRole('button', { name: 'Add person' }).click();
  await expect(personDialog).toBeHidden();
  await expect(people.getByRole('row', { name: /Robin Okafor/ })).toContainText('+44 20 7946 0123');
  await people.screenshot({ path: join(screenshotDir, 'org-people-phone.png') });

  // …whom a new process depends on.
  const view = await openContinuity(page);
  await view.getByRole('button', { name: 'Add process' }).click();
  const add = page.getByRole('dialog', { name: 'Add process' });
  await add.getByLabel('Name').fill('Night trunking');
  await add.getByRole('button', { name: 'Add process' }).click();
  await expect(add).toBeHidden();
  await view.getByRole('button', { name: 'Add dependency' }).click();
  const dep = page.getByRole('dialog', { name: 'Add a dependency of Night trunking' });
  await dep.getByLabel('Person', { exact: true }).selectOption({ label: 'Robin Okafor' });
  await dep.getByRole('button', { name: 'Add dependency' }).click();
  await expect(dep).toBeHidden();

  // Removing Robin is refused, naming the process; reassigning does it in one step.
  await page.locator('body').press('Alt+1');
  await people.getByRole('button', { name: 'Remove Robin Okafor' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove person' });
  await remove.getByRole('button', { name: 'Remove' }).click();
  const needed = page.getByRole('dialog', { name: 'Robin Okafor is still needed' });
  await expect(needed.getByRole('alert')).toContainText('Cannot delete Robin Okafor');
  await expect(needed.getByLabel('Where Robin Okafor is named')).toContainText('Night trunking');
  const takeover = await pickPerson(needed.getByLabel('Reassign to'), 1);
  await needed.getByRole('button', { name: 'Reassign and remove' }).click();
  await expect(needed).toBeHidden();
  await expect(page.getByText(`Removed Robin Okafor; ${takeover} took over their roles`)).toBeVisible();
  await expect(people.getByRole('row', { name: /Robin Okafor/ })).toHaveCount(0);

  // The dependency moved to the person who took over.
  await openContinuity(page);
  await expect(view.getByRole('region', { name: 'Dependencies' }).locator(`tr[data-dependency="${takeover}"]`)).toBeVisible();

  expect(errors).toEqual([]);
});
