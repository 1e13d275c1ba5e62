/**
 * commitImport: writes a previewed import as ONE undoable change — the batch row, any plan,
 * departments or accounts created on the spot, and every figure or record — all or nothing.
 * Every write is recorded with its row image, so linear undo and undo-by-batch restore exactly
 * what was there: updates and removals through the Writer, new figures in bulk SQL with the same
 * images (bulk-figures.ts). Each figure keeps its source cell and its batch.
 *
 * The plan may have crossed IPC and the workspace may have moved on since the preview, so the
 * commit checks again what it relies on (codes, plan, months, leaf departments) and works out
 * the diff afresh inside its transaction; if the workspace no longer fits, it refuses.
 */
import {
  batchLabel,
  importPlanSchema,
  type FigureRecord,
  type ImportPlan,
  type ImportProblem,
  type ImportResult,
} from '../../../shared/imports';
import { fiscalYearMonths } from '../../../shared/periods';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { withChange, type Writer } from '../history/change';
import { getSettings } from '../workspace/workspace-service';
import { insertFreshFigures } from './bulk-figures';
import { figuresIdentical, planFigures } from './diff';
import { loadLookup, peopleOf, personKey, type Lookup } from './lookup';
import { rememberMatches } from './entity-matches';
import { saveMapping } from './mapping';
import { nextBatchSeq } from './preview';
import { writeTransaction } from '../db/transactions';

/** What the next file from this source starts from: its column mapping and the name matches the user confirmed. */
function rememberSource(ctx: Ctx, sourceKey: string, plan: ImportPlan, at: string): void {
  saveMapping(ctx, sourceKey, plan.rememberMapping, at);
  const confirmed = plan.matches.filter((m) => m.status === 'confirmed' && m.code !== null);
  if (confirmed.length > 0) rememberMatches(ctx, sourceKey, confirmed.map((m) => ({ kind: m.entity, name: m.text, code: m.code! })));
}

function stale(reason: string): AppError {
  return new AppError('refused', `The workspace changed since this import was previewed (${reason}); preview it again. Nothing was written.`);
}

function emptyResult(plan: ImportPlan, warnings: ImportProblem[], errors: ImportProblem[]): ImportResult {
  return {
    batchId: null,
    batch: null,
    kind: plan.kind ?? 'budget',
    identical: false,
    rowsImported: 0,
    cellsImported: 0,
    perDepartment: [],
    perAccount: [],
    planName: plan.target?.planName ?? null,
    planCreated: false,
    created: { departments: [], accounts: [] },
    changeLabel: null,
    warnings,
    errors,
  };
}

function countBy(records: readonly FigureRecord[], key: (r: FigureRecord) => string): ImportResult['perDepartment'] {
  const map = new Map<string, { rows: number; amountMinor: number }>();
  for (const r of records) {
    const t = map.get(key(r)) ?? { rows: 0, amountMinor: 0 };
    t.rows++;
    t.amountMinor += r.amountMinor;
    map.set(key(r), t);
  }
  return [...map.entries()].map(([code, t]) => ({ code, ...t })).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}

interface PlanRowLite {
  id: string;
  name: string;
  fiscalYear: number;
  scenario: string;
  status: string;
}

/** The plan's id, checking it still is what the preview saw; a plan to create must still be free. */
function targetPlanId(ctx: Ctx, plan: ImportPlan): { id: string | null; create: boolean } {
  const target = plan.target;
  if (!target) throw stale('no plan was chosen');
  const sqlite = ctx.db.$client;
  if (target.planId !== null) {
    const row = sqlite.prepare('SELECT id, name, fiscal_year AS fiscalYear, scenario, status FROM plans WHERE id = ?').get(target.planId) as PlanRowLite | undefined;
    if (!row) throw stale(`${target.planName} no longer exists`);
    if (row.status === 'locked') throw new AppError('locked', `${row.name} is locked; copy it into a new scenario to import into it. Nothing was written.`);
    // The preview asked before writing into an approved plan; one approved since was not asked about.
    if (row.status === 'approved' && target.status !== 'approved') throw stale(`${row.name} was approved`);
    return { id: row.id, create: false };
  }
  const clash = sqlite
    .prepare('SELECT name FROM plans WHERE name = ? COLLATE NOCASE OR (fiscal_year = ? AND scenario = ? COLLATE NOCASE)')
    .get(target.planName, target.fiscalYear, target.scenario) as { name: string } | undefined;
  if (clash) throw stale(`a plan ${clash.name} was created meanwhile`);
  return { id: null, create: true };
}

