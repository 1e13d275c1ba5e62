/**
 * Plans: a fiscal year × scenario holding budget lines. Status moves draft ↔ approved, and either
 * to locked, which is final: a locked plan is the record of what was agreed, so changing it means
 * copying it into a new scenario.
 *
 * Copy and delete touch every line of a plan (half a million or more), so they write and audit the
 * lines with set-based SQL inside the change instead of row by row. The audit images they record
 * are the same JSON images the Writer records, so undo and redo replay them like any other change
 * and give back exactly the same rows.
 */
import type { z } from 'zod';
import { planName, type Plan, type PlanStatus, type planCopySchema, type planCreateSchema, type planStatusChangeSchema } from '../../../shared/budget';
import { fiscalYearMonths } from '../../../shared/periods';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { sealHistory, withChange, type Writer } from '../history/change';
import { imageSql } from '../history/row-store';
import { getSettings } from '../workspace/workspace-service';
import { planLineCount, requirePlan, type PlanRow } from './budget-queries';
import { writeTransaction } from '../db/transactions';

export type PlanCreate = z.output<typeof planCreateSchema>;
export type PlanCopy = z.output<typeof planCopySchema>;
export type PlanStatusChange = z.output<typeof planStatusChangeSchema>;

export { planName };

export function lockedMessage(plan: Pick<PlanRow, 'name'>): string {
  return `${plan.name} is locked; copy it into a new scenario to change it.`;
}

function toPlan(row: PlanRow, fiscalStartMonth: number, lineCount: number): Plan {
  return {
    id: row.id,
    name: row.name,
    fiscalYear: row.fiscalYear,
    scenario: row.scenario,
    status: row.status,
    months: fiscalYearMonths(row.fiscalYear, fiscalStartMonth),
    lineCount,
  };
}

function planOut(ctx: Ctx, id: string): Plan {
  const row = requirePlan(ctx, id);
  return toPlan(row, getSettings(ctx).fiscalYearStartMonth, planLineCount(ctx, id));
}

/** Newest fiscal year first, then scenario. */
export function listPlans(ctx: Ctx): Plan[] {
  const start = getSettings(ctx).fiscalYearStartMonth;
  const rows = ctx.db.$client
    .prepare('SELECT id, name, fiscal_year AS fiscalYear, scenario, status FROM plans ORDER BY fiscal_year DESC, scenario, name')
    .all() as PlanRow[];
  return rows.map((r) => toPlan(r, start, planLineCount(ctx, r.id)));
}

/** Refuses a plan whose name or year × scenario is taken; scenarios differing only in case count as taken. */
function requireFree(ctx: Ctx, fiscalYear: number, scenario: string): string {
  const name = planName(fiscalYear, scenario);
  const clash = ctx.db.$client
    .prepare('SELECT name FROM plans WHERE name = ? COLLATE NOCASE OR (fiscal_year = ? AND scenario = ? COLLATE NOCASE)')
    .get(name, fiscalYear, scenario) as { name: string } | undefined;
  if (clash) throw new AppError('conflict', `There is already a plan ${clash.name}; choose another scenario name.`);
  return name;
}

function insertPlanRow(ctx: Ctx, w: Writer, fiscalYear: number, scenario: string, name: string): string {
  const at = isoNow(ctx);
  const id = ctx.newId();
  w.insert('plans', { id, name, fiscalYear, scenario, status: 'draft', createdAt: at, updatedAt: at });
  return id;
}

export function createPlan(ctx: Ctx, input: PlanCreate): Plan {
  const name = requireFree(ctx, input.fiscalYear, input.scenario);
  const id = withChange(ctx, `Create plan ${name}`, (w) => insertPlanRow(ctx, w, input.fiscalYear, input.scenario, name));
  return planOut(ctx, id);
}

function auditLinesOfPlan(ctx: Ctx, changeId: string, planId: string, side: 'before' | 'after'): void {
  // Each line's image exactly as the Writer records it, built in SQL: one statement for them all.
  const lineImage = imageSql('budget_lines');
  const before = side === 'before' ? lineImage : 'NULL';
  const after = side === 'after' ? lineImage : 'NULL';
  ctx.db.$client
    .prepare(
      `INSERT INTO audit_rows (change_id, table_name, row_id, before, after)
       SELECT @changeId, 'budget_lines', id, ${before}, ${after} FROM budget_lines WHERE plan_id = @planId ORDER BY rowid`,
    )
    .run({ changeId, planId });
}

/** Percent uplift as an exact ratio over UPLIFT_DENOMINATOR: 5 % → 1_050_000 / 1_000_000 (four decimals of a percent). */
const UPLIFT_DENOMINATOR = 1_000_000;
function upliftNumerator(pct: number): number {
  return Math.round((100 + pct) * 10_000);
}

/**
 * amount × num / den rounded half away from zero, in SQLite integers only. The amount is split as
 * q·den + r so no product leaves 64-bit range for any amount the schema allows.
 */
