import { describe, expect, it } from 'vitest';
import { departmentFromSheet, findHeaderRow, planFromTitle } from '../../../electron/core/imports/detect';
import { isFullYearHeader, isTotalLabel, parseMonth, parseQuarter } from '../../../electron/core/imports/months';
import { months2027, sheet } from './workbooks';

describe('month headers', () => {
  it.each([
    [new Date(Date.UTC(2027, 0, 1)), '2027-01'],
    ['Jan 2027', '2027-01'],
    ['Jan-27', '2027-01'],
    ['January 2027', '2027-01'],
    ['Sept 2027', '2027-09'],
    ["Mar '27", '2027-03'],
    ['2027-01', '2027-01'],
    ['2027/12', '2027-12'],
    ['01/2027', '2027-01'],
    ['2027-03-15', '2027-03'],
  ])('%p is %p', (value, period) => {
    expect(parseMonth(value)).toBe(period);
  });

  it.each(['Month', 'Account', 'FY2027', 'Q1', '13/2027', 'Jan', 42])('%p is not a month', (value) => {
    expect(parseMonth(value)).toBeNull();
  });

  it('recognises quarters, full-year columns and total rows', () => {
    expect(parseQuarter('Q1')).toEqual({ quarter: 1, year: null });
    expect(parseQuarter('Q3 2027')).toEqual({ quarter: 3, year: 2027 });
    expect(parseQuarter('Q5')).toBeNull();
    for (const h of ['FY total', 'Total', 'FY2027', 'Full year', 'Annual']) expect(isFullYearHeader(h)).toBe(true);
    expect(isFullYearHeader('Account')).toBe(false);
    expect(isTotalLabel('Total')).toBe('total');
    expect(isTotalLabel('Total expenses')).toBe('total');
    expect(isTotalLabel('Total Marketing')).toBe('total');
    expect(isTotalLabel('Subtotal')).toBe('subtotal');
    expect(isTotalLabel('Travel')).toBeNull();
  });
});

describe('header rows', () => {
  it('finds the header under a merged title, instructions and blank rows', () => {
    const title = 'Marketing — FY2027 budget submission';
    const s = sheet(
      'Budget',
      [
        [title, null, null],
        ['Cost centre 420. Prepared by Chloé Durand.'],
        ['Please fill the white cells only.'],
        [],
        ['Account', 'Description', ...months2027, 'FY total'],
        ['6000', 'Salaries', ...months2027.map(() => 100)],
      ],
      ['A1:F1'],
    );
    const found = findHeaderRow(s, undefined, 'budget.xlsx Budget');
    expect(found?.row).toBe(4);
    expect(found?.kind).toBe('budget');
  });

  it('tells the kinds apart from their headers', () => {
    const kindOf = (headers: string[], hint = 'file.csv') => findHeaderRow(sheet('S', [headers]), undefined, hint)?.kind;
    expect(kindOf(['code', 'name', 'parent_code', 'manager'])).toBe('departments');
    expect(kindOf(['code', 'name', 'type'])).toBe('accounts');
    expect(kindOf(['Full Name', 'Job Title', 'Dept Code', 'FTE', 'Annual Salary'])).toBe('people');
    expect(kindOf(['Department', 'Account', 'Month', 'Amount'])).toBe('budget');
    expect(kindOf(['Posting Period', 'Cost Center', 'GL Account', 'Debit', 'Credit'])).toBe('actuals');
    expect(kindOf(['Department', 'Account', 'Month', 'Amount'], 'actuals-2026.csv')).toBe('actuals');
  });

  it('finds no header in a sheet of prose', () => {
    expect(findHeaderRow(sheet('Notes', [['Read me'], ['Fill in the budget sheet.']]), undefined, 'x')).toBeNull();
  });
});

describe('department of a sheet', () => {
  const known = { codes: new Set(['210', '420']), codeByName: new Map([['warehouse', '210'], ['marketing', '420']]) };
  it.each([
    ['210 Warehouse', [], '210', 'sheet name'],
    ['Marketing', [], '420', 'sheet name'],
    ['Budget', [['Cost centre 420. Prepared by …']], '420', 'title'],
    ['Budget', [['Cost center: 210']], '210', 'title'],
    ['Budget', [['Dept 210']], '210', 'title'],
  ] as const)('%p with title %j → %p from %p', (name, title, code, from) => {
    const s = sheet(name, [...title.map((r) => [...r]), ['Account', 'Jan 2027']]);
    expect(departmentFromSheet(s, title.length, known)).toEqual({ code, from });
  });

  it('does not take a year for a department', () => {
    const s = sheet('2027 Budget', [['2027 budget submission'], ['Account', 'Jan 2027']]);
    expect(departmentFromSheet(s, 1, known)).toBeNull();
  });
});

describe('what a template title block names', () => {
  const known = {
    codes: new Set(['100', '210', 'WH-1', '999']),
    codeByName: new Map([['larkspurfreight', '100'], ['warehouse', '210']]),
  };

  it('takes a leading known code whatever follows it', () => {
    expect(departmentFromSheet(sheet('WH-1 Warehouse', [['Account', 'Jan 2027']]), 0, known)).toEqual({ code: 'WH-1', from: 'sheet name' });
    expect(departmentFromSheet(sheet('999 =HYPERLINK(x)', [['Account', 'Jan 2027']]), 0, known)).toEqual({ code: '999', from: 'sheet name' });
  });

  it('prefers a code in any title row to a name in an earlier one (the company is often the top department)', () => {
    const s = sheet('Sheet1', [['Larkspur Freight'], ['FY2027 · Base — budget template'], ['210 Warehouse'], ['Account code', 'Jan 2027']]);
    expect(departmentFromSheet(s, 3, known)).toEqual({ code: '210', from: 'title' });
  });

  it('finds an existing plan named at the start of a title line, the longest name first', () => {
    const s = sheet('210 Warehouse', [['Larkspur Freight'], ['FY2027 · Base case — budget template'], ['Account code', 'Jan 2027']]);
    expect(planFromTitle(s, 2, ['FY2027 · Base', 'FY2027 · Base case'])).toBe('FY2027 · Base case');
    expect(planFromTitle(s, 2, ['FY2027 · Growth'])).toBeNull();
    expect(planFromTitle(sheet('x', [['FY2027 · Baseline'], ['a', 'b']]), 1, ['FY2027 · Base'])).toBeNull();
  });
});
