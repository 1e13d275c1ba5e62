/**
 * The budget grid: accounts × the plan year's months for one department, rolled up over its
 * subtree, and the cell edits that feed it. Figures live on leaf departments only; a parent's
 * grid is a read-only sum, so an edit always has exactly one home.
 */
import type { z } from 'zod';
import { accountTypes, type AccountType, type BudgetGrid, type CellSource, type GridRow, type setCellsSchema } from '../../../shared/budget';
import { fiscalYearMonths, periodLabel } from '../../../shared/periods';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { withChange } from '../history/change';
import { compareCodes } from '../org/department-service';
import { getSettings } from '../workspace/workspace-service';
import {
  allAccounts,
  ancestorPath,
  pathTotals,
  requirePlan,
  rollupCells,
  subtreeShape,
  type AccountRow,
  type PlanRow,
} from './budget-queries';

export type SetCellsInput = z.output<typeof setCellsSchema>;

const typeOrder = new Map<AccountType, number>(accountTypes.map((t, i) => [t, i]));

export function byTypeThenCode(a: Pick<AccountRow, 'type' | 'code'>, b: Pick<AccountRow, 'type' | 'code'>): number {
  return (typeOrder.get(a.type) ?? 0) - (typeOrder.get(b.type) ?? 0) || compareCodes(a.code, b.code);
}

export function planMonths(ctx: Ctx, plan: Pick<PlanRow, 'fiscalYear'>): string[] {
  return fiscalYearMonths(plan.fiscalYear, getSettings(ctx).fiscalYearStartMonth);
}

function lockedGridReason(plan: PlanRow): string {
  return `${plan.name} is locked. Copy it into a new scenario to plan changes.`;
}

function rollsUp(name: string, leaves: number): string {
  return leaves === 1 ? `${name} rolls up 1 department` : `${name} rolls up ${leaves} departments`;
}

export function budgetGrid(ctx: Ctx, input: { planId: string; departmentId: string }): BudgetGrid {
  const plan = requirePlan(ctx, input.planId);
  const path = ancestorPath(ctx, input.departmentId);
  const self = path[0];
  if (!self) throw new AppError('not_found', 'That department no longer exists.');
  const months = planMonths(ctx, plan);
  const from = months[0]!;
  const to = months[months.length - 1]!;
  const shape = subtreeShape(ctx, self.id);
  const leaf = shape.departments === 1;

  const cells = rollupCells(ctx, plan.id, self.id, from, to);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const byAccount = new Map<string, { values: (number | null)[]; sources: (CellSource | null)[] }>();
  for (const c of cells) {
    const i = monthIndex.get(c.period);
    if (i === undefined) continue;
    let entry = byAccount.get(c.accountId);
    if (!entry) {
      entry = { values: months.map(() => null), sources: months.map(() => null) };
      byAccount.set(c.accountId, entry);
    }
    entry.values[i] = c.amountMinor;
    entry.sources[i] = leaf && c.source !== null ? { cell: c.source, batch: c.batchSeq, importedAt: c.importedAt } : null;
  }

  const rows: GridRow[] = allAccounts(ctx)
    .filter((a) => a.active || byAccount.has(a.id))
    .sort(byTypeThenCode)
    .map((a) => {
      const entry = byAccount.get(a.id);
      const values = entry?.values ?? months.map(() => null);
      return {
        accountId: a.id,
        code: a.code,
        name: a.name,
        type: a.type,
        active: a.active,
        values,
        sources: entry?.sources ?? months.map(() => null),
        total: values.reduce<number>((sum, v) => sum + (v ?? 0), 0),
      };
    });

  const subtotals = accountTypes.map((type) => {
    const values = months.map((_, i) => rows.reduce((sum, r) => (r.type === type ? sum + (r.values[i] ?? 0) : sum), 0));
    return { type, values, total: values.reduce((s, v) => s + v, 0) };
  });

  const totals = pathTotals(ctx, plan.id, self.id, from, to);
  const rollupPath = path.map((p, i) => ({
    departmentId: p.id,
    code: p.code,
    name: p.name,
    spendTotal: totals[i]?.spend ?? 0,
    revenueTotal: totals[i]?.revenue ?? 0,
  }));

  const locked = plan.status === 'locked';
  let readOnlyReason: string | null = null;
  if (locked) readOnlyReason = lockedGridReason(plan);
  else if (!leaf) readOnlyReason = `${rollsUp(self.name, shape.leaves)}. Choose ${shape.leaves === 1 ? 'it' : 'one of them'} to edit its figures.`;

  return {
    planId: plan.id,
    departmentId: self.id,
    months,
    editable: leaf && !locked,
    readOnlyReason,
    rolledUpFrom: shape.leaves,
    rows,
    subtotals,
    rollupPath,
  };
}

