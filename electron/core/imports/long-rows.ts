/**
 * Long-format figure rows read where they are parsed. A big CSV is parsed in the reader's worker
 * (read-contained.ts) while the plan reads its rows; once the first rows have settled the mapping,
 * the plan hands the worker a LongRowSpec and the worker reads every later row itself, so the two
 * cores share the reading and the rows need not cross as cells at all. A row that reads plainly
 * (codes, a month, an amount in plain digits, or no amount) crosses as its texts and its amount;
 * any other row crosses as its cells (packed), and the plan reads it as it reads every row
 * (LongReader in figures.ts), problems and all. This module is that plain reading: it never
 * reports a problem, and it answers only for the rows LongReader would read without one, with
 * what LongReader would make of them — the streamed plan is held to planImport's by tests.
 */
import { plainCellMinor } from './amounts';
import { cellText } from './headers';
import type { CellValue } from './model';
import { parseMonth } from './months';
import { packRows, type PackedRows } from './read/packed-rows';
import { cell, codeText, isBlankRow, totalRowKind } from './rows';

/** The columns of a long sheet, as its LongReader maps them (null: not mapped). Plain data: it crosses to the worker. */
export interface LongRowSpec {
  department: number | null;
  account: number;
  name: number | null;
  period: number;
  amount: number | null;
  debit: number | null;
  credit: number | null;
  /** The label columns a total row is recognised by. */
  labels: number[];
  /** The department of every row when no column is mapped to it. */
  givenDepartment: string | null;
}

/** How each row of a block reads. */
export const LongRowKind = {
  /** Nothing in it: not a data row. */
  blank: 0,
  /** A total or subtotal row: skipped. */
  total: 1,
  /** A data row with no amount: counted, no figure. */
  noAmount: 2,
  /** A figure whose source is the amount column (or the debit column). */
  figure: 3,
  /** A figure whose source is the credit column (debit empty). */
  creditFigure: 4,
  /** Anything else: its cells are in `others`, to be read in full. */
  other: 5,
} as const;

/** Rows read by a LongRowScanner, in order, from sheet row `start`. */
export interface LongRowBlock {
  start: number;
  /** A LongRowKind per row. */
  kinds: Uint8Array;
  /** Per figure, in order: department, account, name (-1: none), period, as indices into `strings`. */
  texts: Int32Array;
  /** Per figure, in order: the amount in minor units (debit − credit, unsigned, for a debit/credit sheet). */
  amounts: Float64Array;
  /** The block's distinct texts. */
  strings: string[];
  /** The cells of the `other` rows, in order. */
  others: PackedRows;
}

/** The worker's side: reads blocks of rows by a spec, caching what repeats (months) across blocks. */
export class LongRowScanner {
  private readonly monthOfText = new Map<string, string | null>();

  constructor(private readonly spec: LongRowSpec) {}

  private monthOf(value: CellValue): string | null {
    if (typeof value !== 'string') return parseMonth(value);
    let found = this.monthOfText.get(value);
    if (found === undefined) this.monthOfText.set(value, (found = parseMonth(value)));
    return found;
  }

  /** An amount cell: null when empty, undefined when it is not plain digits (the full reading decides). */
  private static plain(cells: readonly CellValue[], column: number | null): number | null | undefined {
    if (column === null) return null;
    const value = cell(cells, column);
    return value === null ? null : plainCellMinor(value);
  }

  scan(rows: ReadonlyArray<readonly CellValue[]>, start: number): LongRowBlock {
    const { spec } = this;
    const kinds = new Uint8Array(rows.length);
    const texts = new Int32Array(rows.length * 4);
    const amounts = new Float64Array(rows.length);
    const others: Array<readonly CellValue[]> = [];
    const index = new Map<string, number>();
    const strings: string[] = [];
    const intern = (s: string): number => {
      let i = index.get(s);
      if (i === undefined) {
        i = strings.length;
        index.set(s, i);
        strings.push(s);
      }
      return i;
    };
    // A department and a month run on for many rows: compared with the last row's before a look-up.
    let lastDepartment: string | null = null;
    let lastDepartmentAt = -1;
    let lastPeriodValue: CellValue | undefined;
    let lastPeriod: string | null = null;
    let lastPeriodAt = -1;
    const nameOfAccount: number[] = [];
    let figures = 0;
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i]!;
      let kind: number = LongRowKind.other;
      if (isBlankRow(cells)) kind = LongRowKind.blank;
      else if (totalRowKind(cells, spec.labels, spec.account)) kind = LongRowKind.total;
      else {
        // LongReader.row's reading, stopping at the first thing that would need a problem.
        const accountCode = codeText(cell(cells, spec.account));
        let period: string | null = null;
        if (accountCode !== '') {
          const value = cell(cells, spec.period);
          if (value !== lastPeriodValue) {
            lastPeriodValue = value;
            lastPeriod = this.monthOf(value);
            lastPeriodAt = lastPeriod === null ? -1 : intern(lastPeriod);
          }
          period = lastPeriod;
        }
        let amount: number | null | undefined;
        let credit = false;
        if (period === null) amount = undefined;
        else if (spec.amount !== null) amount = LongRowScanner.plain(cells, spec.amount);
        else {
          const d = LongRowScanner.plain(cells, spec.debit);
          const c = LongRowScanner.plain(cells, spec.credit);
          if (d === undefined || c === undefined) amount = undefined;
          else if (d === null && c === null) amount = null;
          else {
            amount = (d ?? 0) - (c ?? 0);
            credit = d === null;
          }
        }
        const departmentCode = spec.department !== null ? codeText(cell(cells, spec.department)) || null : spec.givenDepartment;
        if (amount !== undefined && departmentCode !== null) {
          if (amount === null) kind = LongRowKind.noAmount;
          else {
            kind = credit ? LongRowKind.creditFigure : LongRowKind.figure;
            if (departmentCode !== lastDepartment) {
              lastDepartment = departmentCode;
              lastDepartmentAt = intern(departmentCode);
            }
            const at = figures * 4;
            const account = intern(accountCode);
            texts[at] = lastDepartmentAt;
            texts[at + 1] = account;
            const name = spec.name === null ? '' : cellText(cell(cells, spec.name));
            if (name === '') texts[at + 2] = -1;
            else {
              // An account's rows mostly repeat its name: compared with the last one before a look-up.
              const last = nameOfAccount[account];
              texts[at + 2] = last !== undefined && strings[last] === name ? last : (nameOfAccount[account] = intern(name));
            }
            texts[at + 3] = lastPeriodAt;
            amounts[figures++] = amount;
          }
        }
      }
      kinds[i] = kind;
      if (kind === LongRowKind.other) others.push(cells);
    }
    return { start, kinds, texts, amounts, strings, others: packRows(others) };
  }
}
