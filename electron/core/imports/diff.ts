/**
 * What an import would change, worked out the same way for the preview and, inside its
 * transaction, for the commit.
 *
 * Figures: the file replaces, for each department it covers, that department's previously
 * imported figures — for a budget, all of them in the plan; for actuals, those in the months the
 * file covers for that department (a monthly GL export must not wipe earlier months). A cell the
 * file covers is overwritten whoever wrote it; a value typed in the app that the file does not
 * cover is kept, because the file says nothing about it; an earlier import's value the file no
 * longer has is removed, because the new file replaces the old one.
 *
 * Entities (departments, accounts, people): created when new, updated field by field, never removed.
 */
import type { CellChange, EntityDiff, FigureDiff, FigureRecord, ImportRecords } from '../../../shared/imports';
import type { Ctx } from '../context';
import { peopleOf, personKey, type Lookup } from './lookup';

export interface CurrentLine {
  id: string;
  departmentId: string;
  accountId: string;
  period: string;
  amountMinor: number;
  source: string | null;
  importBatchId: string | null;
}

export interface FigurePlan {
  /** Every record with the line it lands on, if one exists. */
  writes: Array<{ record: FigureRecord; existing: CurrentLine | undefined }>;
  removes: CurrentLine[];
  diff: FigureDiff;
}

/** Interned strings: 2^17 of them, so three indices make one safe integer (2^51). */
const KEY_SPACE = 131_072;

/**
 * Cell keys for the diff's maps. Department id, account id and period are each interned to a
 * small number and the three combine into one number, which a Map hashes without building a
 * string per cell. Past 2^17 distinct strings (never in practice) a cell falls back to a string
 * key; a cell's key is always the same number or the same string, so lookups still agree.
 */
function cellKeys(): (departmentId: string, accountId: string, period: string) => number | string {
  const interned = new Map<string, number>();
  const intern = (s: string): number => {
    let n = interned.get(s);
    if (n === undefined) interned.set(s, (n = interned.size));
    return n;
  };
  return (departmentId, accountId, period) => {
    const d = intern(departmentId);
    const a = intern(accountId);
    const p = intern(period);
    if (d < KEY_SPACE && a < KEY_SPACE && p < KEY_SPACE) return (d * KEY_SPACE + a) * KEY_SPACE + p;
    return `${departmentId}\u0000${accountId}\u0000${period}`;
  };
}

function currentLines(ctx: Ctx, kind: 'budget' | 'actuals', planId: string | null, departmentIds: readonly string[]): CurrentLine[] {
  if (departmentIds.length === 0 || (kind === 'budget' && planId === null)) return [];
  const columns = `id, department_id AS departmentId, account_id AS accountId, period, amount_minor AS amountMinor, source, import_batch_id AS importBatchId`;
  const sqlite = ctx.db.$client;
  const out: CurrentLine[] = [];
  // One department at a time keeps the statement simple and uses the (plan, department) index.
  // Rows as arrays (raw), made into objects here: cheaper than better-sqlite3's named-column objects.
  const statement = (
    kind === 'budget'
      ? sqlite.prepare(`SELECT ${columns} FROM budget_lines WHERE plan_id = ? AND department_id = ? ORDER BY account_id, period`)
      : sqlite.prepare(`SELECT ${columns} FROM actuals WHERE department_id = ? ORDER BY account_id, period`)
  ).raw(true);
  for (const d of departmentIds) {
    const rows = (kind === 'budget' ? statement.all(planId, d) : statement.all(d)) as Array<[string, string, string, string, number, string | null, string | null]>;
    for (const [id, departmentId, accountId, period, amountMinor, source, importBatchId] of rows) {
      out.push({ id, departmentId, accountId, period, amountMinor, source, importBatchId });
    }
  }
  return out;
}

