/**
 * Column mapping: which column holds which field. A suggestion is built in rounds — exact header
 * match (case, space and punctuation do not matter), then synonyms, then a synonym contained in
 * the header — and a mapping remembered for the same header row replaces it; choices the user
 * gives win over everything. Month, quarter and full-year columns are found from their headers.
 * Headers are values in arrays and Map keys only (S3).
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { importFields, type ColumnMapping, type ImportField, type ImportKind, type MappingChoice } from '../../../shared/imports';
import type { Ctx } from '../context';
import { importMappings } from '../db/schema';
import { cellText, classifyHeader, normalizeHeader, type HeaderKind } from './headers';
import { cellRef, type CellValue } from './model';

/** Headers that name the department of a budget or actuals row, as other companies' files write them. */
const departmentWords = [
  'dept', 'deptcode', 'costcentre', 'costcenter', 'cc', 'costcentrecode', 'costcentercode', 'departmentname', 'deptname',
  'costcentrename', 'costcentername', 'orgunit', 'organisationunit', 'organizationunit', 'entity', 'division', 'businessunit', 'bu',
] as const;

/** Headers that name the account (by code or by name: names are matched to codes). */
const accountWords = [
  'glaccount', 'gl', 'accountnumber', 'accountno', 'acct', 'glcode', 'nominal', 'code', 'glaccountnumber', 'accountid', 'nominalcode',
  'ledgeraccount', 'naturalaccount', 'expensetype', 'category', 'expensecategory', 'costcategory', 'costtype', 'budgetcategory', 'object', 'objectcode',
] as const;

/** Per kind and field: exact names (normalised), then synonyms. Order matters: earlier fields claim first. */
const vocabulary: Record<ImportKind, ReadonlyArray<readonly [ImportField, readonly string[], readonly string[]]>> = {
  departments: [
    ['parentCode', ['parentcode', 'parent'], ['parentdepartment', 'parentcostcentre', 'parentcostcenter', 'parentdept', 'reportsto', 'parentid']],
    ['code', ['code', 'departmentcode'], ['costcentre', 'costcenter', 'cc', 'deptcode', 'dept', 'department', 'costcentrecode', 'costcentercode', 'id', 'number']],
    ['name', ['name', 'departmentname'], ['deptname', 'costcentrename', 'costcentername', 'description', 'title', 'label']],
    ['manager', ['manager'], ['head', 'owner', 'managedby', 'lead', 'responsible', 'budgetowner']],
  ],
  accounts: [
    ['code', ['code', 'accountcode'], ['account', 'glaccount', 'gl', 'accountnumber', 'accountno', 'number', 'acct', 'glcode', 'nominal', 'nominalcode']],
    ['name', ['name', 'accountname'], ['description', 'title', 'label', 'accountdescription']],
    ['type', ['type', 'accounttype'], ['category', 'class', 'accountclass', 'kind']],
    ['active', ['active'], ['status', 'enabled', 'inuse']],
  ],
  people: [
    ['name', ['name', 'fullname'], ['employee', 'employeename', 'person', 'staff', 'worker', 'role', 'position']],
    ['title', ['title', 'jobtitle'], ['job', 'positiontitle', 'roletitle', 'designation']],
    ['departmentCode', ['departmentcode', 'department'], ['dept', 'deptcode', 'costcentre', 'costcenter', 'cc', 'team', 'unit']],
    ['fte', ['fte'], ['fulltimeequivalent', 'hours', 'workingtime', 'parttime']],
    ['salary', ['salary', 'annualsalary'], ['basesalary', 'pay', 'annualpay', 'compensation', 'wage', 'grosssalary', 'yearlysalary']],
    ['startDate', ['startdate', 'start'], ['hiredate', 'hired', 'joined', 'joindate', 'datejoined', 'startingdate', 'from']],
    ['endDate', ['enddate', 'end'], ['leavedate', 'terminationdate', 'termdate', 'left', 'leavingdate', 'until', 'to']],
    ['status', ['status'], ['employmentstatus', 'state', 'vacancy']],
  ],
  budget: [
    ['departmentCode', ['departmentcode', 'department'], [...departmentWords]],
    ['accountCode', ['accountcode', 'account'], [...accountWords]],
    ['accountName', ['accountname', 'description'], ['name', 'desc', 'line', 'item', 'lineitem', 'accountdescription', 'accounttitle', 'glaccountname', 'glname']],
    ['period', ['period', 'month'], ['postingperiod', 'date', 'postingdate', 'fiscalperiod', 'yearmonth', 'fiscalmonth', 'accountingperiod', 'periodname', 'monthyear']],
    [
      'amount',
      ['amount'],
      ['value', 'budget', 'total', 'sum', 'amountusd', 'net', 'planamount', 'plannedamount', 'budgeted', 'budgetamount', 'budgetedamount', 'allocated', 'allocation', 'amountallocated', 'approvedbudget', 'adoptedbudget'],
    ],
    ['note', ['note', 'notes', 'comment', 'comments'], ['remark', 'remarks', 'commentary', 'explanation', 'justification']],
  ],
  actuals: [
    ['departmentCode', ['departmentcode', 'department'], [...departmentWords]],
    ['accountCode', ['accountcode', 'account'], [...accountWords]],
    ['accountName', ['accountname'], ['description', 'desc', 'memo', 'narrative', 'text', 'accountdescription', 'accounttitle', 'glaccountname', 'glname']],
    ['period', ['period', 'month'], ['postingperiod', 'date', 'postingdate', 'fiscalperiod', 'yearmonth', 'glperiod', 'fiscalmonth', 'accountingperiod', 'periodname', 'transactiondate', 'txndate', 'journaldate', 'entrydate']],
    ['amount', ['amount'], ['value', 'net', 'netamount', 'actual', 'balance', 'movement', 'actualamount', 'actuals', 'spent', 'spend', 'expenditure', 'netchange']],
    ['note', ['note', 'notes', 'comment', 'comments'], ['remark', 'remarks', 'commentary', 'explanation', 'justification']],
    ['debit', ['debit'], ['dr', 'debitamount', 'debits']],
    ['credit', ['credit'], ['cr', 'creditamount', 'credits']],
  ],
};

