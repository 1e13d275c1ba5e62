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
import type { ColumnMapping } from '../../../shared/imports';
import { formatMoney } from '../../../shared/money';
import { fiscalYearMonths } from '../../../shared/periods';
import { parseCellAmount, plainCellMinor } from './amounts';
import { cellText } from './headers';
import { LongRowKind, type LongRowBlock, type LongRowSpec } from './long-rows';
import { cellRef, sheetPrefix, type CellValue } from './model';
import { parseMonth, parseQuarter } from './months';
import { parsePeriodLabel, spanMonths, type PeriodSpan } from '../../../shared/period-labels';
import type { Problems } from './problems';
import { unpackRows } from './read/packed-rows';
import { cell, codeText, columnOf, isBlankRow, totalRowKind, type MappedSheet } from './rows';

export interface RawFigure {
  departmentCode: string | null;
  /** Where the department came from, for problems about it. */
  departmentRef: string;
  accountCode: string;
  accountRef: string;
  accountName: string | null;
  period: string;
  periodRef: string;
  /**
   * The amount in minor units: signed as it is, or, when `debitCredit`, debit − credit still to
   * be signed by the account's type (validate.ts).
   */
  amountMinor: number;
  debitCredit: boolean;
  source: string;
  /**
   * A quarter's or a year's amount still to be spread over its months (budgets whose file has no
   * month columns for that span): `period` is then the span's first month, or '' when its year
   * comes from the plan. The plan spreads it once the plan is chosen (preview.ts, shared/spread.ts).
   */
  spread?: SpanToSpread;
  /** The row's comment or notes column, kept as the cell's note. */
  note?: string;
}

export interface SpanToSpread {
  span: PeriodSpan;
  /** The header as the file wrote it ("FY 2025 Budget"). */
  header: string;
  /** The cell, "C4". */
  cell: string;
}

export interface FigureSheetInput extends MappedSheet {
  fileName: string;
  /** The department of rows without a department column (given, sheet name or title). */
  department: { code: string; ref: string } | null;
  decimalComma: boolean;
  fiscalStartMonth: number;
  /** Budgets read quarter and year columns as data when the sheet has no month columns. */
  kind?: 'budget' | 'actuals';
  /** The account of every row of a sheet with no account column (one figure per department), chosen by the user. */
  account?: { code: string; ref: string };
}

export interface FigureSheetOutput {
  figures: RawFigure[];
  dataRows: number;
  skippedRows: number;
}

/**
 * Reads a sheet's data rows as they become available: `readTo(end)` reads the rows it has not
 * read yet, up to (not including) sheet row `end`. A sheet read in one go and a sheet whose rows
 * arrive in chunks (a CSV streamed from the reader) give the same figures and problems, in the
 * same order, because every row is read exactly once, in order.
 */
export interface FigureReader {
  readonly out: FigureSheetOutput;
  /** The first sheet row not read yet. */
  readonly nextRow: number;
  readTo(end: number): void;
  /**
   * How a LongRowScanner may read this sheet's rows ahead (long-rows.ts): null for a wide sheet,
   * and for a long one whose rows are not read (no account or month column).
   */
  longRowSpec(): LongRowSpec | null;
  /**
   * Reads rows scanned by that spec — the block starts at the first row not read yet, and the
   * sheet's own rows end there — handing its figures, in order, to `sink` rather than to `out`.
   */
  readBlock(block: LongRowBlock, sink: FigureSink): void;
  /** Once every row is read: the warnings that count rows (rows with an account and no amount). */
  finish(): void;
}

/** Where a block's figures go, in order. */
export interface FigureSink {
  /** A figure known by its fields alone: taken, or false when it needs the whole figure (its cell references). */
  known(departmentCode: string, accountCode: string, period: string, amountMinor: number, debitCredit: boolean, source: string): boolean;
  figure(f: RawFigure): void;
}

/** Unmapped columns with a header: the candidates a refusal names. */
function candidates(mapping: readonly ColumnMapping[]): ColumnMapping[] {
  return mapping.filter((c) => c.field === 'ignore' && c.header !== '');
}

