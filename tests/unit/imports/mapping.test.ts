import { afterEach, describe, expect, it } from 'vitest';
import { headerCells, rememberedMapping, saveMapping, sourceKey, suggestMapping } from '../../../electron/core/imports/mapping';
import { planImport } from '../../../electron/core/imports/preview';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { seedOrg, sheet, workbook } from './workbooks';

let ws: TempWorkspace | undefined;
afterEach(() => {
  ws?.cleanup();
  ws = undefined;
});

function fields(kind: Parameters<typeof suggestMapping>[0], headers: string[]) {
  return suggestMapping(kind, headerCells(headers), null, undefined).map((m) => [m.header, m.field, m.how]);
}

describe('column mapping', () => {
  it('matches exactly, whatever the case, spaces and punctuation', () => {
    expect(fields('departments', ['CODE', ' Name ', 'parent_code', 'Manager'])).toEqual([
      ['CODE', 'code', 'exact'],
      ['Name', 'name', 'exact'],
      ['parent_code', 'parentCode', 'exact'],
      ['Manager', 'manager', 'exact'],
    ]);
  });

  it('matches synonyms fuzzily', () => {
    expect(fields('actuals', ['Posting Period', 'Cost Centre', 'GL Account', 'Debit', 'Credit'])).toEqual([
      ['Posting Period', 'period', 'fuzzy'],
      ['Cost Centre', 'departmentCode', 'fuzzy'],
      ['GL Account', 'accountCode', 'fuzzy'],
      ['Debit', 'debit', 'exact'],
      ['Credit', 'credit', 'exact'],
    ]);
    expect(fields('people', ['Employee', 'Salary', 'FTE', 'Hire date', 'Dept'])).toEqual([
      ['Employee', 'name', 'fuzzy'],
      ['Salary', 'salary', 'exact'],
      ['FTE', 'fte', 'exact'],
      ['Hire date', 'startDate', 'fuzzy'],
      ['Dept', 'departmentCode', 'fuzzy'],
    ]);
    expect(fields('budget', ['Cost Center', 'Account code', 'Period', 'Amount (USD)'])).toEqual([
      ['Cost Center', 'departmentCode', 'fuzzy'],
      ['Account code', 'accountCode', 'exact'],
      ['Period', 'period', 'exact'],
      ['Amount (USD)', 'amount', 'fuzzy'],
    ]);
  });

  it('finds month, quarter and full-year columns of a wide sheet and leaves the amount unmapped', () => {
    const mapped = suggestMapping('budget', headerCells(['Account', 'Jan 2027', 'Feb 2027', 'Mar 2027', 'Q1', 'Total']), null, undefined);
    expect(mapped.map((m) => [m.field, m.period])).toEqual([
      ['accountCode', null],
      ['month', '2027-01'],
      ['month', '2027-02'],
      ['month', '2027-03'],
      ['quarter', null],
      ['total', null],
    ]);
  });

  it('given choices win over suggestions', () => {
    const mapped = suggestMapping('budget', headerCells(['Dept', 'Acct', 'When', 'Value']), null, [
      { header: 'when', field: 'period' },
      { header: 'Dept', field: 'ignore' },
    ]);
    expect(mapped.map((m) => [m.header, m.field, m.how])).toEqual([
      ['Dept', 'ignore', 'given'],
      ['Acct', 'accountCode', 'fuzzy'],
      ['When', 'period', 'given'],
      ['Value', 'amount', 'fuzzy'],
    ]);
  });

  it('a header named __proto__ or constructor is just a header (S3)', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const mapped = suggestMapping('budget', headerCells(['__proto__', 'constructor', 'Account', 'Month', 'Amount']), null, [{ header: '__proto__', field: 'departmentCode' }]);
    expect(mapped.map((m) => [m.header, m.field])).toEqual([
      ['__proto__', 'departmentCode'],
      ['constructor', 'ignore'],
      ['Account', 'accountCode'],
      ['Month', 'period'],
      ['Amount', 'amount'],
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).departmentCode).toBeUndefined();
  });

  it('imports a file whose department column is headed __proto__, prototype untouched', () => {
    ws = tempWorkspace();
    seedOrg(ws.ctx);
    const wb = workbook('proto.csv', sheet('proto', [['__proto__', 'Account', 'Month', 'Amount'], ['210', '6000', '2027-01', '100']]));
    const plan = planImport(ws.ctx, wb, { mapping: [{ header: '__proto__', field: 'departmentCode' }] });
    expect(plan.errorCount).toBe(0);
    expect(plan.records).toEqual({ kind: 'budget', rows: [{ departmentCode: '210', accountCode: '6000', period: '2027-01', amountMinor: 10000, source: 'proto.csv!D2' }] });
    expect(({} as { departmentCode?: unknown }).departmentCode).toBeUndefined();
  });

  it('remembers a mapping by kind and header row, and it wins next time', () => {
    ws = tempWorkspace();
    const headers = ['Dept', 'Acct', 'When', 'Value'];
    const key = sourceKey('budget', headers);
    expect(sourceKey('budget', ['dept ', 'ACCT', 'when', 'value'])).toBe(key);
    expect(sourceKey('actuals', headers)).not.toBe(key);
    expect(rememberedMapping(ws.ctx, key)).toBeNull();
    saveMapping(ws.ctx, key, [{ header: 'Value', field: 'amount' }, { header: 'When', field: 'period' }, { header: 'Acct', field: 'ignore' }], '2026-11-21T12:00:00Z');
    const remembered = rememberedMapping(ws.ctx, key);
    const mapped = suggestMapping('budget', headerCells(headers), remembered, undefined);
    expect(mapped.map((m) => [m.header, m.field, m.how])).toEqual([
      ['Dept', 'ignore', 'none'],
      ['Acct', 'ignore', 'remembered'],
      ['When', 'period', 'remembered'],
      ['Value', 'amount', 'remembered'],
    ]);
  });
});