export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return importFields[kind];
}

/** How strongly a header names some field of a kind: 2 exact, 1 synonym, 0 none. Used to find header rows and kinds. */
export function headerScore(kind: ImportKind, header: string): number {
  const n = normalizeHeader(header);
  if (n === '') return 0;
  let best = 0;
  for (const [, exact, synonyms] of vocabulary[kind]) {
    if (exact.includes(n)) return 2;
    if (synonyms.includes(n)) best = 1;
  }
  return best;
}

export interface HeaderCell {
  column: number;
  header: string;
  kind: HeaderKind;
}

export function headerCells(row: readonly CellValue[]): HeaderCell[] {
  return row.map((value, column) => {
    const kind = classifyHeader(value);
    return { column, header: kind.type === 'text' ? kind.text : kind.type === 'empty' ? '' : String(value instanceof Date ? value.toISOString().slice(0, 10) : value).trim(), kind };
  });
}

/** The key a mapping is remembered by: the kind and the normalised header row. */
export function sourceKey(kind: ImportKind, headers: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(kind);
  for (const h of headers) hash.update(`\u0000${normalizeHeader(h)}`);
  return hash.digest('hex');
}

export function rememberedMapping(ctx: Ctx, key: string): MappingChoice[] | null {
  const row = ctx.db.select().from(importMappings).where(eq(importMappings.sourceKey, key)).get();
  if (!row) return null;
  try {
    const parsed: unknown = JSON.parse(row.mapping);
    if (!Array.isArray(parsed)) return null;
    return parsed.filter(
      (c): c is MappingChoice => typeof c === 'object' && c !== null && typeof (c as MappingChoice).header === 'string' && typeof (c as MappingChoice).field === 'string',
    );
  } catch {
    // A damaged remembered mapping is only a lost suggestion.
    return null;
  }
}

export function saveMapping(ctx: Ctx, key: string, mapping: MappingChoice[], at: string): void {
  ctx.db
    .insert(importMappings)
    .values({ sourceKey: key, mapping: JSON.stringify(mapping), updatedAt: at })
    .onConflictDoUpdate({ target: importMappings.sourceKey, set: { mapping: JSON.stringify(mapping), updatedAt: at } })
    .run();
}

/**
 * Up to three values a column holds under its header, as text, for the mapping step to show beside
 * it — from rows before `endRow` only (a streamed file's plan starts on its first rows).
 */
export function columnSamples(rows: readonly (readonly CellValue[] | undefined)[], headerRow: number, column: number, endRow: number): string[] {
  const samples: string[] = [];
  const end = Math.min(rows.length, endRow);
  for (let r = headerRow + 1; r < end && samples.length < 3; r++) {
    const text = cellText(rows[r]?.[column] ?? null);
    if (text === '' || samples.includes(text)) continue;
    samples.push(text.length > 40 ? `${text.slice(0, 39)}…` : text);
  }
  return samples;
}

