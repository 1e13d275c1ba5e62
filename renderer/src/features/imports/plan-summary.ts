/**
 * Plain functions over an ImportPlan for the wizard's tables: what would be written per
 * department and account, and where a problem's cell reference points.
 */
import type { ImportPlan, ImportProblem } from '../../../../shared/imports';

export interface SummaryRow {
  /** Stable key, also what a highlighted problem matches. */
  key: string;
  departmentCode: string;
  /** Null for kinds without accounts (people, departments, accounts themselves). */
  accountCode: string | null;
  rows: number;
  /** Null for kinds without amounts. */
  amountMinor: number | null;
  /** The sheet rows ("Budget!7") the records came from, to match a problem's cell to. */
  sourceRows: ReadonlySet<string>;
}

/** "file!Budget!D7" → "Budget!7": a problem and a record on the same sheet row belong together. */
function sheetRowOf(source: string, fileName: string): string | null {
  const ref = parseRef(source, fileName);
  return ref?.row === undefined || ref.row === null ? null : `${ref.sheet}!${ref.row}`;
}

export interface ParsedRef {
  sheet: string;
  column: string | null;
  row: number | null;
}

/**
 * Splits "file!sheet!cell" (or a CSV's "file!cell") knowing the file name (which may itself hold "!"); the cell is the
 * last part when it looks like one. Returns null for a reference to the whole file.
 */
export function parseRef(ref: string, fileName: string): ParsedRef | null {
  const rest = ref.startsWith(`${fileName}!`) ? ref.slice(fileName.length + 1) : null;
  if (rest === null || rest === '') return null;
  const at = rest.lastIndexOf('!');
  const cell = /^([A-Z]{1,3})(\d+)$/.exec(rest.slice(at + 1));
  if (!cell) return { sheet: rest, column: null, row: null };
  // A CSV's one sheet goes unnamed ("x.csv!D4"): its sheet is ''.
  return { sheet: at >= 0 ? rest.slice(0, at) : '', column: cell[1]!, row: Number(cell[2]) };
}

export function summarize(plan: ImportPlan): SummaryRow[] {
  const records = plan.records;
  if (!records) return [];
  const rows = new Map<string, { departmentCode: string; accountCode: string | null; rows: number; amountMinor: number | null; sourceRows: Set<string> }>();
  const add = (departmentCode: string, accountCode: string | null, amountMinor: number | null, source: string) => {
    const key = `${departmentCode}|${accountCode ?? ''}`;
    const row = rows.get(key) ?? { departmentCode, accountCode, rows: 0, amountMinor: amountMinor === null ? null : 0, sourceRows: new Set<string>() };
    row.rows += 1;
    if (amountMinor !== null && row.amountMinor !== null) row.amountMinor += amountMinor;
    const at = sheetRowOf(source, plan.fileName);
    if (at) row.sourceRows.add(at);
    rows.set(key, row);
  };
  switch (records.kind) {
    case 'budget':
    case 'actuals':
      for (const r of records.rows) add(r.departmentCode, r.accountCode, r.amountMinor, r.source);
      break;
    case 'people':
      for (const r of records.rows) add(r.departmentCode, null, r.annualSalaryMinor ?? 0, r.source);
      break;
    case 'departments':
      for (const r of records.rows) add(r.code, null, null, r.source);
      break;
    case 'accounts':
      for (const r of records.rows) add(r.code, null, null, r.source);
      break;
  }
  return [...rows.entries()]
    .map(([key, r]) => ({ key, ...r }))
    .sort((a, b) => a.departmentCode.localeCompare(b.departmentCode) || (a.accountCode ?? '').localeCompare(b.accountCode ?? ''));
}

/** The summary rows that came from the sheet row a problem points at. */
export function rowsOfProblem(rows: readonly SummaryRow[], problem: ImportProblem, fileName: string): Set<string> {
  const ref = parseRef(problem.ref, fileName);
  if (!ref || ref.row === null) return new Set();
  const at = `${ref.sheet}!${ref.row}`;
  return new Set(rows.filter((r) => r.sourceRows.has(at)).map((r) => r.key));
}

/** Errors first, then warnings, each in the order the pipeline found them. */
export function sortedProblems(plan: ImportPlan): ImportProblem[] {
  return [...plan.problems.filter((p) => p.severity === 'error'), ...plan.problems.filter((p) => p.severity === 'warning')];
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