function candidateText(mapping: readonly ColumnMapping[], field: string): string {
  const list = candidates(mapping).slice(0, 4);
  if (list.length === 0) return '';
  const named = list.map((c) => `${c.letter} "${c.header}"${c.samples && c.samples.length > 0 ? ` (${c.samples.slice(0, 2).join(', ')})` : ''}`);
  return `; unmapped columns: ${named.join(', ')} — e.g. --map "${list[0]!.header}=${field}"`;
}

/** "no column is mapped to the account; unmapped columns: B "Item" (Rent, Travel) — e.g. --map "Item=accountCode"". */
function missingColumn(mapping: readonly ColumnMapping[], what: string, field: string): string {
  return `no column is mapped to ${what}${candidateText(mapping, field)}`;
}

/** A whole-company file: say how to give the department, and which columns could hold it. */
function noDepartment(mapping: readonly ColumnMapping[]): string {
  return `no department: choose one (--department CODE), name the sheet after one ("210 Warehouse"), or map a department column${candidateText(mapping, 'departmentCode')}`;
}

/** No value (empty cell): null. A value that is not an amount: an error at the cell, and undefined. */
function amountAt(input: FigureSheetInput, problems: Problems, row: number, column: number, value: CellValue): number | null | undefined {
  if (value === null) return null;
  const plain = plainCellMinor(value);
  if (plain !== undefined) return plain;
  const parsed = parseCellAmount(value, { decimalComma: input.decimalComma });
  if (!parsed.ok) {
    problems.error(problems.ref(input.sheet.name, row, column), `${parsed.message}`);
    return undefined;
  }
  return parsed.minor;
}

function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1;
}

function money(minor: number): string {
  return formatMoney(minor, { decimals: 2 });
}

/** Months of quarter `q` (1–4) of the fiscal year the sheet's months belong to. */
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
  const prefix = `${sheetPrefix(fileName, sheet)}!`;
  /** "file!sheet!D" per column: a reference is then one concatenation. */
  const columnPrefixes = new Map<number, string>();
  return (row, column) => {
    let p = columnPrefixes.get(column);
    if (p === undefined) columnPrefixes.set(column, (p = `${prefix}${cellRef(0, column).slice(0, -1)}`));
    return `${p}${row + 1}`;
  };
}

interface LongColumns {
  department: number | undefined;
  /** -1: the account was chosen for the whole sheet (givenAccountRef). */
  account: number;
  givenAccountRef?: string;
  period: number;
  givenDepartmentRef: string | undefined;
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
    readonly amountMinor: number,
    readonly debitCredit: boolean,
    readonly source: string,
    private readonly refAt: (row: number, column: number) => string,
    private readonly row: number,
    private readonly columns: LongColumns,
    readonly note?: string,
  ) {}

  get departmentRef(): string {
    return this.columns.department !== undefined ? this.refAt(this.row, this.columns.department) : this.columns.givenDepartmentRef!;
  }

  get accountRef(): string {
    return this.columns.account < 0 ? this.columns.givenAccountRef! : this.refAt(this.row, this.columns.account);
  }

  get periodRef(): string {
    return this.refAt(this.row, this.columns.period);
  }
}

/** The part of a reader every layout shares: a cursor over the sheet's rows below the header. */
abstract class SheetReader implements FigureReader {
  readonly out: FigureSheetOutput = { figures: [], dataRows: 0, skippedRows: 0 };
  protected next: number;

  constructor(protected readonly input: FigureSheetInput, protected readonly problems: Problems) {
    this.next = input.headerRow + 1;
  }

  get nextRow(): number {
    return this.next;
  }

  readTo(end: number): void {
    const rows = this.input.sheet.rows;
    const last = Math.min(end, rows.length);
    for (let r = this.next; r < last; r++) {
      const cells = rows[r] ?? [];
      if (!isBlankRow(cells)) this.row(r, cells);
    }
    if (last > this.next) this.next = last;
  }

  protected abstract row(r: number, cells: readonly CellValue[]): void;

  longRowSpec(): LongRowSpec | null {
    return null;
  }

  readBlock(block: LongRowBlock, _sink: FigureSink): void {
    throw new Error(`rows from ${block.start} were read ahead, but this sheet's rows cannot be`);
  }

  /** Rows with an account but no amount: left out, and warned about once per sheet when reading ends. */
  private blankAmounts = 0;
  private readonly blankRows: number[] = [];

