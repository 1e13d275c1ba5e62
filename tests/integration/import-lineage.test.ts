/**
 * Every imported value remembers where it came from, and the budget grid says so: the cell of
 * the file, the batch that wrote it and when. A value typed over it forgets its import.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetGrid, setCells } from '../../electron/core/budget/grid-service';
import { commitImport } from '../../electron/core/imports/commit';
import { planImport } from '../../electron/core/imports/preview';
import { readWorkbook } from '../../electron/core/imports/read/read-workbook';
import { describeSource, type BudgetGrid } from '../../shared/budget';
import type { ImportOptions } from '../../shared/imports';
import { fixturePath } from '../helpers/fixtures';
import { tempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';

let ws: TempWorkspace;
let batchOfMarketing = 0;

async function importFixture(name: string, options: ImportOptions = {}): Promise<number> {
  const workbook = await readWorkbook(readFileSync(fixturePath(name)), name);
  const plan = planImport(ws.ctx, workbook, options);
  expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const { batch } = commitImport(ws.ctx, plan);
  if (batch === null) throw new Error(`${name} was not imported`);
  return Number(batch.replace('#', ''));
}

beforeAll(async () => {
  ws = tempWorkspace({ now: '2026-10-03T09:30:00Z', init: { name: 'Larkspur Freight', currency: 'USD', fiscalYearStartMonth: 1 } });
  await importFixture('departments.csv');
  await importFixture('accounts.csv');
  batchOfMarketing = await importFixture('budget-marketing-fy2027.xlsx', { planName: 'FY2027 · Base' });
});
afterAll(() => ws.cleanup());

function marketingGrid(): BudgetGrid {
  const plan = ws.ctx.db.$client.prepare("SELECT id FROM plans WHERE name = 'FY2027 · Base'").pluck().get() as string;
  const marketing = ws.ctx.db.$client.prepare("SELECT id FROM departments WHERE code = '420'").pluck().get() as string;
  return budgetGrid(ws.ctx, { planId: plan, departmentId: marketing });
}

describe('lineage of imported values', () => {
  it('shows the file cell, the batch and the date on every imported cell of a leaf', () => {
    const grid = marketingGrid();
    const filled = grid.rows.flatMap((r) => r.sources.filter((s) => s !== null));
    const valued = grid.rows.flatMap((r) => r.values.filter((v) => v !== null));
    expect(filled.length).toBe(valued.length);
    expect(filled.length).toBeGreaterThan(0);
    for (const source of filled) {
      expect(source).toMatchObject({ batch: batchOfMarketing, importedAt: '2026-10-03T09:30:00.000Z' });
      expect(source!.cell).toMatch(/^budget-marketing-fy2027\.xlsx!.+![A-Z]+\d+$/);
    }
    expect(describeSource(filled[0]!)).toMatch(
      new RegExp(`^from budget-marketing-fy2027\\.xlsx, .+![A-Z]+\\d+, imported 3 Oct 2026 by import #${batchOfMarketing}$`),
    );
  });

  it('rolled-up grids show no sources, and a typed value loses its import', () => {
    const grid = marketingGrid();
    const row = grid.rows.find((r) => r.values.some((v) => v !== null))!;
    const month = row.values.findIndex((v) => v !== null);
    setCells(ws.ctx, { planId: grid.planId, cells: [{ departmentId: grid.departmentId, accountId: row.accountId, period: grid.months[month]!, amountMinor: 1 }] });
    const after = marketingGrid().rows.find((r) => r.accountId === row.accountId)!;
    expect(after.sources[month]).toBeNull();
    expect(after.values[month]).toBe(1);
  });

  it('describes a source recorded without a batch plainly', () => {
    expect(describeSource({ cell: 'h4.xlsx!Budget!A9', batch: null, importedAt: null })).toBe('from h4.xlsx, Budget!A9');
  });
});
