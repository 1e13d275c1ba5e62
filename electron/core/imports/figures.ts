/**
 * Budget and actuals rows out of a mapped sheet, before any code is checked against the
 * workspace. Long sheets have a row per cell (department, account, month, amount); wide sheets a
 * row per account with a column per month. Quarter and full-year columns, and total or subtotal
 * rows, are not data: their values are compared with the months they sum, and a difference of
 * more than a cent is a warning at that cell.
 *
 * Sign convention for debit/credit exports: an amount is debit − credit for expense and capex
 * accounts and credit − debit for revenue accounts, so that, as everywhere in Quartermaster,
 * revenue and spend both read positive; a refund credited to an expense account lowers that
 * expense. The sign is applied once the account's type is known (validate.ts). A single amount
 * column is taken as it is, in that same convention.
 */
import { formatMoney } from '../../../shared/money';
import { fiscalYearMonths } from '../../../shared/periods';
import { parseCellAmount } from './amounts';
import { cellText } from './headers';
import { cellRef, type CellValue } from './model';
import { parseMonth, parseQuarter } from './months';
import type { Problems } from './problems';
import { cell, codeText, columnOf, dataRows, totalRowKind, type MappedSheet } from './rows';

export interface RawFigure {
  departmentCode: string | null;
  /** Where the department came from, for problems about it. */
  departmentRef: string;
  accountCode: string;
  accountRef: string;
  accountName: string | null;
  period: string;
  periodRef: string;
  /** Signed amount, or debit and credit still to be signed by the account's type. */
  amount: { minor: number } | { debit: number; credit: number };
  source: string;
}

export interface FigureSheetInput extends MappedSheet {
  fileName: string;
  /** The department of rows without a department column (given, sheet name or title). */
  department: { code: string; ref: string } | null;
  decimalComma: boolean;
  fiscalStartMonth: number;
}

export interface FigureSheetOutput {
  figures: RawFigure[];
  dataRows: number;
  skippedRows: number;
}

function amountAt(input: FigureSheetInput, problems: Problems, row: number, column: number | undefined, value: CellValue): number | null {
  if (column === undefined) return null;
  const parsed = parseCellAmount(value, { decimalComma: input.decimalComma });
  if (!parsed.ok) {
    problems.error(problems.ref(input.sheet.name, row, column), `${parsed.message}`);
    return null;
  }
  return parsed.minor;
}

function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1;
}

function money(minor: number): string {
  return formatMoney(minor, { decimals: 2 });
}

/** Months of quarter `q` (1–4) of the fiscal year the row's months belong to. */
function quarterMonths(q: number, year: number | null, months: readonly string[], fiscalStartMonth: number): Set<string> {
  const first = months[0];
  let fy = year;
  if (fy === null) {
    if (first === undefined) return new Set();
    const y = Number(first.slice(0, 4));
    const m = Number(first.slice(5, 7));
    fy = fiscalStartMonth === 1 || m < fiscalStartMonth ? y : y + 1;
  }
  return new Set(fiscalYearMonths(fy, fiscalStartMonth).slice((q - 1) * 3, q * 3));
}

/**
 * References to cells of one sheet ("file!sheet!D7"), the same text as sourceRef and
 * Problems.ref give, from a prefix and column letters worked out once.
 */
function sheetRefs(fileName: string, sheet: string): (row: number, column: number) => string {
  const prefix = `${fileName}!${sheet}!`;
  const letters = new Map<number, string>();
  return (row, column) => {
    let l = letters.get(column);
    if (l === undefined) letters.set(column, (l = cellRef(0, column).slice(0, -1)));
    return `${prefix}${l}${row + 1}`;
  };
}

/**
 * A long-format figure whose department, account and month references — needed only when a
 * problem is reported — are written out on demand rather than for every row.
 */
class LongFigure implements RawFigure {
  constructor(
    readonly departmentCode: string,
    readonly accountCode: string,
    readonly accountName: string | null,
    readonly period: string,
    readonly amount: RawFigure['amount'],
    readonly source: string,
    private readonly refAt: (row: number, column: number) => string,
    private readonly row: number,
    private readonly columns: { department: number | undefined; account: number; period: number; givenDepartmentRef: string | undefined },
  ) {}

  get departmentRef(): string {
    return this.columns.department !== undefined ? this.refAt(this.row, this.columns.department) : this.columns.givenDepartmentRef!;
  }

  get accountRef(): string {
    return this.refAt(this.row, this.columns.account);
  }

  get periodRef(): string {
    return this.refAt(this.row, this.columns.period);
  }
}