function upliftSql(amount: string, num: string): string {
  const den = UPLIFT_DENOMINATOR;
  const rest = `((${amount}) % ${den}) * ${num}`;
  return `(((${amount}) / ${den}) * ${num} + (CASE WHEN ${rest} < 0 THEN -((-(${rest}) + ${den / 2}) / ${den}) ELSE ((${rest}) + ${den / 2}) / ${den} END))`;
}

function describeUplift(uplift: PlanCopy['upliftPct']): string {
  const parts = (['revenue', 'expense', 'capex'] as const)
    .filter((t) => uplift[t] !== 0)
    .map((t) => `${uplift[t] > 0 ? '+' : '−'}${Math.abs(uplift[t])}% ${t}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/**
 * Copies every line of a plan into a new draft plan, applying the uplift of each line's account
 * type and, when the fiscal year differs, moving each month by whole years.
 */
export function copyPlan(ctx: Ctx, input: PlanCopy): Plan {
  const source = requirePlan(ctx, input.sourcePlanId);
  const fiscalYear = input.fiscalYear ?? source.fiscalYear;
  const name = requireFree(ctx, fiscalYear, input.scenario);
  const years = fiscalYear - source.fiscalYear;
  const label = `Copy ${source.name} to ${name}${describeUplift(input.upliftPct)}`;
  const sqlite = ctx.db.$client;
  const id = withChange(ctx, label, (w) => {
    const planId = insertPlanRow(ctx, w, fiscalYear, input.scenario, name);
    // New line ids come from ctx.newId, so tests with sequential ids stay repeatable.
    sqlite.function('qm_new_id', { deterministic: false, varargs: false }, () => ctx.newId());
    const period = years === 0 ? 'l.period' : `printf('%04d', CAST(substr(l.period, 1, 4) AS INTEGER) + CAST(@years AS INTEGER)) || substr(l.period, 5)`;
    // better-sqlite3 binds JS numbers as REAL; the CASTs keep this arithmetic in integers.
    const num = `CASE a.type WHEN 'revenue' THEN CAST(@numRevenue AS INTEGER) WHEN 'expense' THEN CAST(@numExpense AS INTEGER) ELSE CAST(@numCapex AS INTEGER) END`;
    sqlite
      .prepare(
        `INSERT INTO budget_lines (id, plan_id, department_id, account_id, period, amount_minor, source, updated_at)
         SELECT qm_new_id(), @planId, l.department_id, l.account_id, ${period}, ${upliftSql('l.amount_minor', num)}, l.source, @at
         FROM budget_lines l JOIN accounts a ON a.id = l.account_id
         WHERE l.plan_id = @sourceId
         ORDER BY l.department_id, l.account_id, l.period`,
      )
      .run({
        planId,
        sourceId: source.id,
        years,
        at: isoNow(ctx),
        numRevenue: upliftNumerator(input.upliftPct.revenue),
        numExpense: upliftNumerator(input.upliftPct.expense),
        numCapex: upliftNumerator(input.upliftPct.capex),
      });
    auditLinesOfPlan(ctx, w.changeId, planId, 'after');
    return planId;
  });
  return planOut(ctx, id);
}

const allowed: Record<PlanStatus, PlanStatus[]> = {
  draft: ['approved', 'locked'],
  approved: ['draft', 'locked'],
  locked: [],
};

function statusLabel(plan: PlanRow, to: PlanStatus): string {
  if (to === 'approved') return `Approve ${plan.name}`;
  if (to === 'locked') return `Lock ${plan.name}`;
  return `Return ${plan.name} to draft`;
}

export function setPlanStatus(ctx: Ctx, input: PlanStatusChange): Plan {
  const plan = requirePlan(ctx, input.id);
  if (plan.status === input.status) return planOut(ctx, plan.id);
  if (plan.status === 'locked') throw new AppError('locked', lockedMessage(plan));
  if (!allowed[plan.status].includes(input.status)) {
    throw new AppError('refused', `${plan.name} cannot go from ${plan.status} to ${input.status}.`);
  }
  writeTransaction(ctx.db, () => {
    withChange(ctx, statusLabel(plan, input.status), (w) => {
      w.update('plans', plan.id, { status: input.status, updatedAt: isoNow(ctx) });
    });
    // Locking is final: nothing before it can be undone, or undo would be a way to unlock.
    if (input.status === 'locked') sealHistory(ctx);
  });
  return planOut(ctx, plan.id);
}

/** Deletes a draft plan and its lines as one undoable change. */
export function deletePlan(ctx: Ctx, id: string): void {
  const plan = requirePlan(ctx, id);
  if (plan.status === 'locked') throw new AppError('locked', lockedMessage(plan));
  if (plan.status !== 'draft') {
    throw new AppError('refused', `${plan.name} is ${plan.status}; only draft plans can be deleted. Return it to draft first.`);
  }
  withChange(ctx, `Delete plan ${plan.name}`, (w) => {
    // Lines are audited before the plan row, so undo (which replays backwards) restores the plan first.
    auditLinesOfPlan(ctx, w.changeId, plan.id, 'before');
    ctx.db.$client.prepare('DELETE FROM budget_lines WHERE plan_id = ?').run(plan.id);
    w.remove('plans', plan.id);
  });
}