  protected blankAmount(r: number): void {
    this.blankAmounts++;
    if (this.blankRows.length < 5) this.blankRows.push(r + 1);
  }

  finish(): void {
    const n = this.blankAmounts;
    if (n === 0) return;
    const { problems, input } = this;
    const rows = `${this.blankRows.join(', ')}${n > this.blankRows.length ? ', …' : ''}`;
    problems.warn(
      problems.ref(input.sheet.name, this.blankRows[0]! - 1, this.amountColumn()),
      `${n === 1 ? '1 row has' : `${n} rows have`} an account but no amount (row${n === 1 ? '' : 's'} ${rows}); ${n === 1 ? 'it is' : 'they are'} left out, not imported as zero`,
    );
  }

  /** The column a blank amount is reported at. */
  protected abstract amountColumn(): number;

  /** Hands the figures read so far to `sink`, in order. */
  protected flush(sink: FigureSink): void {
    const { figures } = this.out;
    for (const f of figures) sink.figure(f);
    figures.length = 0;
  }
}

/** Rows of a long sheet: one figure per row. */
class LongReader extends SheetReader {
  private readonly col;
  private readonly labels: number[];
  private readonly problemRef: (row: number, column: number) => string;
  private readonly sourceRefAt: (row: number, column: number) => string;
  private readonly refColumns: LongColumns | null;
  /** A file's month column repeats a handful of texts: each is parsed once. */
  private readonly monthOfText = new Map<string, string | null>();

  constructor(input: FigureSheetInput, problems: Problems) {
    super(input, problems);
    const m = input.mapping;
    const col = {
      department: columnOf(m, 'departmentCode'),
      account: columnOf(m, 'accountCode'),
      name: columnOf(m, 'accountName'),
      period: columnOf(m, 'period'),
      amount: columnOf(m, 'amount'),
      debit: columnOf(m, 'debit'),
      credit: columnOf(m, 'credit'),
      note: columnOf(m, 'note'),
    };
    this.col = col;
    const sheet = input.sheet.name;
    if (col.account === undefined && input.account === undefined) problems.error(problems.ref(sheet), missingColumn(m, 'the account', 'accountCode'));
    if (col.period === undefined) problems.error(problems.ref(sheet), missingColumn(m, 'the month (period)', 'period'));
    if (col.amount === undefined && col.debit === undefined && col.credit === undefined) {
      problems.error(problems.ref(sheet), missingColumn(m, 'the amount (or to debit and credit)', 'amount'));
    }
    if (col.department === undefined && input.department === null) {
      problems.error(problems.ref(sheet), noDepartment(m));
    }
    this.labels = [col.department, col.account, col.name].filter((c): c is number => c !== undefined);
    this.problemRef = sheetRefs(problems.fileName, sheet);
    this.sourceRefAt = problems.fileName === input.fileName ? this.problemRef : sheetRefs(input.fileName, sheet);
    // Without an account or a month column no row can become a figure: rows are not read.
    this.refColumns =
      (col.account === undefined && input.account === undefined) || col.period === undefined
        ? null
        : {
            department: col.department,
            account: col.account ?? -1,
            period: col.period,
            givenDepartmentRef: input.department?.ref,
            ...(col.account === undefined ? { givenAccountRef: input.account!.ref } : {}),
          };
  }

  protected amountColumn(): number {
    return this.col.amount ?? this.col.debit ?? this.col.credit ?? 0;
  }

  private monthOf(value: CellValue): string | null {
    if (typeof value !== 'string') return parseMonth(value);
    let found = this.monthOfText.get(value);
    if (found === undefined) this.monthOfText.set(value, (found = parseMonth(value)));
    return found;
  }

  override longRowSpec(): LongRowSpec | null {
    const { col, refColumns } = this;
    // Rows read ahead carry no notes nor a chosen account: such a sheet is read row by row.
    if (refColumns === null || col.note !== undefined || refColumns.account < 0) return null;
    return {
      department: col.department ?? null,
      account: refColumns.account,
      name: col.name ?? null,
      period: refColumns.period,
      amount: col.amount ?? null,
      debit: col.debit ?? null,
      credit: col.credit ?? null,
      labels: [...this.labels],
      givenDepartment: this.input.department?.code ?? null,
    };
  }