function checkFigureRecords(plan: ImportPlan, rows: readonly FigureRecord[], lookup: Lookup, months: readonly string[] | null): void {
  const newDepartments = new Set(plan.creates.departments.map((d) => d.code));
  const newAccounts = new Set(plan.creates.accounts.map((a) => a.code));
  const inYear = months ? new Set(months) : null;
  const cells = new Set<string>();
  for (const r of rows) {
    const d = lookup.departments.get(r.departmentCode);
    if (!d && !newDepartments.has(r.departmentCode)) throw stale(`department ${r.departmentCode} is not in the org`);
    if (d && d.children > 0) throw stale(`department ${r.departmentCode} now has sub-departments`);
    if (!lookup.accounts.has(r.accountCode) && !newAccounts.has(r.accountCode)) throw stale(`account ${r.accountCode} is not in the chart of accounts`);
    if (inYear && !inYear.has(r.period)) throw new AppError('invalid_input', `${r.period} is outside the plan's fiscal year. Nothing was written.`);
    const key = `${r.departmentCode}\u0000${r.accountCode}\u0000${r.period}`;
    if (cells.has(key)) throw new AppError('invalid_input', `The import names ${r.departmentCode} · ${r.accountCode} · ${r.period} twice. Nothing was written.`);
    cells.add(key);
  }
}

/** Inserts what the user chose to create on the spot, and adds it to the lookup so the rows resolve. */
function createMissing(ctx: Ctx, w: Writer, plan: ImportPlan, lookup: Lookup, at: string): ImportResult['created'] {
  const created: ImportResult['created'] = { departments: [], accounts: [] };
  for (const d of plan.creates.departments) {
    if (lookup.departments.has(d.code)) continue;
    const id = ctx.newId();
    w.insert('departments', { id, code: d.code, name: d.name, parentId: null, manager: null, createdAt: at, updatedAt: at });
    const info = { id, code: d.code, name: d.name, parentId: null, manager: null, children: 0, figures: 0 };
    lookup.departments.set(d.code, info);
    lookup.departmentsById.set(id, info);
    created.departments.push(d.code);
  }
  for (const a of plan.creates.accounts) {
    if (lookup.accounts.has(a.code)) continue;
    const id = ctx.newId();
    w.insert('accounts', { id, code: a.code, name: a.name, type: a.type, active: true, createdAt: at, updatedAt: at });
    const info = { id, code: a.code, name: a.name, type: a.type, active: true };
    lookup.accounts.set(a.code, info);
    lookup.accountsById.set(id, info);
    created.accounts.push(a.code);
  }
  return created;
}

function commitFigures(ctx: Ctx, plan: ImportPlan, kind: 'budget' | 'actuals', rows: FigureRecord[], warnings: ImportProblem[]): ImportResult {
  const lookup = loadLookup(ctx);
  const settings = getSettings(ctx);
  let planId: string | null = null;
  let createPlan = false;
  let months: string[] | null = null;
  if (kind === 'budget') {
    ({ id: planId, create: createPlan } = targetPlanId(ctx, plan));
    months = fiscalYearMonths(plan.target!.fiscalYear, settings.fiscalYearStartMonth);
  }
  checkFigureRecords(plan, rows, lookup, months);
  const needsCreates = plan.creates.departments.some((d) => !lookup.departments.has(d.code)) || plan.creates.accounts.some((a) => !lookup.accounts.has(a.code));
  const result: ImportResult = {
    ...emptyResult(plan, warnings, []),
    kind,
    planName: plan.target?.planName ?? null,
    perDepartment: countBy(rows, (r) => r.departmentCode),
    perAccount: countBy(rows, (r) => r.accountCode),
  };
  // Worked out once: the creates below only add what no existing figure can match (a new plan has
  // no lines; a new department or account has no figures), so the diff is the same after them.
  const figures = planFigures(ctx, kind, planId, rows, lookup);
  if (!createPlan && !needsCreates && figuresIdentical(figures)) {
    return { ...result, identical: true };
  }
  const seq = nextBatchSeq(ctx);
  const label = `Import ${plan.fileName} (${batchLabel(seq)})`;
  const at = isoNow(ctx);
  const batchId = ctx.newId();
  const written = withChange(ctx, label, (w) => {
    if (createPlan) {
      planId = ctx.newId();
      w.insert('plans', { id: planId, name: plan.target!.planName, fiscalYear: plan.target!.fiscalYear, scenario: plan.target!.scenario, status: 'draft', createdAt: at, updatedAt: at });
    }
    const created = createMissing(ctx, w, plan, lookup, at);
    const departmentIds = [...new Set(rows.map((r) => lookup.departments.get(r.departmentCode)!.id))];
    // The batch row first: undo replays backwards, so the lines that name it go before it does.
    w.insert('import_batches', {
      id: batchId,
      seq,
      kind,
      fileName: plan.fileName,
      fileHash: plan.fileHash,
      sheets: JSON.stringify(plan.sheets.filter((s) => s.included).map((s) => s.name)),
      planId,
      departmentIds: JSON.stringify(departmentIds),
      rowsImported: plan.rowsRead,
      cellsImported: figures.fresh.length + figures.updates.length,
      origin: ctx.origin,
      changeId: w.changeId,
      createdAt: at,
      undoneAt: null,
    });
    const table = kind === 'budget' ? 'budget_lines' : 'actuals';
    // New cells in bulk first (their images are selected by batch id, so before any update joins the batch).
    insertFreshFigures(ctx, lookup, { table, planId, batchId, changeId: w.changeId, at, records: figures.fresh });
    for (const { record, existing } of figures.updates) {
      w.update(table, existing.id, { amountMinor: record.amountMinor, source: record.source, importBatchId: batchId, updatedAt: at, ...(record.note !== undefined ? { note: record.note } : {}) });
    }
    for (const line of figures.removes) w.remove(table, line.id);
    if (plan.sourceKey) rememberSource(ctx, plan.sourceKey, plan, at);
    return { created, cells: figures.fresh.length + figures.updates.length };
  });
  return {
    ...result,
    batchId,
    batch: batchLabel(seq),
    rowsImported: plan.rowsRead,
    cellsImported: written.cells,
    planCreated: createPlan,
    created: written.created,
    changeLabel: label,
  };
}

