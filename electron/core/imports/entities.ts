/**
 * Department, account and people rows out of a mapped sheet: one record per row, every value
 * checked where it stands, before anything is compared with the workspace.
 */
import type { AccountType } from '../../../shared/budget';
import { departmentCodeSchema } from '../../../shared/org';
import { parseCellAmount } from './amounts';
import { accountTypeFromTypeColumn } from './conventions';
import { hrStatus } from './hr-values';
import { clipText } from './read/text';
import { cellText } from './headers';
import { sourceRef, type CellValue } from './model';
import type { Problems } from './problems';
import { cell, codeText, columnOf, dataRows, totalRowKind, type MappedSheet } from './rows';

export interface EntitySheetInput extends MappedSheet {
  fileName: string;
  decimalComma: boolean;
  /** The department of rows without a department column (people). */
  department: { code: string; ref: string } | null;
}

interface Counted {
  dataRows: number;
  skippedRows: number;
}

export interface RawDepartment {
  code: string;
  name: string;
  parentCode: string | null;
  manager: string | null;
  source: string;
  parentRef: string;
}

export interface RawAccount {
  code: string;
  name: string | null;
  type: AccountType | null;
  active: boolean | null;
  source: string;
  typeRef: string;
}

export interface RawPerson {
  name: string;
  title: string | null;
  departmentCode: string;
  departmentRef: string;
  fte: number;
  annualSalaryMinor: number | null;
  startDate: string | null;
  endDate: string | null;
  status: 'active' | 'open';
  source: string;
}

function requireColumn(problems: Problems, sheet: string, column: number | undefined, what: string): column is number {
  if (column === undefined) problems.error(problems.ref(sheet), `no column is mapped to ${what}`);
  return column !== undefined;
}

/** The most characters the app keeps in a name, a title or a manager (shared/org.ts, shared/budget.ts). */
const maxNameChars = 200;

/**
 * A name, title or manager as the app keeps it: cut at a character boundary (never through an
 * emoji) when longer than the app allows, and the cut said at its cell, never done silently.
 */
function fitName(problems: Problems, ref: string, text: string, what: string): string {
  const { text: kept, clipped } = clipText(text, maxNameChars);
  if (clipped) problems.warn(ref, `the ${what} is ${text.length.toLocaleString('en-US')} characters long; only the first ${maxNameChars} were kept`);
  return kept;
}

function checkCode(problems: Problems, ref: string, code: string, what: string): boolean {
  const ok = departmentCodeSchema.safeParse(code);
  if (!ok.success) problems.error(ref, `${what} "${code}": ${ok.error.issues[0]?.message ?? 'not a valid code'}`);
  return ok.success;
}

export function readDepartments(input: EntitySheetInput, problems: Problems): Counted & { rows: RawDepartment[] } {
  const sheet = input.sheet.name;
  const m = input.mapping;
  const col = { code: columnOf(m, 'code'), name: columnOf(m, 'name'), parent: columnOf(m, 'parentCode'), manager: columnOf(m, 'manager') };
  const out = { rows: [] as RawDepartment[], dataRows: 0, skippedRows: 0 };
  if (!requireColumn(problems, sheet, col.code, 'the department code') || !requireColumn(problems, sheet, col.name, 'the department name')) return out;
  for (const { index: r, cells } of dataRows(input)) {
    if (totalRowKind(cells, [col.code, col.name], col.code)) {
      out.skippedRows++;
      continue;
    }
    out.dataRows++;
    const ref = (c: number) => problems.ref(sheet, r, c);
    const code = codeText(cell(cells, col.code));
    const name = cellText(cell(cells, col.name));
    if (code === '') {
      problems.error(ref(col.code), 'no department code');
      continue;
    }
    if (!checkCode(problems, ref(col.code), code, 'department code')) continue;
    if (name === '') {
      problems.error(ref(col.name), `department ${code} has no name`);
      continue;
    }
    const parent = codeText(cell(cells, col.parent));
    out.rows.push({
      code,
      name: fitName(problems, ref(col.name), name, 'name'),
      parentCode: parent === '' ? null : parent,
      manager: col.manager === undefined ? null : fitName(problems, ref(col.manager), cellText(cell(cells, col.manager)), 'manager') || null,
      source: sourceRef(input.fileName, sheet, r, col.code),
      parentRef: col.parent === undefined ? ref(col.code) : ref(col.parent),
    });
  }
  return out;
}

const accountTypeWords: ReadonlyArray<[RegExp, AccountType]> = [
  [/^(revenue|revenues|income|sales|turnover|rev)$/, 'revenue'],
  [/^(expense|expenses|opex|cost|costs|cogs|exp|operating expense|operating expenses)$/, 'expense'],
  [/^(capex|capital|capital expenditure|asset|assets|fixed asset|investment)$/, 'capex'],
];

export function parseAccountType(value: CellValue): AccountType | null {
  const text = cellText(value).toLowerCase().replace(/\s+/g, ' ');
  for (const [pattern, type] of accountTypeWords) if (pattern.test(text)) return type;
  return null;
}