  /** Each row as row() reads it: plain ones from what the scanner read, the others from their cells. */
  override readBlock(block: LongRowBlock, sink: FigureSink): void {
    const { col, refColumns, out } = this;
    if (refColumns === null || block.start !== this.next) throw new Error(`rows from ${block.start} were read ahead, but row ${this.next} is the next to read`);
    const { kinds, texts, amounts, strings } = block;
    const others = unpackRows(block.others);
    const debitCredit = col.amount === undefined;
    const amountColumn = col.amount ?? col.debit ?? col.credit!;
    this.flush(sink);
    let figure = 0;
    let other = 0;
    for (let i = 0; i < kinds.length; i++) {
      const r = block.start + i;
      const kind = kinds[i];
      if (kind === LongRowKind.blank) continue;
      if (kind === LongRowKind.total) out.skippedRows++;
      else if (kind === LongRowKind.noAmount) {
        out.dataRows++;
        this.blankAmount(r);
      }
      else if (kind === LongRowKind.figure || kind === LongRowKind.creditFigure) {
        out.dataRows++;
        const at = figure * 4;
        const departmentCode = strings[texts[at]!]!;
        const accountCode = strings[texts[at + 1]!]!;
        const period = strings[texts[at + 3]!]!;
        const amount = amounts[figure++]!;
        const source = this.sourceRefAt(r, kind === LongRowKind.creditFigure ? col.credit! : amountColumn);
        // A figure taken by its fields needs no object; one that needs its references gets it.
        if (sink.known(departmentCode, accountCode, period, amount, debitCredit, source)) continue;
        const name = texts[at + 2]!;
        sink.figure(new LongFigure(departmentCode, accountCode, name < 0 ? null : strings[name]!, period, amount, debitCredit, source, this.problemRef, r, refColumns));
      } else {
        this.row(r, others[other++]!);
        this.flush(sink);
      }
    }
    this.next = block.start + kinds.length;
  }

  protected row(r: number, cells: readonly CellValue[]): void {
    const { col, refColumns, input, problems, out } = this;
    if (refColumns === null) return;
    const given = refColumns.account < 0 ? input.account!.code : null;
    const accountColumn = refColumns.account;
    const periodColumn = refColumns.period;
    if (totalRowKind(cells, this.labels, given === null ? accountColumn : undefined)) {
      out.skippedRows++;
      return;
    }
    out.dataRows++;
    const accountCode = given ?? codeText(cell(cells, accountColumn));
    const periodValue = cell(cells, periodColumn);
    const period = this.monthOf(periodValue);
    let amount: number | null = null;
    let debitCredit = false;
    let amountColumn = col.amount ?? col.debit ?? col.credit!;
    if (col.amount !== undefined) {
      amount = amountAt(input, problems, r, col.amount, cell(cells, col.amount)) ?? null;
    } else {
      const debit = col.debit === undefined ? null : (amountAt(input, problems, r, col.debit, cell(cells, col.debit)) ?? null);
      const credit = col.credit === undefined ? null : (amountAt(input, problems, r, col.credit, cell(cells, col.credit)) ?? null);
      if (debit !== null || credit !== null) {
        amount = (debit ?? 0) - (credit ?? 0);
        debitCredit = true;
      }
      if (debit === null && credit !== null) amountColumn = col.credit!;
    }
    const departmentCode = col.department !== undefined ? codeText(cell(cells, col.department)) || null : (input.department?.code ?? null);
    if (accountCode === '') {
      if (amount !== null) problems.error(this.problemRef(r, accountColumn), 'an amount without an account');
      return;
    }
    if (period === null) {
      const text = cellText(periodValue);
      problems.error(this.problemRef(r, periodColumn), text === '' ? 'no month' : `"${text}" is not a month`);
      return;
    }
    if (departmentCode === null) {
      if (col.department !== undefined) problems.error(this.problemRef(r, col.department), 'no department');
      return;
    }
    // An empty amount is no value, never a zero with a source.
    if (amount === null) {
      this.blankAmount(r);
      return;
    }
    out.figures.push(
      new LongFigure(
        departmentCode,
        accountCode,
        col.name !== undefined ? cellText(cell(cells, col.name)) || null : null,
        period,
        amount,
        debitCredit,
        this.sourceRefAt(r, amountColumn),
        this.problemRef,
        r,
        refColumns,
        col.note !== undefined ? cellText(cell(cells, col.note)) || undefined : undefined,
      ),
    );
  }
}

