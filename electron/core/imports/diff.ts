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
import { cellKeys } from './cell-keys';
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
  /** Records no current line holds, in order: new lines. */
  fresh: FigureRecord[];
  /** Records that land on a current line, in order, with that line. */
  updates: Array<{ record: FigureRecord; existing: CurrentLine }>;
  removes: CurrentLine[];
  diff: FigureDiff;
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
  // Codes to ids once per code, not once per record.
  const departmentIdByCode = new Map<string, string | undefined>();
  const departmentIdOf = (code: string): string | undefined => {
    if (departmentIdByCode.has(code)) return departmentIdByCode.get(code);
    const id = lookup.departments.get(code)?.id;
    departmentIdByCode.set(code, id);
    return id;
  };
  const accountIdOf = (code: string) => lookup.accounts.get(code)?.id;
  // The departments the file covers, in order of appearance, and for actuals their months.
  // Records come grouped by department: the last one's set is looked up again only on a change.
  const periodsByDepartment = new Map<string, Set<string>>();
  let lastCode: string | undefined;
  let lastSet: Set<string> | undefined;
  for (const r of records) {
    if (r.departmentCode !== lastCode) {
      lastCode = r.departmentCode;
      const id = departmentIdOf(r.departmentCode);
      lastSet = id === undefined ? undefined : periodsByDepartment.get(id);
      if (id !== undefined && !lastSet) periodsByDepartment.set(id, (lastSet = new Set()));
    }
    if (kind === 'actuals') lastSet?.add(r.period);
  }
  const departmentIds = [...periodsByDepartment.keys()];
  const inScope = (l: CurrentLine) => kind === 'budget' || (periodsByDepartment.get(l.departmentId)?.has(l.period) ?? false);
  const lines = currentLines(ctx, kind, planId, departmentIds).filter(inScope);
  const cellKey = cellKeys();
  const byCell = new Map<number | string, CurrentLine>();
  for (const l of lines) byCell.set(cellKey(l.departmentId, l.accountId, l.period), l);

  const codeOfDepartment = (id: string) => lookup.departmentsById.get(id)?.code ?? id;
  const codeOfAccount = (id: string) => lookup.accountsById.get(id)?.code ?? id;
  const perDepartment = new Map<string, { before: number; after: number }>();
  const tallyOf = (code: string) => {
    let t = perDepartment.get(code);
    if (!t) perDepartment.set(code, (t = { before: 0, after: 0 }));
    return t;
  };
  const diff: FigureDiff = { changed: [], added: [], removed: [], unchanged: 0, totals: { before: 0, after: 0 }, perDepartment: [] };
  const fresh: FigureRecord[] = [];
  const updates: FigurePlan['updates'] = [];
  const covered = new Set<number | string>();
  // Records come grouped by department: what depends on the department only is looked up again
  // only when it changes.
  let tally: { before: number; after: number } | undefined;
  let tallyCode: string | undefined;
  let departmentId: string | undefined;
  for (const record of records) {
    if (tally === undefined || tallyCode !== record.departmentCode) {
      tallyCode = record.departmentCode;
      tally = tallyOf(tallyCode);
      departmentId = departmentIdOf(tallyCode);
    }
    // With no current lines (a first import) there is nothing to look up or to cover.
    let existing: CurrentLine | undefined;
    if (byCell.size > 0 && departmentId !== undefined) {
      const accountId = accountIdOf(record.accountCode);
      if (accountId !== undefined) {
        const key = cellKey(departmentId, accountId, record.period);
        existing = byCell.get(key);
        // Only current lines' cells are ever asked about below.
        if (existing !== undefined) covered.add(key);
      }
    }
    if (existing) updates.push({ record, existing });
    else fresh.push(record);
    if (!existing || existing.amountMinor !== record.amountMinor) {
      const change: CellChange = {
        departmentCode: record.departmentCode,
        accountCode: record.accountCode,
        period: record.period,
        before: existing?.amountMinor ?? null,
        after: record.amountMinor,
        source: record.source,
      };
      if (!existing) diff.added.push(change);
      else diff.changed.push(change);
    } else diff.unchanged++;
    tally.before += existing?.amountMinor ?? 0;
    tally.after += record.amountMinor;
  }
  const removes: CurrentLine[] = [];
  for (const line of lines) {
    if (covered.has(cellKey(line.departmentId, line.accountId, line.period))) continue;
    const code = codeOfDepartment(line.departmentId);
    const t = tallyOf(code);
    if (line.importBatchId !== null) {
      removes.push(line);
      diff.removed.push({ departmentCode: code, accountCode: codeOfAccount(line.accountId), period: line.period, before: line.amountMinor, after: null, source: line.source });
      t.before += line.amountMinor;
    } else {
      t.before += line.amountMinor;
      t.after += line.amountMinor;
    }
  }
  diff.perDepartment = [...perDepartment.entries()].map(([code, t]) => ({ code, ...t })).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  diff.totals = diff.perDepartment.reduce((s, t) => ({ before: s.before + t.before, after: s.after + t.after }), { before: 0, after: 0 });
  return { fresh, updates, removes, diff };
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
