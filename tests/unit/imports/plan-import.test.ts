import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../../electron/core/imports/commit';
import { planImport } from '../../../electron/core/imports/preview';
import type { FigureRecord, ImportPlan } from '../../../shared/imports';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { months2027, seedOrg, sheet, workbook } from './workbooks';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
  seedOrg(ws.ctx);
});
afterEach(() => ws.cleanup());

/** The figure records of a budget or actuals plan. */
function figures(plan: ImportPlan): FigureRecord[] {
  const records = plan.records;
  if (!records || (records.kind !== 'budget' && records.kind !== 'actuals')) throw new Error(`not a figure import: ${records?.kind}`);
  return records.rows;
}

const messages = (plan: ImportPlan, severity: 'error' | 'warning') => plan.problems.filter((p) => p.severity === severity).map((p) => `${p.ref}: ${p.message}`);

/** A manager's template: title rows, months, Q1, a full-year column, a subtotal and a total row. */
function template(fileName = 'h4.xlsx') {
  const m = months2027.slice(0, 3);
  return workbook(
    fileName,
    sheet('Budget', [
      ['Warehouse — FY2027 budget'],
      ['Cost centre 210'],
      [],
      ['Account', 'Description', ...m, 'Q1', 'FY total'],
      ['6000', 'Salaries', 100, 200, 300, 600, 600],
      ['6100', 'Travel', 10, '20.50', null, 30, 31],
      ['Subtotal', null, 110, 220.5, 300, 630, 631],
      ['Total expenses', null, 110, 220, 300, 630, 630.5],
    ]),
  );
}