interface QuarterColumn {
  column: number;
  quarter: number;
  /** Which of the sheet's month columns (by index into `months`) the quarter sums. */
  inQuarter: boolean[];
}

/** Rows of a wide sheet: one figure per filled month cell; quarter and total columns cross-checked. */
class WideReader extends SheetReader {
  private readonly col;
  private readonly months: Array<{ column: number; period: string }>;
  private readonly quarters: QuarterColumn[];
  private readonly totals: number[];
  private readonly labels: number[];
  private readonly periodRefs: string[];
  private readonly sourceRefAt: (row: number, column: number) => string;
  /** Month sums of the data rows since the last subtotal, and since the start, for total rows (by month index). */
  private readonly sinceSubtotal: number[];
  private readonly sinceStart: number[];
  /** This row's amounts, by month index, then quarter, then total column; undefined where empty or not an amount. */
  private readonly values: Array<number | undefined>;
  private readonly readable: boolean;
  /**
   * A budget sheet without month columns: its quarter columns, or else its year columns, are the
   * data — each value a span to spread (by slot into `values`). Empty otherwise.
   */
  private readonly spans: Array<{ slot: number; column: number; span: PeriodSpan; header: string }> = [];
  /** Total columns (by index) of another year's actuals ("FY2026 Actual"): neither data nor a check of this row. */
  private readonly otherYears = new Set<number>();

  constructor(input: FigureSheetInput, problems: Problems) {
    super(input, problems);
    const m = input.mapping;
    const sheet = input.sheet.name;
    this.col = { department: columnOf(m, 'departmentCode'), account: columnOf(m, 'accountCode'), name: columnOf(m, 'accountName'), note: columnOf(m, 'note') };
    this.months = m.filter((c) => c.field === 'month' && c.period !== null).map((c) => ({ column: c.column, period: c.period! }));
    const allPeriods = this.months.map((x) => x.period).sort();
    this.quarters = m
      .filter((c) => c.field === 'quarter')
      .map((c) => {
        const q = parseQuarter(c.header);
        if (q === null) return null;
        const set = quarterMonths(q.quarter, q.year, allPeriods, input.fiscalStartMonth);
        return { column: c.column, quarter: q.quarter, inQuarter: this.months.map((mo) => set.has(mo.period)) };
      })
      .filter((q): q is QuarterColumn => q !== null);
    this.totals = m.filter((c) => c.field === 'total').map((c) => c.column);
    m.filter((c) => c.field === 'total').forEach((c, t) => {
      if (parsePeriodLabel(c.header)?.qualifier === 'Actual') this.otherYears.add(t);
    });
    if (this.months.length === 0 && input.kind === 'budget') {
      const quarterSlots = m.filter((c) => c.field === 'quarter').map((c, i) => ({ c, slot: i }));
      const withSpan = <T extends { c: { header: string } }>(x: T) => ({ ...x, span: parsePeriodLabel(x.c.header) });
      // A column of last year's actuals ("FY2026 Actual") beside the plan's is not the plan.
      const quarters = quarterSlots.map(withSpan).filter((x) => x.span?.kind === 'quarter' && x.span.qualifier !== 'Actual');
      const years = m
        .filter((c) => c.field === 'total')
        .map((c, i) => withSpan({ c, slot: this.quarters.length + i }))
        .filter((x) => x.span?.kind === 'year' && x.span.qualifier !== 'Actual');
      for (const x of quarters.length > 0 ? quarters : years) this.spans.push({ slot: x.slot, column: (x.c as { column: number }).column, span: x.span!, header: x.c.header });
    }
    this.labels = [this.col.department, this.col.account, this.col.name].filter((c): c is number => c !== undefined);
    this.periodRefs = this.months.map((mo) => problems.ref(sheet, input.headerRow, mo.column));
    this.sourceRefAt = sheetRefs(input.fileName, sheet);
    this.sinceSubtotal = this.months.map(() => 0);
    this.sinceStart = this.months.map(() => 0);
    this.values = new Array<number | undefined>(this.months.length + this.quarters.length + this.totals.length).fill(undefined);
    this.readable = this.col.account !== undefined || input.account !== undefined;
    if (!this.readable) {
      problems.error(problems.ref(sheet), missingColumn(m, 'the account', 'accountCode'));
      return;
    }
    if (this.col.department === undefined && input.department === null) {
      problems.error(problems.ref(sheet), noDepartment(m));
    }
    const seenPeriods = new Map<string, number>();
    for (const mo of this.months) {
      const earlier = seenPeriods.get(mo.period);
      if (earlier !== undefined) {
        problems.error(problems.ref(sheet, input.headerRow, mo.column), `a second column for the same month as ${problems.ref(sheet, input.headerRow, earlier).split('!').pop()}`);
      } else seenPeriods.set(mo.period, mo.column);
    }
  }