function commitEntities(ctx: Ctx, plan: ImportPlan, warnings: ImportProblem[]): ImportResult {
  const records = plan.records!;
  const lookup = loadLookup(ctx);
  const at = isoNow(ctx);
  const result = emptyResult(plan, warnings, []);
  result.kind = records.kind;
  type Op = (w: Writer) => void;
  const ops: Op[] = [];
  const departmentIds = new Set<string>();
  let created: ImportResult['created'] = { departments: [], accounts: [] };

  if (records.kind === 'departments') {
    // New departments parents first; then moves and renames of existing ones.
    const pending = records.rows.filter((r) => !lookup.departments.has(r.code));
    const idOf = new Map<string, string>([...lookup.departments.values()].map((d) => [d.code, d.id]));
    const newIds = new Map(pending.map((r) => [r.code, ctx.newId()]));
    const placed = new Set<string>();
    while (placed.size < pending.length) {
      const ready = pending.filter((r) => !placed.has(r.code) && (r.parentCode === null || !newIds.has(r.parentCode) || placed.has(r.parentCode)));
      if (ready.length === 0) throw new AppError('invalid_input', 'The departments form a loop through their parents. Nothing was written.');
      for (const r of ready) {
        placed.add(r.code);
        const parentId = r.parentCode === null ? null : (newIds.get(r.parentCode) ?? idOf.get(r.parentCode));
        if (r.parentCode !== null && parentId === undefined) throw stale(`parent department ${r.parentCode} is not in the org`);
        const id = newIds.get(r.code)!;
        ops.push((w) => w.insert('departments', { id, code: r.code, name: r.name, parentId: parentId ?? null, manager: r.manager, createdAt: at, updatedAt: at }));
        result.cellsImported++;
      }
    }
    for (const r of records.rows) {
      const d = lookup.departments.get(r.code);
      if (!d) continue;
      const parentId = r.parentCode === null ? null : (newIds.get(r.parentCode) ?? idOf.get(r.parentCode) ?? null);
      const patch: { name?: string; manager?: string | null; parentId?: string | null } = {};
      if (d.name !== r.name) patch.name = r.name;
      if (d.manager !== r.manager) patch.manager = r.manager;
      if (d.parentId !== parentId) patch.parentId = parentId;
      if (Object.keys(patch).length === 0) continue;
      ops.push((w) => w.update('departments', d.id, { ...patch, updatedAt: at }));
      result.cellsImported++;
    }
  } else if (records.kind === 'accounts') {
    for (const r of records.rows) {
      const a = lookup.accounts.get(r.code);
      if (!a) {
        ops.push((w) => w.insert('accounts', { id: ctx.newId(), code: r.code, name: r.name, type: r.type, active: r.active, createdAt: at, updatedAt: at }));
        result.cellsImported++;
        continue;
      }
      const patch: { name?: string; type?: typeof r.type; active?: boolean } = {};
      if (a.name !== r.name) patch.name = r.name;
      if (a.type !== r.type) patch.type = r.type;
      if (a.active !== r.active) patch.active = r.active;
      if (Object.keys(patch).length === 0) continue;
      ops.push((w) => w.update('accounts', a.id, { ...patch, updatedAt: at }));
      result.cellsImported++;
    }
  } else if (records.kind === 'people') {
    const newDepartments = new Set(plan.creates.departments.map((d) => d.code));
    for (const r of records.rows) {
      if (!lookup.departments.has(r.departmentCode) && !newDepartments.has(r.departmentCode)) throw stale(`department ${r.departmentCode} is not in the org`);
    }
    const existing = new Map(peopleOf(ctx).map((p) => [personKey(lookup.departmentsById.get(p.departmentId)?.code ?? '', p.name), p]));
    ops.push((w) => {
      created = createMissing(ctx, w, plan, lookup, at);
    });
    const perDepartment = new Map<string, number>();
    for (const r of records.rows) {
      const p = existing.get(personKey(r.departmentCode, r.name));
      const fields = { title: r.title, fte: r.fte, annualSalaryMinor: r.annualSalaryMinor, startDate: r.startDate, endDate: r.endDate, status: r.status };
      perDepartment.set(r.departmentCode, (perDepartment.get(r.departmentCode) ?? 0) + 1);
      if (!p) {
        ops.push((w) => {
          const departmentId = lookup.departments.get(r.departmentCode)!.id;
          departmentIds.add(departmentId);
          w.insert('people', { id: ctx.newId(), departmentId, name: r.name, ...fields, createdAt: at, updatedAt: at });
        });
        result.cellsImported++;
        continue;
      }
      const patch: Partial<typeof fields> = {};
      for (const key of Object.keys(fields) as Array<keyof typeof fields>) if (p[key] !== fields[key]) Object.assign(patch, { [key]: fields[key] });
      if (Object.keys(patch).length === 0) continue;
      departmentIds.add(p.departmentId);
      ops.push((w) => w.update('people', p.id, { ...patch, updatedAt: at }));
      result.cellsImported++;
    }
    result.perDepartment = [...perDepartment.entries()].map(([code, rows]) => ({ code, rows, amountMinor: 0 }));
  }
  const creating =
    records.kind === 'people' &&
    (plan.creates.departments.some((d) => !lookup.departments.has(d.code)) || plan.creates.accounts.some((a) => !lookup.accounts.has(a.code)));
  if (result.cellsImported === 0 && !creating) return { ...result, identical: true };

  const seq = nextBatchSeq(ctx);
  const label = `Import ${plan.fileName} (${batchLabel(seq)})`;
  const batchId = ctx.newId();
  withChange(ctx, label, (w) => {
    w.insert('import_batches', {
      id: batchId,
      seq,
      kind: records.kind,
      fileName: plan.fileName,
      fileHash: plan.fileHash,
      sheets: JSON.stringify(plan.sheets.filter((s) => s.included).map((s) => s.name)),
      planId: null,
      departmentIds: '[]',
      rowsImported: plan.rowsRead,
      cellsImported: result.cellsImported,
      origin: ctx.origin,
      changeId: w.changeId,
      createdAt: at,
      undoneAt: null,
    });
    for (const op of ops) op(w);
    if (departmentIds.size > 0) w.update('import_batches', batchId, { departmentIds: JSON.stringify([...departmentIds]) });
    if (plan.sourceKey) rememberSource(ctx, plan.sourceKey, plan, at);
  });
  return {
    ...result,
    batchId,
    batch: batchLabel(seq),
    rowsImported: plan.rowsRead,
    created,
    changeLabel: label,
  };
}