/**
 * Maps a sheet's header cells to fields of `kind`. `remembered` and `given` are lists of
 * header → field choices; a given choice for a header overrides anything suggested for it.
 */
export function suggestMapping(
  kind: ImportKind,
  cells: readonly HeaderCell[],
  remembered: readonly MappingChoice[] | null,
  given: readonly MappingChoice[] | undefined,
): ColumnMapping[] {
  const allowed = new Set<string>(fieldsOf(kind));
  const byColumn = new Map<number, { field: ImportField; how: ColumnMapping['how'] }>();
  const claimed = new Set<ImportField>();
  const textCells = cells.filter((c) => c.kind.type === 'text');
  // Wide layouts: periodic columns are recognised from their headers, in any kind that has them.
  for (const c of cells) {
    if (c.kind.type === 'month' && allowed.has('month')) byColumn.set(c.column, { field: 'month', how: 'detected' });
    else if (c.kind.type === 'quarter' && allowed.has('quarter')) byColumn.set(c.column, { field: 'quarter', how: 'detected' });
    else if (c.kind.type === 'total' && allowed.has('total')) byColumn.set(c.column, { field: 'total', how: 'detected' });
  }
  const wide = [...byColumn.values()].some((m) => m.field === 'month');

  const claim = (column: number, field: ImportField, how: ColumnMapping['how']) => {
    byColumn.set(column, { field, how });
    claimed.add(field);
  };
  const choose = (choices: readonly MappingChoice[], how: 'remembered' | 'given') => {
    const fieldByHeader = new Map(choices.map((c) => [normalizeHeader(c.header), c.field as ImportField]));
    for (const c of cells) {
      if (c.header === '') continue;
      const field = fieldByHeader.get(normalizeHeader(c.header));
      if (field === undefined || (field !== 'ignore' && !allowed.has(field))) continue;
      // One column per field (a month column is found from its header, not chosen).
      if (field !== 'ignore' && field !== 'month' && field !== 'quarter' && field !== 'total') {
        for (const [col, m] of byColumn) if (m.field === field && col !== c.column) byColumn.delete(col);
      }
      claim(c.column, field, how);
    }
  };

  if (remembered) choose(remembered, 'remembered');
  else {
    const rounds: Array<{ how: 'exact' | 'fuzzy'; matches: (n: string, exact: readonly string[], synonyms: readonly string[]) => boolean }> = [
      { how: 'exact', matches: (n, exact) => exact.includes(n) },
      { how: 'fuzzy', matches: (n, _e, synonyms) => synonyms.includes(n) },
      // A synonym inside a longer header: "Annual Salary (USD)", "Cost Center ID". Short synonyms
      // ("cc", "gl", "dr") would match by accident inside other words, so only longer ones count.
      { how: 'fuzzy', matches: (n, exact, synonyms) => [...exact, ...synonyms].some((s) => s.length >= 4 && n.includes(s)) },
    ];
    for (const round of rounds) {
      for (const [field, exact, synonyms] of vocabulary[kind]) {
        if (claimed.has(field)) continue;
        // In a wide layout the amount is in the month columns; a column called "Total" is the full year.
        if (wide && (field === 'amount' || field === 'period')) continue;
        const hit = textCells.find((c) => !byColumn.has(c.column) && round.matches(normalizeHeader(c.header), exact, synonyms));
        if (hit) claim(hit.column, field, round.how);
      }
    }
  }
  // A file that names its accounts only ("Account Name", "Line Item"): the names are the account,
  // matched to the chart of accounts by name.
  if (!remembered && (kind === 'budget' || kind === 'actuals') && !claimed.has('accountCode')) {
    for (const [column, m] of byColumn) {
      if (m.field !== 'accountName') continue;
      byColumn.set(column, { field: 'accountCode', how: 'fuzzy' });
      claimed.delete('accountName');
      claimed.add('accountCode');
      break;
    }
  }
  if (given) choose(given, 'given');

  return cells
    .filter((c) => c.header !== '' || byColumn.has(c.column))
    .map((c) => {
      const m = byColumn.get(c.column);
      return {
        column: c.column,
        letter: cellRef(0, c.column).replace(/\d+$/, ''),
        header: c.header,
        field: m?.field ?? 'ignore',
        how: m?.how ?? 'none',
        period: m?.field === 'month' && c.kind.type === 'month' ? c.kind.period : null,
      };
    });
}