  protected amountColumn(): number {
    return this.months[0]?.column ?? this.col.account ?? 0;
  }

  /** Reads the amount at `column` into values[slot]. */
  private readValue(r: number, cells: readonly CellValue[], slot: number, column: number): void {
    const v = cell(cells, column);
    if (v === null || (typeof v === 'string' && v.trim() === '')) {
      this.values[slot] = undefined;
      return;
    }
    this.values[slot] = amountAt(this.input, this.problems, r, column, v) ?? undefined;
  }

  protected row(r: number, cells: readonly CellValue[]): void {
    if (!this.readable) return;
    const { months, quarters, totals, values, col, input, problems, out } = this;
    const sheet = input.sheet.name;
    // A chosen account for every row: rows are told apart by their department.
    const given = col.account === undefined ? input.account!.code : null;
    const accountColumn = col.account ?? col.department ?? this.months[0]?.column ?? this.spans[0]?.column ?? 0;
    // Month, then quarter, then total columns, in that order (problems come out in it).
    for (let i = 0; i < months.length; i++) this.readValue(r, cells, i, months[i]!.column);
    for (let i = 0; i < quarters.length; i++) this.readValue(r, cells, months.length + i, quarters[i]!.column);
    for (let i = 0; i < totals.length; i++) this.readValue(r, cells, months.length + quarters.length + i, totals[i]!);
    const total = totalRowKind(cells, this.labels, given === null ? accountColumn : col.department);
    if (total) {
      out.skippedRows++;
      const basis = total === 'subtotal' ? this.sinceSubtotal : this.sinceStart;
      for (let i = 0; i < months.length; i++) {
        const stated = values[i];
        const sum = basis[i]!;
        if (stated !== undefined && !sameAmount(stated, sum)) {
          problems.warn(problems.ref(sheet, r, months[i]!.column), `${total} row says ${money(stated)} but the rows above it add up to ${money(sum)}`);
        }
      }
      if (total === 'subtotal') this.sinceSubtotal.fill(0);
      return;
    }
    const accountCode = given ?? codeText(cell(cells, accountColumn));
    let filled = 0;
    for (let i = 0; i < months.length; i++) if (values[i] !== undefined) filled++;
    for (const s of this.spans) if (values[months.length + s.slot] !== undefined) filled++;
    if (accountCode === '') {
      // A section heading ("Operating expenses") or a note: no account and no amounts.
      if (filled > 0) problems.error(problems.ref(sheet, r, accountColumn), 'amounts without an account');
      else out.skippedRows++;
      return;
    }
    out.dataRows++;
    if (filled === 0 && months.length + this.spans.length > 0) this.blankAmount(r);
    const departmentCode = col.department !== undefined ? codeText(cell(cells, col.department)) || null : (input.department?.code ?? null);
    if (departmentCode === null) {
      if (col.department !== undefined && filled > 0) problems.error(problems.ref(sheet, r, col.department), 'no department');
      return;
    }
    // The same for every month of the row: worked out once.
    const departmentRef = filled === 0 ? '' : col.department !== undefined ? problems.ref(sheet, r, col.department) : input.department!.ref;
    const accountRef = filled === 0 ? '' : problems.ref(sheet, r, accountColumn);
    const accountName = col.name !== undefined && filled > 0 ? cellText(cell(cells, col.name)) || null : null;
    const noteText = col.note !== undefined && filled > 0 ? cellText(cell(cells, col.note)) : '';
    const note = noteText === '' ? {} : { note: noteText };
    let rowSum = 0;
    for (let i = 0; i < months.length; i++) {
      const minor = values[i];
      if (minor === undefined) continue;
      rowSum += minor;
      this.sinceSubtotal[i] = this.sinceSubtotal[i]! + minor;
      this.sinceStart[i] = this.sinceStart[i]! + minor;
      out.figures.push({
        departmentCode,
        departmentRef,
        accountCode,
        accountRef,
        accountName,
        period: months[i]!.period,
        periodRef: this.periodRefs[i]!,
        amountMinor: minor,
        debitCredit: false,
        source: this.sourceRefAt(r, months[i]!.column),
        ...note,
      });
    }
    for (const s of this.spans) {
      const minor = values[months.length + s.slot];
      if (minor === undefined) continue;
      rowSum += minor;
      out.figures.push({
        departmentCode,
        departmentRef: problems.ref(sheet, r, col.department ?? s.column),
        accountCode,
        accountRef: problems.ref(sheet, r, accountColumn),
        accountName: col.name !== undefined ? cellText(cell(cells, col.name)) || null : null,
        period: spanFirstMonth(s.span, input.fiscalStartMonth),
        periodRef: problems.ref(sheet, input.headerRow, s.column),
        amountMinor: minor,
        debitCredit: false,
        source: this.sourceRefAt(r, s.column),
        spread: { span: s.span, header: s.header, cell: cellRef(r, s.column) },
        ...note,
      });
    }
    // Quarter columns that were data are not also a cross-check of themselves.
    for (let q = 0; q < (this.spans.length > 0 && this.spans[0]!.span.kind === 'quarter' ? 0 : quarters.length); q++) {
      const stated = values[months.length + q];
      if (stated === undefined) continue;
      const { inQuarter, quarter, column } = quarters[q]!;
      let sum = 0;
      for (let i = 0; i < months.length; i++) if (inQuarter[i] && values[i] !== undefined) sum += values[i]!;
      if (!sameAmount(stated, sum)) problems.warn(problems.ref(sheet, r, column), `Q${quarter} says ${money(stated)} but its months add up to ${money(sum)}`);
    }
    for (let t = 0; t < totals.length; t++) {
      const stated = values[months.length + quarters.length + t];
      if (stated === undefined || this.spans.some((x) => x.slot === quarters.length + t) || this.otherYears.has(t)) continue;
      if (!sameAmount(stated, rowSum)) problems.warn(problems.ref(sheet, r, totals[t]!), `the total says ${money(stated)} but the months add up to ${money(rowSum)}`);
    }
  }
}