describe('headers other companies write', () => {
  it('maps budget synonyms (Plan Amount, Org Unit, Expense Type…) with how they were found', () => {
    expect(fields('budget', ['Org Unit', 'Expense Type', 'Period', 'Plan Amount'])).toEqual([
      ['Org Unit', 'departmentCode', 'fuzzy'],
      ['Expense Type', 'accountCode', 'fuzzy'],
      ['Period', 'period', 'exact'],
      ['Plan Amount', 'amount', 'fuzzy'],
    ]);
    expect(fields('budget', ['Division', 'Category', 'Month', 'Allocated'])).toEqual([
      ['Division', 'departmentCode', 'fuzzy'],
      ['Category', 'accountCode', 'fuzzy'],
      ['Month', 'period', 'exact'],
      ['Allocated', 'amount', 'fuzzy'],
    ]);
    expect(fields('actuals', ['Entity', 'GL Account', 'Account Name', 'Accounting Period', 'Actual Amount'])).toEqual([
      ['Entity', 'departmentCode', 'fuzzy'],
      ['GL Account', 'accountCode', 'fuzzy'],
      ['Account Name', 'accountName', 'exact'],
      ['Accounting Period', 'period', 'fuzzy'],
      ['Actual Amount', 'amount', 'fuzzy'],
    ]);
  });

  it('a file that names accounts only reads the names as the account (matched by name)', () => {
    expect(fields('budget', ['Department', 'Account Name', 'Month', 'Budgeted'])).toEqual([
      ['Department', 'departmentCode', 'exact'],
      ['Account Name', 'accountCode', 'fuzzy'],
      ['Month', 'period', 'exact'],
      ['Budgeted', 'amount', 'fuzzy'],
    ]);
  });

  it('the plan carries up to three sample values per column for the mapping step', () => {
    ws = tempWorkspace();
    seedOrg(ws.ctx);
    const plan = planImport(
      ws.ctx,
      workbook('s.csv', sheet('s', [['Cost Center', 'GL Account', 'Period', 'Plan Amount', 'Notes'], ['210', '6000', '2027-01', '100', ''], ['210', '6000', '2027-02', '100', 'rent'], ['420', '6100', '2027-03', 250.5, 'ok'], ['420', '6100', '2027-04', 1, 'x']])),
      { kind: 'budget' },
    );
    expect(plan.sheets[0]!.mapping.map((m) => [m.header, m.samples])).toEqual([
      ['Cost Center', ['210', '420']],
      ['GL Account', ['6000', '6100']],
      ['Period', ['2027-01', '2027-02', '2027-03']],
      ['Plan Amount', ['100', '250.5', '1']],
      ['Notes', ['rent', 'ok', 'x']],
    ]);
  });
});