/** Rows of a long sheet: one figure per row. */
function longFigures(input: FigureSheetInput, problems: Problems): FigureSheetOutput {
  const m = input.mapping;
  const col = {
    department: columnOf(m, 'departmentCode'),
    account: columnOf(m, 'accountCode'),
    name: columnOf(m, 'accountName'),
    period: columnOf(m, 'period'),
    amount: columnOf(m, 'amount'),
    debit: columnOf(m, 'debit'),
    credit: columnOf(m, 'credit'),
  };
  const sheet = input.sheet.name;
  const out: FigureSheetOutput = { figures: [], dataRows: 0, skippedRows: 0 };
  if (col.account === undefined) problems.error(problems.ref(sheet), 'no column is mapped to the account');
  if (col.period === undefined) problems.error(problems.ref(sheet), 'no column is mapped to the month (period)');
  if (col.amount === undefined && col.debit === undefined && col.credit === undefined) {
    problems.error(problems.ref(sheet), 'no column is mapped to the amount (or to debit and credit)');
  }
  if (col.department === undefined && input.department === null) {
    problems.error(problems.ref(sheet), 'no department: map a department column, name the sheet after one ("210 Warehouse"), or choose one');
  }
  if (col.account === undefined || col.period === undefined) return out;
  const labels = [col.department, col.account, col.name].filter((c): c is number => c !== undefined);
  const problemRef = sheetRefs(problems.fileName, sheet);
  const sourceRefAt = problems.fileName === input.fileName ? problemRef : sheetRefs(input.fileName, sheet);
  const refColumns = { department: col.department, account: col.account, period: col.period, givenDepartmentRef: input.department?.ref };
  // A file's month column repeats a handful of texts: each is parsed once.
  const monthOfText = new Map<string, string | null>();
  const monthOf = (value: CellValue): string | null => {
    if (typeof value !== 'string') return parseMonth(value);
    let found = monthOfText.get(value);
    if (found === undefined) monthOfText.set(value, (found = parseMonth(value)));
    return found;
  };
  for (const { index: r, cells } of dataRows(input)) {
    if (totalRowKind(cells, labels, col.account)) {
      out.skippedRows++;
      continue;
    }
    out.dataRows++;
    const accountCode = codeText(cell(cells, col.account));
    const periodValue = cell(cells, col.period);
    const period = monthOf(periodValue);
    const ref = (c: number) => problemRef(r, c);
    let amount: RawFigure['amount'] | null = null;
    let amountColumn = col.amount ?? col.debit ?? col.credit!;
    if (col.amount !== undefined) {
      const minor = amountAt(input, problems, r, col.amount, cell(cells, col.amount));
      if (minor !== null) amount = { minor };
    } else {
      const debit = amountAt(input, problems, r, col.debit, cell(cells, col.debit));
      const credit = amountAt(input, problems, r, col.credit, cell(cells, col.credit));
      if (debit !== null || credit !== null) amount = { debit: debit ?? 0, credit: credit ?? 0 };
      if (debit === null && credit !== null) amountColumn = col.credit!;
    }
    const departmentCode = col.department !== undefined ? codeText(cell(cells, col.department)) || null : (input.department?.code ?? null);
    if (accountCode === '') {
      if (amount !== null) problems.error(ref(col.account), 'an amount without an account');
      continue;
    }
    if (period === null) {
      const text = cellText(periodValue);
      problems.error(ref(col.period), text === '' ? 'no month' : `"${text}" is not a month`);
      continue;
    }
    if (departmentCode === null) {
      if (col.department !== undefined) problems.error(ref(col.department), 'no department');
      continue;
    }
    // An empty amount is no value, never a zero with a source.
    if (amount === null) continue;
    out.figures.push(
      new LongFigure(
        departmentCode,
        accountCode,
        col.name !== undefined ? cellText(cell(cells, col.name)) || null : null,
        period,
        amount,
        sourceRefAt(r, amountColumn),
        problemRef,
        r,
        refColumns,
      ),
    );
  }
  return out;
}

