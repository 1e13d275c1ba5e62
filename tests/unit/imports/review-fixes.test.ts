/**
 * Regression tests for the import review: total-looking rows with a code, undo of a batch that
 * created its plan, undo into a cell filled again since, undo of a sealed batch, what an entity
 * import reports as created, and quarter columns read as their headers say.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCells } from '../../../electron/core/budget/grid-service';
import { sealHistory } from '../../../electron/core/history/change';
import { commitImport } from '../../../electron/core/imports/commit';
import { listImportBatches, undoImportBatch } from '../../../electron/core/imports/history';
import { planImport } from '../../../electron/core/imports/preview';
import type { ImportPlan } from '../../../shared/imports';
import { snapshot } from '../../helpers/db-snapshot';
import { refusal } from '../../helpers/refusal';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { months2027, seedOrg, sheet, workbook } from './workbooks';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
  seedOrg(ws.ctx);
});
afterEach(() => ws.cleanup());

const m = months2027.slice(0, 3);
const errors = (plan: ImportPlan) => plan.problems.filter((p) => p.severity === 'error').map((p) => `${p.ref}: ${p.message}`);
const warnings = (plan: ImportPlan) => plan.problems.filter((p) => p.severity === 'warning').map((p) => `${p.ref}: ${p.message}`);
const figures = (plan: ImportPlan) => (plan.records?.kind === 'budget' || plan.records?.kind === 'actuals' ? plan.records.rows : []);
const count = (sql: string) => ws.ctx.db.$client.prepare(sql).pluck().get() as number;

function commit(plan: ImportPlan) {
  expect(errors(plan)).toEqual([]);
  return commitImport(ws.ctx, plan);
}

describe('total rows', () => {
  it('a row labelled "Total Rewards" with an account code is data; a "Total" row without one is not', () => {
    const plan = planImport(
      ws.ctx,
      workbook(
        'rewards.xlsx',
        sheet('210', [
          ['Account', 'Description', ...m],
          ['6000', 'Total Rewards', 100, 200, 300],
          ['6100', 'Travel', 10, 20, 30],
          ['Total', null, 110, 220, 330],
        ]),
      ),
      { departmentCode: '210' },
    );
    expect(errors(plan)).toEqual([]);
    expect(figures(plan).map((r) => [r.accountCode, r.period, r.amountMinor])).toEqual([
      ['6000', '2027-01', 10000],
      ['6000', '2027-02', 20000],
      ['6000', '2027-03', 30000],
      ['6100', '2027-01', 1000],
      ['6100', '2027-02', 2000],
      ['6100', '2027-03', 3000],
    ]);
    expect(plan.sheets[0]).toMatchObject({ skippedRows: 1 });
    expect(warnings(plan)).toEqual([]);
  });

  it('an accounts file keeps an account named "Total rewards" and skips its total row', () => {
    const plan = planImport(
      ws.ctx,
      workbook(
        'accounts.xlsx',
        sheet('Accounts', [
          ['Code', 'Name', 'Type'],
          ['6150', 'Total rewards', 'expense'],
          ['Total', null, null],
        ]),
      ),
      { kind: 'accounts' },
    );
    expect(errors(plan)).toEqual([]);
    expect(plan.records?.kind === 'accounts' ? plan.records.rows.map((r) => r.code) : null).toEqual(['6150']);
  });
});

describe('quarter columns', () => {
  it('cross-checks a quarter column against the quarter its header names, with shared money formatting', () => {
    const plan = planImport(
      ws.ctx,
      workbook(
        'q.xlsx',
        sheet('210', [
          ['Account', 'Description', ...months2027.slice(3, 6), 'Q2 2027'],
          ['6000', 'Salaries', 100, 200, 300, 600],
          ['6100', 'Travel', 10, 20, 30, 1234.5],
        ]),
      ),
      { departmentCode: '210' },
    );
    expect(warnings(plan)).toEqual(['q.xlsx!210!F3: Q2 says 1,234.50 but its months add up to 60.00']);
  });
});

describe('undoing a batch', () => {
  function budget(fileName: string, rows: (string | number | null)[][], options: { planName?: string } = {}) {
    return planImport(ws.ctx, workbook(fileName, sheet('210', [['Account', 'Description', ...m], ...rows])), { departmentCode: '210', ...options });
  }

  it('undoes a budget import that created its plan: the plan and its lines go, everything else is as before', () => {
    const before = snapshot(ws.ctx);
    const plan = budget('new-plan.xlsx', [['6000', 'Salaries', 100, 200, 300]], { planName: 'FY2027 · Stretch' });
    expect(plan.target).toMatchObject({ create: true });
    const result = commit(plan);
    expect(result.planCreated).toBe(true);
    expect(count("SELECT count(*) FROM plans WHERE name = 'FY2027 · Stretch'")).toBe(1);

    undoImportBatch(ws.ctx, result.batchId!);
    expect(count("SELECT count(*) FROM plans WHERE name = 'FY2027 · Stretch'")).toBe(0);
    expect(count('SELECT count(*) FROM budget_lines')).toBe(0);
    expect({ ...snapshot(ws.ctx), import_batches: [] }).toEqual({ ...before, import_batches: [] });
    expect(listImportBatches(ws.ctx)[0]).toMatchObject({ batch: result.batch, undoneAt: expect.any(String), planId: null });
  });

  it('refuses, naming the cell and changing nothing, when a later change filled a cell the batch emptied', () => {
    commit(budget('salaries.xlsx', [['6000', 'Salaries', 100, 200, 300]], { planName: 'FY2027 · Base' }));
    // The next file has only travel: the salaries lines the first import wrote are removed by it.
    const result = commit(budget('travel.xlsx', [['6100', 'Travel', 10, 20, 30]], { planName: 'FY2027 · Base' }));
    expect(count("SELECT count(*) FROM budget_lines WHERE account_id = 'a6000'")).toBe(0);
    // Later work types a new value into the same cell: a new line, not the one the import removed.
    setCells(ws.ctx, { planId: 'p27', cells: [{ departmentId: 'd210', accountId: 'a6000', period: '2027-01', amountMinor: 7000 }] });
    const before = snapshot(ws.ctx);
    const err = refusal(() => undoImportBatch(ws.ctx, result.batchId!));
    expect(err.code).toBe('refused');
    expect(err.message).toMatch(/Cannot undo import #\d+ \(travel\.xlsx\): the cell FY2027 · Base · 210 · 6000 · 2027-01 it would restore has been filled again/);
    expect(snapshot(ws.ctx)).toEqual(before);
  });

  it('refuses a batch whose history was sealed', () => {
    const result = commit(budget('sealed.xlsx', [['6000', 'Salaries', 100, 200, 300]], { planName: 'FY2027 · Base' }));
    sealHistory(ws.ctx);
    const before = snapshot(ws.ctx);
    const err = refusal(() => undoImportBatch(ws.ctx, result.batchId!));
    expect(err.code).toBe('refused');
    expect(err.message).toMatch(/its history was closed/);
    expect(snapshot(ws.ctx)).toEqual(before);
  });
});

describe('what an entity import reports as created', () => {
  it('a people import lists only the departments it actually created', () => {
    const plan = planImport(
      ws.ctx,
      workbook(
        'people.xlsx',
        sheet('People', [
          ['Name', 'Title', 'Department', 'FTE', 'Salary', 'Start date'],
          ['Ada Lovelace', 'Analyst', '210', 1, 90000, new Date(Date.UTC(2026, 0, 1))],
          ['Grace Hopper', 'Engineer', '777', 1, 120000, new Date(Date.UTC(2026, 0, 1))],
        ]),
      ),
      { kind: 'people', unknownCodes: 'create' },
    );
    expect(plan.creates.departments.map((d) => d.code)).toEqual(['777']);
    const result = commit(plan);
    expect(result.created).toEqual({ departments: ['777'], accounts: [] });
  });
});
