import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accountTypeFromCode,
  accountTypeFromName,
  accountTypeFromTypeColumn,
  detectSignConvention,
  fromDebitCredit,
  fromMarkedAmount,
  inferAccountType,
  parseMarkedAmount,
  toWorkspaceSign,
  type InferredAccountType,
} from '../../../electron/core/imports/conventions';

describe('account types', () => {
  it('reads a Type column, certainly', () => {
    const cases: [string, InferredAccountType][] = [
      ['Revenue', 'revenue'], ['Income', 'revenue'], ['Sales', 'revenue'], ['Other Income', 'revenue'],
      ['Expense', 'expense'], ['Expenses', 'expense'], ['Cost of Goods Sold', 'expense'], ['COGS', 'expense'], ['Other Expense', 'expense'], ['Direct Costs', 'expense'],
      ['Asset', 'asset'], ['Fixed Asset', 'asset'], ['Bank', 'asset'], ['Accounts receivable (A/R)', 'asset'], ['Other Current Assets', 'asset'],
      ['Liability', 'liability'], ['Current Liability', 'liability'], ['Credit Card', 'liability'], ['Accounts payable (A/P)', 'liability'],
      ['Equity', 'equity'], ['Capex', 'capex'],
    ];
    for (const [cell, type] of cases) expect(accountTypeFromTypeColumn(cell), cell).toMatchObject({ type, certain: true, from: 'type-column' });
    expect(accountTypeFromTypeColumn('Fixed Asset')?.balanceSheet).toBe(true);
    expect(accountTypeFromTypeColumn('Widgets')).toBeNull();
  });

  it('guesses from a name, balance sheet before revenue, expenses before sales', () => {
    const cases: [string, InferredAccountType][] = [
      ['Product Revenue', 'revenue'], ['Interest Income', 'revenue'], ['Sales', 'revenue'],
      ['Cost of Sales', 'expense'], ['Sales Commissions', 'expense'], ['Salaries & Wages', 'expense'], ['Bank fees', 'expense'], ['Income tax', 'expense'],
      ['Accounts Receivable', 'asset'], ['Cash', 'asset'], ['Inventory', 'asset'],
      ['Accounts Payable', 'liability'], ['Accrued expenses', 'liability'], ['Bank Loan', 'liability'], ['Deferred revenue', 'liability'], ['Sales tax payable', 'liability'],
      ['Retained Earnings', 'equity'], ['Common Stock', 'equity'],
    ];
    for (const [name, type] of cases) expect(accountTypeFromName(name), name).toMatchObject({ type, certain: false, from: 'name' });
    expect(accountTypeFromName('Widgets')).toBeNull();
    expect(accountTypeFromName('Accrued expenses')?.reason).toBe('"Accrued expenses" reads as a liability account ("accrued")');
  });

  it('guesses from a code range, with a reason', () => {
    expect(accountTypeFromCode('1200')).toMatchObject({ type: 'asset', balanceSheet: true, certain: false });
    expect(accountTypeFromCode('2100')?.type).toBe('liability');
    expect(accountTypeFromCode('3000')?.type).toBe('equity');
    expect(accountTypeFromCode('4100')).toMatchObject({ type: 'revenue', reason: 'code 4100 is in the 4xxx range, revenue in a typical chart of accounts' });
    for (const c of ['5000', '6200', '9100']) expect(accountTypeFromCode(c)?.type).toBe('expense');
    for (const c of ['ENG', '12', '0400', '1234567']) expect(accountTypeFromCode(c)).toBeNull();
  });

  it('the Type column wins over the name, the name over the code', () => {
    expect(inferAccountType({ typeCell: 'Expense', name: 'Sales', code: '4000' })).toMatchObject({ type: 'expense', from: 'type-column' });
    expect(inferAccountType({ typeCell: 'Misc', name: 'Sales', code: '6000' })).toMatchObject({ type: 'revenue', from: 'name' });
    expect(inferAccountType({ name: 'Sundry', code: '6000' })).toMatchObject({ type: 'expense', from: 'code' });
    expect(inferAccountType({})).toBeNull();
  });
});