describe('planning a budget import', () => {
  it('reads a wide template: months only, quarter/total columns and rows cross-checked, never imported', () => {
    const plan = planImport(ws.ctx, template());
    expect(plan.kind).toBe('budget');
    expect(plan.sheets[0]).toMatchObject({ headerRow: 3, layout: 'wide', departmentCode: '210', departmentFrom: 'title' });
    expect(plan.target).toMatchObject({ planId: 'p27', create: false });
    expect(figures(plan).map((r) => [r.accountCode, r.period, r.amountMinor, r.source])).toEqual([
      ['6000', '2027-01', 10000, 'h4.xlsx!Budget!C5'],
      ['6000', '2027-02', 20000, 'h4.xlsx!Budget!D5'],
      ['6000', '2027-03', 30000, 'h4.xlsx!Budget!E5'],
      ['6100', '2027-01', 1000, 'h4.xlsx!Budget!C6'],
      ['6100', '2027-02', 2050, 'h4.xlsx!Budget!D6'],
    ]);
    expect(messages(plan, 'error')).toEqual([]);
    expect(messages(plan, 'warning')).toEqual([
      'h4.xlsx!Budget!F6: Q1 says 30.00 but its months add up to 30.50',
      'h4.xlsx!Budget!G6: the total says 31.00 but the months add up to 30.50',
      'h4.xlsx!Budget!D8: total row says 220.00 but the rows above it add up to 220.50',
    ]);
    expect(plan.figureDiff).toMatchObject({ totals: { before: 0, after: 63050 }, added: expect.any(Array), changed: [], removed: [] });
  });

  it('refuses "tbd" where a number belongs, at that cell', () => {
    const wb = workbook('h4.xlsx', sheet('210 Warehouse', [['Account', 'Jan 2027', 'Feb 2027'], ['6000', 'tbd', 5]]));
    const plan = planImport(ws.ctx, wb);
    expect(messages(plan, 'error')).toEqual(['h4.xlsx!210 Warehouse!B2: "tbd" where an amount belongs']);
    expect(() => commitImport(ws.ctx, plan)).toThrow(/not imported: there is 1 error \(h4\.xlsx!210 Warehouse!B2/);
  });

  it('refuses unknown accounts by default, with the cell', () => {
    const wb = workbook('h4.xlsx', sheet('Budget', [['Department', 'Account', 'Month', 'Amount'], ...Array.from({ length: 7 }, () => ['210', '6000', 'Jan 2027', '1']), ['210', '9999', 'Jan 2027', '5']]));
    const plan = planImport(ws.ctx, wb, { duplicates: 'sum' });
    expect(messages(plan, 'error')).toEqual(['h4.xlsx!Budget!B9: account 9999 is not in the chart of accounts; add it, create it (--create-missing), or map it to an existing code (--codes "9999=CODE")']);
  });

  it('creates unknown codes on the spot when asked, or maps them to existing ones', () => {
    const wb = workbook('h4.csv', sheet('h4', [['Department', 'Account', 'Month', 'Amount'], ['777', '9999', '2027-01', '5'], ['210', '6001', '2027-02', '7']]));
    const created = planImport(ws.ctx, wb, { unknownCodes: 'create' });
    expect(created.errorCount).toBe(0);
    expect(created.creates).toEqual({
      departments: [{ code: '777', name: '777' }],
      accounts: [
        { code: '9999', name: 'Account 9999', type: 'expense' },
        { code: '6001', name: 'Account 6001', type: 'expense' },
      ],
    });
    const result = commitImport(ws.ctx, created);
    expect(result.created).toEqual({ departments: ['777'], accounts: ['9999', '6001'] });

    const mapped = planImport(ws.ctx, workbook('h5.csv', sheet('h5', [['Department', 'Account', 'Month', 'Amount'], ['888', '6002', '2027-01', '5']])), {
      unknownCodes: [
        { from: '888', to: '420' },
        { from: '6002', to: '6100' },
      ],
    });
    expect(mapped.errorCount).toBe(0);
    expect(mapped.records?.rows).toEqual([{ departmentCode: '420', accountCode: '6100', period: '2027-01', amountMinor: 500, source: 'h5.csv!D2' }]);
  });

  it('sums duplicate rows for one cell with a warning, or refuses them', () => {
    const rows = [['Department', 'Account', 'Month', 'Amount'], ['210', '6000', '2027-01', '100'], ['210', '6000', 'Jan 2027', '50']];
    const summed = planImport(ws.ctx, workbook('d.csv', sheet('d', rows)));
    expect(figures(summed).map((r) => r.amountMinor)).toEqual([15000]);
    expect(messages(summed, 'warning')).toEqual(['d.csv!D3: a second value for 210 · 6000 · Jan 2027 (first at D2); the two are summed']);
    const refused = planImport(ws.ctx, workbook('d.csv', sheet('d', rows)), { duplicates: 'refuse' });
    expect(messages(refused, 'error')).toEqual(['d.csv!D3: a second value for 210 · 6000 · Jan 2027 (first at D2); duplicates are refused']);
  });

  it('refuses months outside the plan’s fiscal year', () => {
    const wb = workbook('old.csv', sheet('old', [['Department', 'Account', 'Month', 'Amount'], ['210', '6000', '2026-12', '1'], ['210', '6000', '2027-01', '1']]));
    const plan = planImport(ws.ctx, wb, { planName: 'FY2027 · Base' });
    expect(messages(plan, 'error')).toEqual(['old.csv!C2: Dec 2026 is outside FY2027 · Base, which runs from Jan 2027 to Dec 2027']);
  });

  it('without a plan: the only draft plan of the year, else refused with the candidates; a new named plan is created', () => {
    const wb = workbook('x.csv', sheet('x', [['Department', 'Account', 'Month', 'Amount'], ['210', '6000', '2028-01', '1']]));
    const none = planImport(ws.ctx, wb);
    expect(messages(none, 'error')).toEqual(['x.csv: there is no draft plan for FY2028; choose a plan (a new name such as "FY2028 · Base" creates it)']);
    const named = planImport(ws.ctx, wb, { planName: 'FY2028 · Stretch' });
    expect(named.errorCount).toBe(0);
    expect(named.target).toMatchObject({ planId: null, planName: 'FY2028 · Stretch', create: true });
    expect(named.notes).toContain('FY2028 · Stretch does not exist yet; the import creates it as a draft plan.');
    const result = commitImport(ws.ctx, named);
    expect(result).toMatchObject({ planCreated: true, planName: 'FY2028 · Stretch', batch: '#1' });
    commitImport(ws.ctx, planImport(ws.ctx, wb, { planName: 'FY2028 · Base' }));
    const two = planImport(ws.ctx, wb);
    expect(two.planCandidates).toEqual(['FY2028 · Base', 'FY2028 · Stretch']);
    expect(two.errorCount).toBe(1);
  });

  it('refuses figures on a department with sub-departments', () => {
    const plan = planImport(ws.ctx, workbook('p.csv', sheet('p', [['Department', 'Account', 'Month', 'Amount'], ['100', '6000', '2027-01', '1']])));
    expect(messages(plan, 'error')[0]).toMatch(/department 100 Larkspur Freight has sub-departments/);
  });

  it('signs debit/credit actuals so revenue and spend both read positive', () => {
    const wb = workbook(
      'gl.csv',
      sheet('gl', [
        ['Posting Period', 'Cost Center', 'GL Account', 'Debit', 'Credit'],
        ['2026-01', '210', '6000', '500.00', ''],
        ['2026-01', '210', '6000', '', '50.00'],
        ['2026-01', '420', '4000', '', '9,000.00'],
      ]),
    );
    const plan = planImport(ws.ctx, wb);
    expect(plan.kind).toBe('actuals');
    expect(figures(plan).map((r) => [r.departmentCode, r.accountCode, r.amountMinor])).toEqual([
      ['210', '6000', 45000],
      ['420', '4000', 900000],
    ]);
  });

  it('reads a decimal-comma csv when detected or chosen', () => {
    const wb = { ...workbook('eu.csv', sheet('eu', [['Department', 'Account', 'Month', 'Amount'], ['210', '6000', '2027-01', '1.234,50'], ['210', '6100', '2027-01', '(1.234,50)']])) };
    expect(planImport(ws.ctx, wb).errorCount).toBe(2);
    const chosen = planImport(ws.ctx, wb, { decimalComma: true });
    expect(figures(chosen).map((r) => r.amountMinor)).toEqual([123450, -123450]);
    const detected = planImport(ws.ctx, { ...wb, csv: { encoding: 'windows-1252', delimiter: ';', decimalComma: true } });
    expect(figures(detected).map((r) => r.amountMinor)).toEqual([123450, -123450]);
  });

  it('says so for an empty file and for headers only', () => {
    expect(messages(planImport(ws.ctx, workbook('e.csv', sheet('e', []))), 'error')).toEqual(['e.csv: the file is empty']);
    expect(messages(planImport(ws.ctx, workbook('h.csv', sheet('h', [['Department', 'Account', 'Month', 'Amount']]))), 'error')).toEqual([
      'h.csv: there are no amounts to import under the header row',
    ]);
  });

  it('imports every department sheet of a workbook, or only those chosen', () => {
    const rows = (n: number) => [['Account', 'Jan 2027'], ['6000', n]];
    const wb = workbook('all.xlsx', sheet('Read me', [['Fill in one sheet per department']]), sheet('210 Warehouse', rows(1)), sheet('420 Marketing', rows(2)));
    const all = planImport(ws.ctx, wb);
    expect(all.sheets.map((s) => [s.name, s.included, s.departmentCode])).toEqual([
      ['Read me', false, null],
      ['210 Warehouse', true, '210'],
      ['420 Marketing', true, '420'],
    ]);
    expect(figures(all).map((r) => [r.departmentCode, r.amountMinor])).toEqual([
      ['210', 100],
      ['420', 200],
    ]);
    const one = planImport(ws.ctx, wb, { sheets: ['420 Marketing'] });
    expect(figures(one).map((r) => r.departmentCode)).toEqual(['420']);
    expect(messages(planImport(ws.ctx, wb, { sheets: ['Nope'] }), 'error')[0]).toMatch(/there is no sheet "Nope"/);
  });
});

describe('planning org, accounts and people imports', () => {
  it('people: open roles, salary 0 warning, matched by name and department', () => {
    const wb = workbook(
      'hr.xlsx',
      sheet('Employees', [
        ['Full Name', 'Job Title', 'Dept Code', 'FTE', 'Annual Salary', 'Start Date', 'Status'],
        ['Alex Okafor', 'Associate', '210', 1, 74000, new Date(Date.UTC(2021, 8, 13)), 'Active'],
        ['TBH — Dispatcher', 'Dispatcher', '210', 1, 52000, null, 'Open'],
        ['Sam Intern', 'Intern', '420', 0.5, 0, null, 'Active'],
      ]),
    );
    const plan = planImport(ws.ctx, wb);
    expect(plan.kind).toBe('people');
    expect(messages(plan, 'warning')).toEqual(['hr.xlsx!Employees!E4: salary of 0 for Sam Intern']);
    expect(plan.records?.rows.map((r) => 'status' in r && [r.name, r.status, r.startDate])).toEqual([
      ['Alex Okafor', 'active', '2021-09-13'],
      ['TBH — Dispatcher', 'open', null],
      ['Sam Intern', 'active', null],
    ]);
    commitImport(ws.ctx, plan);
    const again = planImport(ws.ctx, wb);
    expect(again.identical).toBe(true);
  });

  it('departments: parents in the file, loops refused', () => {
    const ok = planImport(ws.ctx, workbook('d.csv', sheet('d', [['code', 'name', 'parent_code'], ['430', 'Events', '400'], ['400', 'Sales & Marketing', '100']])));
    expect(ok.errorCount).toBe(0);
    commitImport(ws.ctx, ok);
    const loop = planImport(ws.ctx, workbook('l.csv', sheet('l', [['code', 'name', 'parent_code'], ['400', 'S&M', '430']])));
    expect(messages(loop, 'error')[0]).toMatch(/would end up under itself/);
  });
});