export function planFigures(ctx: Ctx, kind: 'budget' | 'actuals', planId: string | null, records: readonly FigureRecord[], lookup: Lookup): FigurePlan {
  const departmentIdOf = (code: string) => lookup.departments.get(code)?.id;
  const accountIdOf = (code: string) => lookup.accounts.get(code)?.id;
  const departmentIds = [...new Set(records.map((r) => departmentIdOf(r.departmentCode)).filter((id): id is string => id !== undefined))];
  const periodsByDepartment = new Map<string, Set<string>>();
  for (const r of records) {
    const id = departmentIdOf(r.departmentCode);
    if (id === undefined) continue;
    let set = periodsByDepartment.get(id);
    if (!set) periodsByDepartment.set(id, (set = new Set()));
    set.add(r.period);
  }
  const inScope = (l: CurrentLine) => kind === 'budget' || (periodsByDepartment.get(l.departmentId)?.has(l.period) ?? false);
  const lines = currentLines(ctx, kind, planId, departmentIds).filter(inScope);
  const cellKey = cellKeys();
  const byCell = new Map<number | string, CurrentLine>();
  for (const l of lines) byCell.set(cellKey(l.departmentId, l.accountId, l.period), l);

  const codeOfDepartment = (id: string) => lookup.departmentsById.get(id)?.code ?? id;
  const codeOfAccount = (id: string) => lookup.accountsById.get(id)?.code ?? id;
  const perDepartment = new Map<string, { before: number; after: number }>();
  const tally = (code: string, before: number, after: number) => {
    const t = perDepartment.get(code) ?? { before: 0, after: 0 };
    t.before += before;
    t.after += after;
    perDepartment.set(code, t);
  };
  const diff: FigureDiff = { changed: [], added: [], removed: [], unchanged: 0, totals: { before: 0, after: 0 }, perDepartment: [] };
  const writes: FigurePlan['writes'] = [];
  const covered = new Set<number | string>();
  for (const record of records) {
    const departmentId = departmentIdOf(record.departmentCode);
    const accountId = accountIdOf(record.accountCode);
    const key = departmentId !== undefined && accountId !== undefined ? cellKey(departmentId, accountId, record.period) : undefined;
    const existing = key === undefined ? undefined : byCell.get(key);
    if (key !== undefined) covered.add(key);
    writes.push({ record, existing });
    const change = (): CellChange => ({
      departmentCode: record.departmentCode,
      accountCode: record.accountCode,
      period: record.period,
      before: existing?.amountMinor ?? null,
      after: record.amountMinor,
      source: record.source,
    });
    if (!existing) diff.added.push(change());
    else if (existing.amountMinor !== record.amountMinor) diff.changed.push(change());
    else diff.unchanged++;
    tally(record.departmentCode, existing?.amountMinor ?? 0, record.amountMinor);
  }
  const removes: CurrentLine[] = [];
  for (const line of lines) {
    if (covered.has(cellKey(line.departmentId, line.accountId, line.period))) continue;
    const code = codeOfDepartment(line.departmentId);
    if (line.importBatchId !== null) {
      removes.push(line);
      diff.removed.push({ departmentCode: code, accountCode: codeOfAccount(line.accountId), period: line.period, before: line.amountMinor, after: null, source: line.source });
      tally(code, line.amountMinor, 0);
    } else tally(code, line.amountMinor, line.amountMinor);
  }
  diff.perDepartment = [...perDepartment.entries()].map(([code, t]) => ({ code, ...t })).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  diff.totals = diff.perDepartment.reduce((s, t) => ({ before: s.before + t.before, after: s.after + t.after }), { before: 0, after: 0 });
  return { writes, removes, diff };
}

export function figuresIdentical(plan: FigurePlan): boolean {
  return plan.diff.changed.length === 0 && plan.diff.added.length === 0 && plan.diff.removed.length === 0;
}

function changedFields(pairs: ReadonlyArray<[string, unknown, unknown]>): string[] {
  return pairs.filter(([, a, b]) => a !== b).map(([f]) => f);
}

/** Entity records against the workspace: which would be created, which updated (and which fields). */
export function diffEntities(ctx: Ctx, records: ImportRecords, lookup: Lookup): EntityDiff {
  const diff: EntityDiff = { created: [], updated: [], unchanged: 0 };
  const note = (key: string, fields: string[] | null) => {
    if (fields === null) diff.created.push(key);
    else if (fields.length > 0) diff.updated.push({ key, fields });
    else diff.unchanged++;
  };
  if (records.kind === 'departments') {
    for (const r of records.rows) {
      const d = lookup.departments.get(r.code);
      const parentCode = d?.parentId ? (lookup.departmentsById.get(d.parentId)?.code ?? null) : null;
      note(r.code, d ? changedFields([['name', d.name, r.name], ['parent', parentCode, r.parentCode], ['manager', d.manager, r.manager]]) : null);
    }
  } else if (records.kind === 'accounts') {
    for (const r of records.rows) {
      const a = lookup.accounts.get(r.code);
      note(r.code, a ? changedFields([['name', a.name, r.name], ['type', a.type, r.type], ['active', a.active, r.active]]) : null);
    }
  } else if (records.kind === 'people') {
    const existing = new Map(peopleOf(ctx).map((p) => [personKey(lookup.departmentsById.get(p.departmentId)?.code ?? '', p.name), p]));
    for (const r of records.rows) {
      const p = existing.get(personKey(r.departmentCode, r.name));
      note(
        `${r.name} (${r.departmentCode})`,
        p
          ? changedFields([
              ['title', p.title, r.title],
              ['fte', p.fte, r.fte],
              ['salary', p.annualSalaryMinor, r.annualSalaryMinor],
              ['start', p.startDate, r.startDate],
              ['end', p.endDate, r.endDate],
              ['status', p.status, r.status],
            ])
          : null,
      );
    }
  }
  return diff;
}