/** Rows of a wide sheet: one figure per filled month cell; quarter and total columns cross-checked. */
function wideFigures(input: FigureSheetInput, problems: Problems): FigureSheetOutput {
  const m = input.mapping;
  const sheet = input.sheet.name;
  const col = { department: columnOf(m, 'departmentCode'), account: columnOf(m, 'accountCode'), name: columnOf(m, 'accountName') };
  const months = m.filter((c) => c.field === 'month' && c.period !== null).map((c) => ({ column: c.column, period: c.period! }));
  const quarters = m
    .filter((c) => c.field === 'quarter')
    .map((c) => {
      const q = parseQuarter(c.header);
      return q === null ? null : { column: c.column, quarter: q.quarter, year: q.year };
    })
    .filter((q): q is { column: number; quarter: number; year: number | null } => q !== null);
  const totals = m.filter((c) => c.field === 'total').map((c) => c.column);
  const out: FigureSheetOutput = { figures: [], dataRows: 0, skippedRows: 0 };
  if (col.account === undefined) {
    problems.error(problems.ref(sheet), 'no column is mapped to the account');
    return out;
  }
  if (col.department === undefined && input.department === null) {
    problems.error(problems.ref(sheet), 'no department: map a department column, name the sheet after one ("210 Warehouse"), or choose one');
  }
  const seenPeriods = new Map<string, number>();
  for (const mo of months) {
    const earlier = seenPeriods.get(mo.period);
    if (earlier !== undefined) {
      problems.error(problems.ref(sheet, input.headerRow, mo.column), `a second column for the same month as ${problems.ref(sheet, input.headerRow, earlier).split('!').pop()}`);
    } else seenPeriods.set(mo.period, mo.column);
  }
  const allPeriods = months.map((x) => x.period).sort();
  const labels = [col.department, col.account, col.name].filter((c): c is number => c !== undefined);
  // Month sums of the data rows since the last subtotal, and since the start, for total rows.
  const sinceSubtotal = new Map<number, number>();
  const sinceStart = new Map<number, number>();
  const numericColumns = [...months.map((x) => x.column), ...quarters.map((q) => q.column), ...totals];
  const periodRefs = new Map(months.map((mo) => [mo.column, problems.ref(sheet, input.headerRow, mo.column)]));
  const sourceRefAt = sheetRefs(input.fileName, sheet);

  for (const { index: r, cells } of dataRows(input)) {
    const ref = (c: number) => problems.ref(sheet, r, c);
    const values = new Map<number, number>();
    for (const c of numericColumns) {
      const v = cell(cells, c);
      if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
      const minor = amountAt(input, problems, r, c, v);
      if (minor !== null) values.set(c, minor);
    }
    const total = totalRowKind(cells, labels, col.account);
    if (total) {
      out.skippedRows++;
      const basis = total === 'subtotal' ? sinceSubtotal : sinceStart;
      for (const mo of months) {
        const stated = values.get(mo.column);
        const sum = basis.get(mo.column) ?? 0;
        if (stated !== undefined && !sameAmount(stated, sum)) {
          problems.warn(ref(mo.column), `${total} row says ${money(stated)} but the rows above it add up to ${money(sum)}`);
        }
      }
      if (total === 'subtotal') sinceSubtotal.clear();
      continue;
    }
    const accountCode = codeText(cell(cells, col.account));
    const monthValues = months.filter((mo) => values.has(mo.column));
    if (accountCode === '') {
      // A section heading ("Operating expenses") or a note: no account and no amounts.
      if (monthValues.length > 0) problems.error(ref(col.account), 'amounts without an account');
      else out.skippedRows++;
      continue;
    }
    out.dataRows++;
    const departmentCode = col.department !== undefined ? codeText(cell(cells, col.department)) || null : (input.department?.code ?? null);
    if (departmentCode === null) {
      if (col.department !== undefined && monthValues.length > 0) problems.error(ref(col.department), 'no department');
      continue;
    }
    // The same for every month of the row: worked out once.
    const departmentRef = monthValues.length === 0 ? '' : col.department !== undefined ? ref(col.department) : input.department!.ref;
    const accountRef = monthValues.length === 0 ? '' : ref(col.account);
    const accountName = col.name !== undefined && monthValues.length > 0 ? cellText(cell(cells, col.name)) || null : null;
    for (const mo of monthValues) {
      const minor = values.get(mo.column)!;
      sinceSubtotal.set(mo.column, (sinceSubtotal.get(mo.column) ?? 0) + minor);
      sinceStart.set(mo.column, (sinceStart.get(mo.column) ?? 0) + minor);
      out.figures.push({
        departmentCode,
        departmentRef,
        accountCode,
        accountRef,
        accountName,
        period: mo.period,
        periodRef: periodRefs.get(mo.column)!,
        amount: { minor },
        source: sourceRefAt(r, mo.column),
      });
    }
    const monthSum = (set: Set<string> | null) =>
      monthValues.reduce((s, mo) => (set === null || set.has(mo.period) ? s + values.get(mo.column)! : s), 0);
    for (const q of quarters) {
      const stated = values.get(q.column);
      if (stated === undefined) continue;
      const sum = monthSum(quarterMonths(q.quarter, q.year, allPeriods, input.fiscalStartMonth));
      if (!sameAmount(stated, sum)) problems.warn(ref(q.column), `Q${q.quarter} says ${money(stated)} but its months add up to ${money(sum)}`);
    }
    for (const t of totals) {
      const stated = values.get(t);
      if (stated === undefined) continue;
      const sum = monthSum(null);
      if (!sameAmount(stated, sum)) problems.warn(ref(t), `the total says ${money(stated)} but the months add up to ${money(sum)}`);
    }
  }
  return out;
}

export function readFigures(input: FigureSheetInput, problems: Problems): FigureSheetOutput {
  return input.mapping.some((c) => c.field === 'month') ? wideFigures(input, problems) : longFigures(input, problems);
}