/** The first month of a span whose year the label gives; '' when the plan gives it. */
function spanFirstMonth(span: PeriodSpan, fiscalStartMonth: number): string {
  try {
    return spanMonths(span, fiscalStartMonth)[0] ?? '';
  } catch {
    return '';
  }
}

/**
 * A reader for the sheet's layout: wide when a column is a month — or, for a budget with no
 * month, period or amount column, when its columns are quarters or years (spread to months) —
 * long otherwise.
 */
export function figureReader(input: FigureSheetInput, problems: Problems): FigureReader {
  return isWideLayout(input.kind, input.mapping) ? new WideReader(input, problems) : new LongReader(input, problems);
}

/** A column per month, or (a budget with no month, period or amount column) a column per quarter or year. */
export function isWideLayout(kind: string | undefined, m: readonly ColumnMapping[]): boolean {
  if (m.some((c) => c.field === 'month')) return true;
  return (
    kind === 'budget' &&
    !m.some((c) => c.field === 'period' || c.field === 'amount') &&
    m.some((c) => c.field === 'quarter' || (c.field === 'total' && parsePeriodLabel(c.header)?.kind === 'year'))
  );
}

export function readFigures(input: FigureSheetInput, problems: Problems): FigureSheetOutput {
  const reader = figureReader(input, problems);
  reader.readTo(input.sheet.rows.length);
  return reader.out;
}
