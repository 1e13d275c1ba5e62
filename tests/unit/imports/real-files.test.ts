/**
 * What real files from other people showed the importer (issue 10, and the import-wizard defects
 * of issue 11): each test is one file shape that was refused or read wrong before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../../electron/core/imports/commit';
import { planImport } from '../../../electron/core/imports/preview';
import { withChange } from '../../../electron/core/history/change';
import type { FigureRecord, ImportPlan } from '../../../shared/imports';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { seedOrg, sheet, workbook } from './workbooks';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
  seedOrg(ws.ctx);
});
afterEach(() => ws.cleanup());

function figures(plan: ImportPlan): FigureRecord[] {
  const records = plan.records;
  if (!records || (records.kind !== 'budget' && records.kind !== 'actuals')) throw new Error(`not a figure import: ${records?.kind}`);
  return records.rows;
}

const messages = (plan: ImportPlan, severity: 'error' | 'warning') => plan.problems.filter((p) => p.severity === severity).map((p) => `${p.ref}: ${p.message}`);

describe('messages that name the cell and count once', () => {
  it('rows with an account but no amount are warned about once, counted, with their rows', () => {
    const plan = planImport(
      ws.ctx,
      workbook(
        'blank.csv',
        sheet('blank', [
          ['Department', 'Account', 'Month', 'Amount'],
          ['210', '6000', '2027-01', 100],
          ['210', '6100', '2027-01', null],
          ['210', '6000', '2027-02', 200],
          ['420', '6100', '2027-02', ''],
        ]),
      ),
      { kind: 'budget' },
    );
    expect(figures(plan)).toHaveLength(2);
    expect(messages(plan, 'warning')).toEqual(['blank.csv!D3: 2 rows have an account but no amount (rows 3, 5); they are left out, not imported as zero']);
  });

  it('a wide row with an account and no month filled is warned about too', () => {
    const plan = planImport(
      ws.ctx,
      workbook('wide.xlsx', sheet('210 Warehouse', [['Account', 'Jan 2027', 'Feb 2027'], ['6000', 1, 2], ['6100', null, null]])),
      { kind: 'budget' },
    );
    expect(messages(plan, 'warning')).toEqual(['wide.xlsx!210 Warehouse!B3: 1 row has an account but no amount (row 3); it is left out, not imported as zero']);
  });

  it("a month in another fiscal year is named at its cell, with each year's count", () => {
    const plan = planImport(
      ws.ctx,
      workbook(
        'two-years.csv',
        sheet('two-years', [
          ['Department', 'Account', 'Month', 'Amount'],
          ['210', '6000', '2027-01', 100],
          ['210', '6000', '2027-02', 100],
          ['210', '6000', '2028-01', 100],
        ]),
      ),
      { kind: 'budget' },
    );
    expect(messages(plan, 'error')).toEqual([
      "two-years.csv!C4: the file's months span FY2027 (2 amounts, first Jan 2027 at C2) and FY2028 (1 amount, first Jan 2028 at C4); a budget goes to one plan — choose the plan (--plan), or correct or remove the FY2028 months",
    ]);
  });

  it('ledger lines (debit and credit columns) net into their month without a warning each', () => {
    const plan = planImport(
      ws.ctx,
      workbook(
        'gl.csv',
        sheet('gl', [
          ['Posting Period', 'Cost Center', 'GL Account', 'Description', 'Debit', 'Credit'],
          ['2027-01', '210', '6100', 'Flights', '500.00', null],
          ['2027-01', '210', '6100', 'Refund', null, '120.00'],
          ['2027-01', '210', '6100', 'Hotel', '80.00', null],
          ['2027-01', '210', '4000', 'Billing', null, '900.00'],
          ['2027-01', '210', '4000', 'Credit note', '100.00', null],
        ]),
      ),
      { kind: 'actuals' },
    );
    expect(messages(plan, 'warning')).toEqual([]);
    expect(figures(plan).map((r) => [r.accountCode, r.amountMinor])).toEqual([
      ['6100', 46000],
      ['4000', 80000],
    ]);
    expect(plan.notes.some((n) => /^3 ledger lines were netted/.test(n))).toBe(true);
  });
});

describe('importing into an approved plan', () => {
  const file = () => workbook('approved.csv', sheet('approved', [['Department', 'Account', 'Month', 'Amount'], ['210', '6000', '2027-01', 100]]));
  beforeEach(() => {
    withChange(ws.ctx, 'Approve', (w) => w.update('plans', 'p27', { status: 'approved' }));
  });

  it('is refused until the user confirms it, saying it changes the approved plan', () => {
    const plan = planImport(ws.ctx, file(), { kind: 'budget', planName: 'FY2027 · Base' });
    expect(plan.target).toMatchObject({ planId: 'p27', create: false, status: 'approved' });
    expect(messages(plan, 'error')).toEqual([
      'approved.csv: FY2027 · Base is approved: this import would change the approved plan, not create a new one. Confirm it (in the app, "Import into the approved plan"; on the command line, --into-approved), or copy the plan into a new scenario and import there',
    ]);
    const confirmed = planImport(ws.ctx, file(), { kind: 'budget', planName: 'FY2027 · Base', intoApproved: true });
    expect(confirmed.errorCount).toBe(0);
    expect(commitImport(ws.ctx, confirmed).batchId).not.toBeNull();
  });

  it('a plan approved after the preview is not written into', () => {
    withChange(ws.ctx, 'Back to draft', (w) => w.update('plans', 'p27', { status: 'draft' }));
    const plan = planImport(ws.ctx, file(), { kind: 'budget' });
    expect(plan.errorCount).toBe(0);
    withChange(ws.ctx, 'Approve', (w) => w.update('plans', 'p27', { status: 'approved' }));
    expect(() => commitImport(ws.ctx, plan)).toThrow(/FY2027 · Base was approved/);
  });
});

describe('departments and accounts named, not coded', () => {
  const named = (fileName: string, rows: Array<[string, string]>) =>
    workbook(fileName, sheet(fileName.replace(/\.csv$/, ''), [['Department', 'Account', 'Month', 'Amount'], ...rows.map(([d, a], i) => [d, a, `2027-0${i + 1}`, 100])]));

  it('exact names and "CODE - Name" apply, and the preview lists how each was matched', () => {
    const plan = planImport(ws.ctx, named('names.csv', [['Marketing', 'Travel'], ['warehouse', '6000 - Salaries & wages']]), { kind: 'budget' });
    expect(plan.errorCount).toBe(0);
    expect(figures(plan).map((r) => [r.departmentCode, r.accountCode])).toEqual([
      ['420', '6100'],
      ['210', '6000'],
    ]);
    expect(plan.matches.map((m) => [m.entity, m.text, m.status, m.code, m.ref])).toEqual([
      ['department', 'Marketing', 'exact', '420', 'names.csv!A2'],
      ['account', 'Travel', 'exact', '6100', 'names.csv!B2'],
      ['department', 'warehouse', 'exact', '210', 'names.csv!A3'],
      ['account', '6000 - Salaries & wages', 'exact', '6000', 'names.csv!B3'],
    ]);
  });

  it('a near miss is offered, never applied, and the refusal names the --codes line that confirms it', () => {
    const plan = planImport(ws.ctx, named('typo.csv', [['Markting', 'Travel']]), { kind: 'budget', unknownCodes: 'create' });
    expect(plan.creates.departments).toEqual([]);
    expect(messages(plan, 'error')).toEqual([
      'typo.csv!A2: department "Markting" is not in the org — did you mean 420 Marketing? Confirm the match (on the command line: --codes "Markting=420")',
    ]);
    expect(plan.matches[0]).toMatchObject({ entity: 'department', text: 'Markting', status: 'suggest', code: null, suggestions: [{ code: '420', name: 'Marketing' }] });
  });

  it('a confirmed match imports and is remembered for the next file from the same source', () => {
    const confirmed = planImport(ws.ctx, named('typo.csv', [['Markting', 'Travel']]), { kind: 'budget', unknownCodes: [{ from: 'markting', to: '420' }] });
    expect(confirmed.errorCount).toBe(0);
    expect(confirmed.matches[0]).toMatchObject({ status: 'confirmed', code: '420' });
    commitImport(ws.ctx, confirmed);
    const next = planImport(ws.ctx, named('typo-2.csv', [['Markting', 'Travel'], ['Markting', 'Travel']]), { kind: 'budget' });
    expect(next.errorCount).toBe(0);
    expect(next.matches[0]).toMatchObject({ status: 'exact', code: '420', how: 'remembered' });
  });
});

describe('annual and quarterly amounts spread to months', () => {
  const annual = () =>
    workbook(
      'annual.xlsx',
      sheet('Budget', [
        ['Department', 'Account', 'FY2027', 'FY2026 Actual'],
        ['210', '6000', 1200.05, 900],
        ['420', '6100', 1000, 0],
      ]),
    );

  it('a year column is spread by last year\'s actuals where there are any, else evenly, exact to the cent, with lineage', () => {
    // Last year's actuals for 210 · 6000: every month booked, all of it in the first two, 1:3.
    // 420 · 6100 has only January booked: not a whole year, so it is spread evenly.
    withChange(ws.ctx, 'Actuals', (w) => {
      for (let m = 1; m <= 12; m++) {
        const amountMinor = m === 1 ? 100 : m === 2 ? 300 : 0;
        w.insert('actuals', { id: `x${m}`, departmentId: 'd210', accountId: 'a6000', period: `2026-${String(m).padStart(2, '0')}`, amountMinor, source: null, importBatchId: null, updatedAt: '2026-11-01T00:00:00.000Z' });
      }
      w.insert('actuals', { id: 'y1', departmentId: 'd420', accountId: 'a6100', period: '2026-01', amountMinor: 500, source: null, importBatchId: null, updatedAt: '2026-11-01T00:00:00.000Z' });
    });
    const plan = planImport(ws.ctx, annual(), { kind: 'budget' });
    expect(messages(plan, 'error')).toEqual([]);
    expect(messages(plan, 'warning')).toEqual([]);
    const rows = figures(plan);
    const of = (d: string) => rows.filter((r) => r.departmentCode === d);
    expect(of('210').map((r) => [r.period, r.amountMinor])).toEqual([
      ['2027-01', 30001],
      ['2027-02', 90004],
      ...Array.from({ length: 10 }, (_, i) => [`2027-${String(i + 3).padStart(2, '0')}`, 0]),
    ]);
    expect(of('420').map((r) => r.amountMinor)).toEqual([8334, 8334, 8334, 8334, 8333, 8333, 8333, 8333, 8333, 8333, 8333, 8333]);
    expect(of('420').reduce((a, r) => a + r.amountMinor, 0)).toBe(100000);
    expect(of('210')[0]!.source).toBe("annual.xlsx!Budget!C2 (spread from FY2027 at C2, by last year's actuals)");
    expect(of('420')[0]!.source).toBe('annual.xlsx!Budget!C3 (spread from FY2027 at C3, evenly)');
    expect(plan.spreads.map((s) => [s.source, s.totalMinor, s.method, s.months.length])).toEqual([
      ['annual.xlsx!Budget!C2', 120005, "by last year's actuals", 12],
      ['annual.xlsx!Budget!C3', 100000, 'evenly', 12],
    ]);
    const even = planImport(ws.ctx, annual(), { kind: 'budget', spread: 'even' });
    expect(figures(even).filter((r) => r.departmentCode === '210')[0]!.amountMinor).toBe(10001);
  });

  it('quarter columns are data when there are no month columns; a year column beside them is a cross-check', () => {
    const plan = planImport(
      ws.ctx,
      workbook('q.csv', sheet('q', [['Department', 'Account', 'Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027', 'FY2027'], ['210', '6100', 300, 300, 300, 301, 1200]])),
      { kind: 'budget', spread: 'even' },
    );
    expect(figures(plan).map((r) => r.amountMinor)).toEqual([10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10034, 10033, 10033]);
    expect(messages(plan, 'warning')).toEqual(['q.csv!G2: the total says 1,200.00 but the months add up to 1,201.00']);
  });
});

describe('refusals that say what to do next', () => {
  it('a file without a department or account column names the flags and the candidate columns with samples', () => {
    const plan = planImport(
      ws.ctx,
      workbook('company.csv', sheet('company', [['Region', 'Thing', 'Month', 'Amount'], ['North', 'Rent', '2027-01', 5], ['South', 'Fuel', '2027-01', 6]])),
      { kind: 'budget' },
    );
    expect(messages(plan, 'error')).toEqual([
      'company.csv: no column is mapped to the account; unmapped columns: A "Region" (North, South), B "Thing" (Rent, Fuel) — e.g. --map "Region=accountCode"',
      'company.csv: no department: choose one (--department CODE), name the sheet after one ("210 Warehouse"), or map a department column; unmapped columns: A "Region" (North, South), B "Thing" (Rent, Fuel) — e.g. --map "Region=departmentCode"',
    ]);
  });
});

describe('comment and notes columns', () => {
  it('are kept as the cells\' notes, long and wide, and written with the figures', () => {
    const long = planImport(
      ws.ctx,
      workbook('c.csv', sheet('c', [['Department', 'Account', 'Month', 'Amount', 'Comment'], ['210', '6000', '2027-01', 10, 'two new hires'], ['210', '6100', '2027-01', 5, '']])),
      { kind: 'budget' },
    );
    expect(long.sheets[0]!.mapping.find((m) => m.header === 'Comment')).toMatchObject({ field: 'note', how: 'exact' });
    expect(figures(long).map((r) => [r.accountCode, r.note])).toEqual([
      ['6000', 'two new hires'],
      ['6100', undefined],
    ]);
    commitImport(ws.ctx, long);
    const notes = ws.ctx.db.$client.prepare("SELECT a.code, l.note FROM budget_lines l JOIN accounts a ON a.id = l.account_id WHERE l.period = '2027-01' ORDER BY a.code").all();
    expect(notes).toEqual([
      { code: '6000', note: 'two new hires' },
      { code: '6100', note: null },
    ]);
    const wide = planImport(ws.ctx, workbook('w.xlsx', sheet('420 Marketing', [['Account', 'Jan 2027', 'Feb 2027', 'Notes'], ['6100', 1, 2, 'trade shows']])), { kind: 'budget' });
    expect(figures(wide).map((r) => r.note)).toEqual(['trade shows', 'trade shows']);
  });
});

describe('sign conventions of a single amount column', () => {
  const gl = () =>
    workbook(
      'signed.csv',
      sheet('signed', [
        ['Department', 'Account', 'Month', 'Amount'],
        ['210', '4000', '2027-01', -1500],
        ['210', '4000', '2027-02', -1400],
        ['210', '4000', '2027-03', -1600],
        ['210', '6000', '2027-01', 500],
        ['210', '6000', '2027-02', 600],
        ['210', '6000', '2027-03', 550],
      ]),
    );

  it('revenue written negative is never stored as it is: refused naming --signs, imported positive once confirmed', () => {
    const refused = planImport(ws.ctx, gl(), { kind: 'actuals' });
    expect(messages(refused, 'error')).toEqual([
      "signed.csv: the amounts' signs read like credits negative (revenue written as negative, as in a trial balance) (revenue 0 positive / 3 negative, expenses 3 positive / 0 negative); say how the file writes them: --signs credits-negative (or as-stored, credits-negative, expenses-negative)",
    ]);
    expect(refused.signs).toMatchObject({ detected: 'credits-negative', confidence: 'high', applied: null });
    const confirmed = planImport(ws.ctx, gl(), { kind: 'actuals', signs: 'credits-negative' });
    expect(confirmed.errorCount).toBe(0);
    expect(figures(confirmed).map((r) => [r.accountCode, r.amountMinor])).toEqual([
      ['4000', 150000],
      ['4000', 140000],
      ['4000', 160000],
      ['6000', 50000],
      ['6000', 60000],
      ['6000', 55000],
    ]);
    expect(confirmed.figureDiff?.totals.after).toBe(150000 + 140000 + 160000 + 50000 + 60000 + 55000);
  });

  it('a file that reads as stored passes and says so', () => {
    const plan = planImport(ws.ctx, workbook('plain.csv', sheet('plain', [['Department', 'Account', 'Month', 'Amount'], ['210', '6000', '2027-01', 5], ['210', '6000', '2027-02', 6], ['210', '6000', '2027-03', 7]])), {
      kind: 'actuals',
    });
    expect(plan.errorCount).toBe(0);
    expect(plan.notes.some((n) => n.startsWith('Signs: revenue and expenses both positive'))).toBe(true);
  });
});

describe('a file with no account column', () => {
  it('imports into the account the user chooses (accountCode), long and wide', () => {
    const long = workbook('by-dept.csv', sheet('by-dept', [['Department', 'Month', 'Budget'], ['210', '2027-01', 100], ['420', '2027-01', 50]]));
    expect(messages(planImport(ws.ctx, long, { kind: 'budget' }), 'error')[0]).toMatch(/^by-dept\.csv: no column is mapped to the account/);
    const plan = planImport(ws.ctx, long, { kind: 'budget', accountCode: '6100' });
    expect(plan.errorCount).toBe(0);
    expect(figures(plan).map((r) => [r.departmentCode, r.accountCode, r.amountMinor])).toEqual([
      ['210', '6100', 10000],
      ['420', '6100', 5000],
    ]);
    const wide = planImport(ws.ctx, workbook('w.xlsx', sheet('Budget', [['Department', 'Jan 2027', 'Feb 2027'], ['210', 1, 2], ['Total', 1, 2]])), { kind: 'budget', accountCode: '6000' });
    expect(wide.errorCount).toBe(0);
    expect(figures(wide).map((r) => [r.departmentCode, r.accountCode, r.period, r.amountMinor])).toEqual([
      ['210', '6000', '2027-01', 100],
      ['210', '6000', '2027-02', 200],
    ]);
  });
});

describe('a chart of accounts from another tool', () => {
  it("reads its Type column's words; balance-sheet accounts are left out with one warning that counts them", () => {
    const plan = planImport(
      ws.ctx,
      workbook(
        'coa.csv',
        sheet('coa', [
          ['Code', 'Name', 'Type'],
          ['4100', 'Product sales', 'Income'],
          ['5100', 'Materials', 'Cost of Goods Sold'],
          ['2100', 'Accounts payable', 'Liability'],
          ['1000', 'Cash', 'Asset'],
          ['3000', 'Retained earnings', 'Equity'],
        ]),
      ),
      { kind: 'accounts' },
    );
    expect(messages(plan, 'error')).toEqual([]);
    expect(plan.records?.rows).toMatchObject([
      { code: '4100', type: 'revenue' },
      { code: '5100', type: 'expense' },
    ]);
    expect(messages(plan, 'warning')).toEqual([
      'coa.csv!C4: 3 balance-sheet accounts (assets, liabilities, equity) are left out: Quartermaster budgets revenue, expenses and capex (first at C4, C5, C6)',
    ]);
  });
});

describe('HR exports', () => {
  it('people marked as having left, without an end date, are never imported as active staff', () => {
    const rows = [
      ['Name', 'Department', 'Status', 'End date'],
      ['Ana Lima', '210', 'Active', null],
      ['Bo Chen', '210', 'Terminated', null],
      ['Cy Park', '420', 'Voluntarily Terminated', null],
      ['Di Ross', '420', 'Inactive', '2026-06-30'],
    ];
    const plan = planImport(ws.ctx, workbook('hr.csv', sheet('hr', rows)), { kind: 'people' });
    expect(messages(plan, 'error')).toEqual([
      'hr.csv!C3: 2 people are marked as having left ("Terminated", "Voluntarily Terminated") but have no end date (first at C3, C4); they would be imported as active staff. Map the column with the day they left to endDate (--map "Termination Date=endDate"), or leave them out of the file',
    ]);
  });
});