function parseActive(value: CellValue): boolean | null | 'bad' {
  if (value === null) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const text = cellText(value).toLowerCase();
  if (text === '') return null;
  if (['yes', 'y', 'true', 'active', '1', 'open', 'x'].includes(text)) return true;
  if (['no', 'n', 'false', 'inactive', '0', 'closed', 'blocked', 'disabled'].includes(text)) return false;
  return 'bad';
}

export function readAccounts(input: EntitySheetInput, problems: Problems): Counted & { rows: RawAccount[] } {
  const sheet = input.sheet.name;
  const m = input.mapping;
  const col = { code: columnOf(m, 'code'), name: columnOf(m, 'name'), type: columnOf(m, 'type'), active: columnOf(m, 'active') };
  const out = { rows: [] as RawAccount[], dataRows: 0, skippedRows: 0 };
  if (!requireColumn(problems, sheet, col.code, 'the account code')) return out;
  const balanceSheet: string[] = [];
  readAccountRows(input, problems, col, out, balanceSheet);
  if (balanceSheet.length > 0) {
    const n = balanceSheet.length;
    problems.warn(
      balanceSheet[0]!,
      `${n === 1 ? '1 balance-sheet account (asset, liability or equity) is' : `${n} balance-sheet accounts (assets, liabilities, equity) are`} left out: Quartermaster budgets revenue, expenses and capex (first at ${balanceSheet
        .slice(0, 3)
        .map((x) => x.split('!').pop())
        .join(', ')}${n > 3 ? ', …' : ''})`,
    );
  }
  return out;
}

function readAccountRows(
  input: EntitySheetInput,
  problems: Problems,
  col: { code: number | undefined; name: number | undefined; type: number | undefined; active: number | undefined },
  out: Counted & { rows: RawAccount[] },
  balanceSheet: string[],
): void {
  const sheet = input.sheet.name;
  if (col.code === undefined) return;
  for (const { index: r, cells } of dataRows(input)) {
    if (totalRowKind(cells, [col.code, ...(col.name === undefined ? [] : [col.name])], col.code)) {
      out.skippedRows++;
      continue;
    }
    out.dataRows++;
    const ref = (c: number) => problems.ref(sheet, r, c);
    const code = codeText(cell(cells, col.code));
    if (code === '') {
      problems.error(ref(col.code), 'no account code');
      continue;
    }
    if (!checkCode(problems, ref(col.code), code, 'account code')) continue;
    const typeValue = cell(cells, col.type);
    let type = parseAccountType(typeValue);
    // Other tools' type words ("Income", "Cost of Goods Sold", "Asset", "Current Liability"): a Type
    // column is certain, and a balance-sheet word is never read as capex or expense.
    const read = col.type === undefined || cellText(typeValue) === '' ? null : accountTypeFromTypeColumn(cellText(typeValue));
    if (read?.balanceSheet) {
      // Assets, liabilities and equity are not budgeted here: left out, counted in one warning.
      balanceSheet.push(ref(col.type!));
      out.skippedRows++;
      out.dataRows--;
      continue;
    }
    if (col.type !== undefined && type === null && cellText(typeValue) !== '') {
      if (read && (read.type === 'revenue' || read.type === 'expense' || read.type === 'capex')) type = read.type;
      else {
        problems.error(ref(col.type), `"${cellText(typeValue)}" is not an account type (revenue, expense or capex)`);
        continue;
      }
    }
    const active = parseActive(cell(cells, col.active));
    if (active === 'bad') {
      problems.error(ref(col.active!), `"${cellText(cell(cells, col.active))}" is not yes or no`);
      continue;
    }
    out.rows.push({
      code,
      name: col.name === undefined ? null : fitName(problems, ref(col.name), cellText(cell(cells, col.name)), 'name') || null,
      type,
      active,
      source: sourceRef(input.fileName, sheet, r, col.code),
      typeRef: ref(col.type ?? col.code),
    });
  }
}