/**
 * Writes a previewed import. Refuses, writing nothing, when the plan has errors or the workspace
 * no longer fits it. An import that would change nothing writes nothing and says so (`identical`).
 */
export function commitImport(ctx: Ctx, input: ImportPlan): ImportResult {
  const parsed = importPlanSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', 'That is not an import plan; preview the file again.');
  const plan = parsed.data;
  const errors = plan.problems.filter((p) => p.severity === 'error');
  const warnings = plan.problems.filter((p) => p.severity === 'warning');
  if (plan.errorCount > 0 || errors.length > 0 || plan.records === null || plan.kind === null) {
    const first = errors[0];
    const count = Math.max(plan.errorCount, errors.length, 1);
    throw new AppError(
      'refused',
      `${plan.fileName} was not imported: ${count === 1 ? 'there is 1 error' : `there are ${count} errors`}${first ? ` (${first.ref}: ${first.message}${count > 1 ? '; …' : ''})` : ''}. Nothing was written.`,
      { errors },
    );
  }
  return writeTransaction(ctx.db, () => {
    const records = plan.records!;
    if (records.kind === 'budget' || records.kind === 'actuals') return commitFigures(ctx, plan, records.kind, records.rows, warnings);
    return commitEntities(ctx, plan, warnings);
  });
}