interface DepartmentInfo {
  id: string;
  code: string;
  name: string;
  children: number;
}

interface ExistingLine {
  id: string;
  amountMinor: number;
}

function cellKey(c: { departmentId: string; accountId: string; period: string }): string {
  return `${c.departmentId}\u0000${c.accountId}\u0000${c.period}`;
}

function defaultLabel(
  cells: SetCellsInput['cells'],
  departments: Map<string, DepartmentInfo>,
  accounts: Map<string, AccountRow>,
): string {
  const clearing = cells.every((c) => c.amountMinor === null);
  const only = cells.length === 1 ? cells[0] : undefined;
  if (only) {
    const d = departments.get(only.departmentId)!;
    const a = accounts.get(only.accountId)!;
    return `${clearing ? 'Clear' : 'Edit'} ${d.code} ${d.name} · ${a.code} ${a.name} · ${periodLabel(only.period)}`;
  }
  return `${clearing ? 'Clear' : 'Paste'} ${cells.length} cells`;
}

/**
 * Sets or clears cells of leaf departments as one undoable change. Everything is checked before
 * anything is written, so a refused call leaves the workspace as it was. A typed value has no
 * source; a cell whose value would not change is left alone (keeping its source).
 */
export function setCells(ctx: Ctx, input: SetCellsInput): { changed: number } {
  const plan = requirePlan(ctx, input.planId);
  if (plan.status === 'locked') throw new AppError('locked', lockedGridReason(plan));
  const months = planMonths(ctx, plan);
  const inYear = new Set(months);

  // Last one wins when the same cell appears twice (a paste over itself).
  const unique = new Map<string, SetCellsInput['cells'][number]>();
  for (const c of input.cells) {
    const key = cellKey(c);
    unique.delete(key);
    unique.set(key, c);
  }
  const cells = [...unique.values()];

  const sqlite = ctx.db.$client;
  const departmentQuery = sqlite.prepare(
    'SELECT id, code, name, (SELECT count(*) FROM departments c WHERE c.parent_id = d.id) AS children FROM departments d WHERE id = ?',
  );
  const departments = new Map<string, DepartmentInfo>();
  const accounts = new Map(allAccounts(ctx).map((a) => [a.id, a]));
  for (const c of cells) {
    if (!departments.has(c.departmentId)) {
      const d = departmentQuery.get(c.departmentId) as DepartmentInfo | undefined;
      if (!d) throw new AppError('not_found', 'A cell names a department that no longer exists; nothing was changed.');
      if (d.children > 0) {
        const leaves = subtreeShape(ctx, d.id).leaves;
        throw new AppError('refused', `${rollsUp(d.name, leaves)}; its figures are sums. Edit one of the departments under it instead.`);
      }
      departments.set(d.id, d);
    }
    if (!accounts.has(c.accountId)) throw new AppError('not_found', 'A cell names an account that no longer exists; nothing was changed.');
    if (!inYear.has(c.period)) {
      throw new AppError(
        'invalid_input',
        `${periodLabel(c.period)} is outside ${plan.name}, which runs from ${periodLabel(months[0]!)} to ${periodLabel(months[11]!)}.`,
        { period: c.period },
      );
    }
  }

  // The diff is worked out before the change opens: a call that changes nothing must not open a
  // change at all, or it would throw away what could still be redone.
  const findLine = sqlite.prepare(
    'SELECT id, amount_minor AS amountMinor FROM budget_lines WHERE plan_id = ? AND department_id = ? AND account_id = ? AND period = ?',
  );
  const writes: Array<{ cell: SetCellsInput['cells'][number]; existing: ExistingLine | undefined }> = [];
  for (const c of cells) {
    const existing = findLine.get(plan.id, c.departmentId, c.accountId, c.period) as ExistingLine | undefined;
    if (c.amountMinor === null ? !existing : existing?.amountMinor === c.amountMinor) continue;
    writes.push({ cell: c, existing });
  }
  if (writes.length === 0) return { changed: 0 };

  const label = input.label ?? defaultLabel(cells, departments, accounts);
  withChange(ctx, label, (w) => {
    const at = isoNow(ctx);
    for (const { cell: c, existing } of writes) {
      if (c.amountMinor === null) {
        if (existing) w.remove('budget_lines', existing.id);
      } else if (existing) {
        // A typed value is no longer the import's: it loses its source and its batch.
        w.update('budget_lines', existing.id, { amountMinor: c.amountMinor, source: null, importBatchId: null, updatedAt: at });
      } else {
        w.insert('budget_lines', {
          id: ctx.newId(),
          planId: plan.id,
          departmentId: c.departmentId,
          accountId: c.accountId,
          period: c.period,
          amountMinor: c.amountMinor,
          source: null,
          updatedAt: at,
          importBatchId: null,
        });
      }
    }
  });
  return { changed: writes.length };
}