/** A date cell as YYYY-MM-DD: a real date, "2024-03-02", "2024-03-02T…". */
function parseDate(value: CellValue): string | null | 'bad' {
  if (value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'bad' : value.toISOString().slice(0, 10);
  const text = cellText(value);
  if (text === '') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
  if (!m) return 'bad';
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? 'bad' : iso;
}

const openStatus = /^(open|tbh|to be hired|vacant|vacancy|tbd|requisition|req|hiring|planned)\b/i;
const openName = /^(tbh|vacant|vacancy|open role|open position|tbd|new hire)\b/i;

export function readPeople(input: EntitySheetInput, problems: Problems): Counted & { rows: RawPerson[] } {
  const sheet = input.sheet.name;
  const m = input.mapping;
  const col = {
    name: columnOf(m, 'name'),
    title: columnOf(m, 'title'),
    department: columnOf(m, 'departmentCode'),
    fte: columnOf(m, 'fte'),
    salary: columnOf(m, 'salary'),
    start: columnOf(m, 'startDate'),
    end: columnOf(m, 'endDate'),
    status: columnOf(m, 'status'),
  };
  const leaversWithoutEnd: Array<{ ref: string; word: string }> = [];
  const out = { rows: [] as RawPerson[], dataRows: 0, skippedRows: 0 };
  if (!requireColumn(problems, sheet, col.name, 'the name')) return out;
  if (col.department === undefined && input.department === null) {
    problems.error(problems.ref(sheet), 'no department: map a department column, name the sheet after one, or choose one');
    return out;
  }
  for (const { index: r, cells } of dataRows(input)) {
    if (totalRowKind(cells, [col.name])) {
      out.skippedRows++;
      continue;
    }
    out.dataRows++;
    const ref = (c: number) => problems.ref(sheet, r, c);
    const name = cellText(cell(cells, col.name));
    if (name === '') {
      problems.error(ref(col.name), 'no name');
      continue;
    }
    const departmentCode = col.department !== undefined ? codeText(cell(cells, col.department)) : input.department!.code;
    const departmentRef = col.department !== undefined ? ref(col.department) : input.department!.ref;
    if (departmentCode === '') {
      problems.error(departmentRef, `${name} has no department`);
      continue;
    }
    let ok = true;
    const fteValue = cell(cells, col.fte);
    let fte = 1;
    if (fteValue !== null && cellText(fteValue) !== '') {
      const n = typeof fteValue === 'number' ? fteValue : Number(cellText(fteValue).replace(',', '.').replace(/%$/, ''));
      const scaled = typeof fteValue === 'string' && /%$/.test(fteValue.trim()) ? n / 100 : n;
      if (!Number.isFinite(scaled) || scaled < 0 || scaled > 1.5) {
        problems.error(ref(col.fte!), `FTE "${cellText(fteValue)}" must be a number from 0 to 1.5`);
        ok = false;
      } else fte = scaled;
    }
    let salary: number | null = null;
    if (col.salary !== undefined) {
      const parsed = parseCellAmount(cell(cells, col.salary), { decimalComma: input.decimalComma });
      if (!parsed.ok) {
        problems.error(ref(col.salary), parsed.message);
        ok = false;
      } else if (parsed.minor !== null && parsed.minor < 0) {
        problems.error(ref(col.salary), 'a negative salary');
        ok = false;
      } else {
        salary = parsed.minor;
        if (salary === 0) problems.warn(ref(col.salary), `salary of 0 for ${name}`);
      }
    }
    const start = parseDate(cell(cells, col.start));
    const end = parseDate(cell(cells, col.end));
    if (start === 'bad') problems.error(ref(col.start!), `"${cellText(cell(cells, col.start))}" is not a date (YYYY-MM-DD)`);
    if (end === 'bad') problems.error(ref(col.end!), `"${cellText(cell(cells, col.end))}" is not a date (YYYY-MM-DD)`);
    if (start === 'bad' || end === 'bad') ok = false;
    else if (start !== null && end !== null && end < start) {
      problems.error(ref(col.end!), `${name} ends (${end}) before starting (${start})`);
      ok = false;
    }
    const statusText = cellText(cell(cells, col.status));
    const hr = hrStatus(statusText);
    const open = hr === 'open' || openStatus.test(statusText) || openName.test(name);
    // A leaver is a person with the day they left: without one they would read as active staff.
    if (hr === 'leaver' && end === null) {
      leaversWithoutEnd.push({ ref: ref(col.status!), word: statusText });
      ok = false;
    }
    if (!ok) continue;
    out.rows.push({
      name: fitName(problems, ref(col.name!), name, 'name'),
      title: col.title === undefined ? null : fitName(problems, ref(col.title), cellText(cell(cells, col.title)), 'title') || null,
      departmentCode,
      departmentRef,
      fte,
      annualSalaryMinor: salary,
      startDate: start,
      endDate: end,
      // People leave through their end date; "Terminated" and the like stay people with an end date.
      status: open ? 'open' : 'active',
      source: sourceRef(input.fileName, sheet, r, col.name),
    });
  }
  if (leaversWithoutEnd.length > 0) {
    const n = leaversWithoutEnd.length;
    const words = [...new Set(leaversWithoutEnd.map((l) => `"${l.word}"`))].slice(0, 3).join(', ');
    problems.error(
      leaversWithoutEnd[0]!.ref,
      `${n === 1 ? '1 person is' : `${n} people are`} marked as having left (${words}) but ${n === 1 ? 'has' : 'have'} no end date (first at ${leaversWithoutEnd
        .slice(0, 3)
        .map((l) => l.ref.split('!').pop())
        .join(', ')}${n > 3 ? ', …' : ''}); they would be imported as active staff. Map the column with the day they left to endDate (--map "Termination Date=endDate"), or leave them out of the file`,
    );
  }
  return out;
}