describe('sign conventions', () => {
  const rows = (rev: number[], exp: number[]) => [
    ...rev.map((amountMinor) => ({ type: 'revenue' as const, amountMinor })),
    ...exp.map((amountMinor) => ({ type: 'expense' as const, amountMinor })),
  ];
  it('detects each convention with its evidence', () => {
    expect(detectSignConvention(rows([100, 200, 300], [50, 60, 70]))).toMatchObject({ convention: 'as-stored', confidence: 'high' });
    const tb = detectSignConvention(rows([-100, -200, -300], [50, 60, 70, 0]));
    expect(tb).toMatchObject({ convention: 'credits-negative', confidence: 'high', evidence: { revenuePositive: 0, revenueNegative: 3, expensePositive: 3, expenseNegative: 0 } });
    expect(detectSignConvention(rows([100, 200, 300], [-50, -60, -70]))).toMatchObject({ convention: 'expenses-negative', confidence: 'high' });
  });
  it('is unsure where the data is thin or mixed, and says nothing where it cannot', () => {
    expect(detectSignConvention(rows([100], [50]))).toMatchObject({ convention: 'as-stored', confidence: 'low' });
    expect(detectSignConvention(rows([100, 200, -300], [50, 60, 70]))).toMatchObject({ confidence: 'low' });
    expect(detectSignConvention(rows([-100, -200, -300], [-50, -60, -70]))).toMatchObject({ convention: null, confidence: 'none' });
    expect(detectSignConvention([{ type: 'asset', amountMinor: 5 }])).toMatchObject({ convention: null, confidence: 'none' });
  });
  it('converts to the workspace sign', () => {
    expect(toWorkspaceSign(-500, 'revenue', 'credits-negative')).toBe(500);
    expect(toWorkspaceSign(500, 'expense', 'credits-negative')).toBe(500);
    expect(toWorkspaceSign(-500, 'expense', 'expenses-negative')).toBe(500);
    expect(toWorkspaceSign(-500, 'capex', 'expenses-negative')).toBe(500);
    expect(toWorkspaceSign(500, 'revenue', 'expenses-negative')).toBe(500);
    expect(Object.is(toWorkspaceSign(0, 'revenue', 'credits-negative'), 0)).toBe(true);
  });
  it('property: data written in any convention converts back to the workspace figures', () => {
    const conventionOf = { 'as-stored': [1, 1], 'credits-negative': [-1, 1], 'expenses-negative': [1, -1] } as const;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 3, maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 3, maxLength: 20 }),
        fc.constantFrom('as-stored', 'credits-negative', 'expenses-negative' as const),
        (rev, exp, convention) => {
          const [r, x] = conventionOf[convention];
          const detected = detectSignConvention(rows(rev.map((v) => v * r), exp.map((v) => v * x)));
          expect(detected).toMatchObject({ convention, confidence: 'high' });
          expect(rev.map((v) => toWorkspaceSign(v * r, 'revenue', convention))).toEqual(rev);
          expect(exp.map((v) => toWorkspaceSign(v * x, 'expense', convention))).toEqual(exp);
        },
      ),
    );
  });
});

describe('debits, credits and markers', () => {
  it('debit/credit columns give each type its natural sign', () => {
    expect(fromDebitCredit(1000, null, 'expense')).toBe(1000);
    expect(fromDebitCredit(null, 1000, 'revenue')).toBe(1000);
    expect(fromDebitCredit(200, 1000, 'revenue')).toBe(800);
    expect(fromDebitCredit(null, 300, 'expense')).toBe(-300);
    expect(fromDebitCredit(null, null, 'expense')).toBe(0);
  });
  it('reads Dr/Cr markers and parentheses', () => {
    expect(parseMarkedAmount('1,234.50 Cr')).toEqual({ ok: true, minor: 123450, side: 'credit' });
    expect(parseMarkedAmount('Dr 10')).toEqual({ ok: true, minor: 1000, side: 'debit' });
    expect(parseMarkedAmount('CR. 200')).toEqual({ ok: true, minor: 20000, side: 'credit' });
    expect(parseMarkedAmount('(1,234)')).toEqual({ ok: true, minor: -123400, side: null });
    expect(parseMarkedAmount('-5 Cr')).toMatchObject({ ok: false });
    expect(parseMarkedAmount('abc')).toMatchObject({ ok: false });
    expect(fromMarkedAmount({ minor: 123450, side: 'credit' }, 'revenue')).toBe(123450);
    expect(fromMarkedAmount({ minor: 123450, side: 'credit' }, 'expense')).toBe(-123450);
  });
});
