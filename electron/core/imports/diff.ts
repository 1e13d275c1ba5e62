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

/** The current lines of one department (of the plan, for a budget), by account and month. */
function currentLinesQuery(ctx: Ctx, kind: 'budget' | 'actuals', planId: string | null): ((departmentId: string) => CurrentLine[]) | null {
  if (kind === 'budget' && planId === null) return null;
  const columns = `id, department_id AS departmentId, account_id AS accountId, period, amount_minor AS amountMinor, source, import_batch_id AS importBatchId`;
  const sqlite = ctx.db.$client;
  // One department at a time keeps the statement simple and uses the (plan, department) index.
  // Rows as arrays (raw), made into objects here: cheaper than better-sqlite3's named-column objects.
  const statement = (
    kind === 'budget'
      ? sqlite.prepare(`SELECT ${columns} FROM budget_lines WHERE plan_id = ? AND department_id = ? ORDER BY account_id, period`)
      : sqlite.prepare(`SELECT ${columns} FROM actuals WHERE department_id = ? ORDER BY account_id, period`)
  ).raw(true);
  return (d) => {
    const rows = (kind === 'budget' ? statement.all(planId, d) : statement.all(d)) as Array<[string, string, string, string, number, string | null, string | null]>;
    return rows.map(([id, departmentId, accountId, period, amountMinor, source, importBatchId]) => ({ id, departmentId, accountId, period, amountMinor, source, importBatchId }));
  };
}

export function planFigures(ctx: Ctx, kind: 'budget' | 'actuals', planId: string | null, records: readonly FigureRecord[], lookup: Lookup): FigurePlan {
  const differ = new FigureDiffer(ctx, kind, planId, lookup);
  for (const record of records) differ.add(record);
  return differ.finish(records);
}

/**
 * planFigures worked out as the records arrive, in order (a streamed file's records are checked
 * while it is still read): each record is compared with its cell's current line as it comes, and
 * `finish` adds what needs every record (the lines the file no longer has, the totals). A
 * department's current lines are read when its first record comes — the same lines, in the same
 * order, as reading them all at the end: a record's own month is always in its department's scope.
 * A record changed after it was added (a later duplicate summed into it) has `finish` compare them
 * all again.
 */
export class FigureDiffer {
  private readonly linesOf: ((departmentId: string) => CurrentLine[]) | null;
  // Codes to ids once per code, not once per record.
  private readonly departmentIdByCode = new Map<string, string | undefined>();
  /** The departments the records cover, by id, in order of appearance, and for actuals their months. */
  private readonly periodsByDepartment = new Map<string, Set<string>>();
  /** Every current line of those departments, in order (in scope or not: that is known at the end). */
  private readonly lines: CurrentLine[] = [];
  private readonly cellKey = cellKeys();
  private readonly byCell = new Map<number | string, CurrentLine>();
  private readonly covered = new Set<number | string>();
  private readonly perDepartment = new Map<string, { before: number; after: number }>();
  private readonly diff: FigureDiff = { changed: [], added: [], removed: [], unchanged: 0, totals: { before: 0, after: 0 }, perDepartment: [] };
  private readonly fresh: FigureRecord[] = [];
  private readonly updates: FigurePlan['updates'] = [];
  private count = 0;
  // Records come grouped by department: what depends on the department only is looked up again
  // only when it changes.
  private tally: { before: number; after: number } | undefined;
  private tallyCode: string | undefined;
  private departmentId: string | undefined;
  private periods: Set<string> | undefined;

  constructor(
    private readonly ctx: Ctx,
    private readonly kind: 'budget' | 'actuals',
    private readonly planId: string | null,
    private readonly lookup: Lookup,
  ) {
    this.linesOf = currentLinesQuery(ctx, kind, planId);
  }

  private departmentIdOf(code: string): string | undefined {
    if (this.departmentIdByCode.has(code)) return this.departmentIdByCode.get(code);
    const id = this.lookup.departments.get(code)?.id;
    this.departmentIdByCode.set(code, id);
    return id;
  }

  private tallyOf(code: string): { before: number; after: number } {
    let t = this.perDepartment.get(code);
    if (!t) this.perDepartment.set(code, (t = { before: 0, after: 0 }));
    return t;
  }

  add(record: FigureRecord): void {
    const { byCell, diff } = this;
    if (this.tally === undefined || this.tallyCode !== record.departmentCode) {
      this.tallyCode = record.departmentCode;
      this.tally = this.tallyOf(record.departmentCode);
      const id = (this.departmentId = this.departmentIdOf(record.departmentCode));
      this.periods = id === undefined ? undefined : this.periodsByDepartment.get(id);
      if (id !== undefined && !this.periods) {
        this.periodsByDepartment.set(id, (this.periods = new Set()));
        for (const l of this.linesOf?.(id) ?? []) {
          this.lines.push(l);
          byCell.set(this.cellKey(l.departmentId, l.accountId, l.period), l);
        }
      }
    }
    if (this.kind === 'actuals') this.periods?.add(record.period);
    this.count++;
    // With no current lines (a first import) there is nothing to look up or to cover.
    let existing: CurrentLine | undefined;
    if (byCell.size > 0 && this.departmentId !== undefined) {
      const accountId = this.lookup.accounts.get(record.accountCode)?.id;
      if (accountId !== undefined) {
        const key = this.cellKey(this.departmentId, accountId, record.period);
        existing = byCell.get(key);
        // Only current lines' cells are ever asked about below.
        if (existing !== undefined) this.covered.add(key);
      }
    }
    if (existing) this.updates.push({ record, existing });
    else this.fresh.push(record);
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
    this.tally.before += existing?.amountMinor ?? 0;
    this.tally.after += record.amountMinor;
  }

  /**
   * The plan for `records`, which are the ones added, in order: as worked out so far, or, when
   * `changed` (a record's amount changed after it was added), worked out again.
   */
  finish(records: readonly FigureRecord[], changed = false): FigurePlan {
    const { lookup, diff } = this;
    if (changed || records.length !== this.count) return planFigures(this.ctx, this.kind, this.planId, records, lookup);
    const inScope = (l: CurrentLine) => this.kind === 'budget' || (this.periodsByDepartment.get(l.departmentId)?.has(l.period) ?? false);
    const codeOfDepartment = (id: string) => lookup.departmentsById.get(id)?.code ?? id;
    const codeOfAccount = (id: string) => lookup.accountsById.get(id)?.code ?? id;
    const removes: CurrentLine[] = [];
    for (const line of this.lines) {
      if (!inScope(line) || this.covered.has(this.cellKey(line.departmentId, line.accountId, line.period))) continue;
      const code = codeOfDepartment(line.departmentId);
      const t = this.tallyOf(code);
      if (line.importBatchId !== null) {
        removes.push(line);
        diff.removed.push({ departmentCode: code, accountCode: codeOfAccount(line.accountId), period: line.period, before: line.amountMinor, after: null, source: line.source });
        t.before += line.amountMinor;
      } else {
        t.before += line.amountMinor;
        t.after += line.amountMinor;
      }
    }
    diff.perDepartment = [...this.perDepartment.entries()].map(([code, t]) => ({ code, ...t })).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
    diff.totals = diff.perDepartment.reduce((s, t) => ({ before: s.before + t.before, after: s.after + t.after }), { before: 0, after: 0 });
    return { fresh: this.fresh, updates: this.updates, removes, diff };
  }
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
