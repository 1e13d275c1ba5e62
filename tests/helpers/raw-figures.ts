/**
 * Plans, budget lines and actuals written straight into the tables, for tests that need figures
 * to exist (refusals, exports) without going through the services that normally write them.
 */
import type { Ctx } from '../../electron/core/context';
import { isoNow } from '../../electron/core/context';
import { actuals, budgetLines, plans } from '../../electron/core/db/schema';

export function insertPlan(
  ctx: Ctx,
  plan: { fiscalYear: number; scenario: string; status?: 'draft' | 'approved' | 'locked'; name?: string },
): string {
  const id = ctx.newId();
  const at = isoNow(ctx);
  ctx.db
    .insert(plans)
    .values({
      id,
      name: plan.name ?? `FY${plan.fiscalYear} · ${plan.scenario}`,
      fiscalYear: plan.fiscalYear,
      scenario: plan.scenario,
      status: plan.status ?? 'draft',
      createdAt: at,
      updatedAt: at,
    })
    .run();
  return id;
}

export interface Figure {
  departmentId: string;
  accountId: string;
  period: string;
  amountMinor: number;
  source?: string | null;
}

export function insertBudgetLine(ctx: Ctx, planId: string, line: Figure): string {
  const id = ctx.newId();
  ctx.db
    .insert(budgetLines)
    .values({ id, planId, ...line, source: line.source ?? null, updatedAt: isoNow(ctx) })
    .run();
  return id;
}

export function insertActual(ctx: Ctx, line: Figure): string {
  const id = ctx.newId();
  ctx.db
    .insert(actuals)
    .values({ id, ...line, source: line.source ?? null, updatedAt: isoNow(ctx) })
    .run();
  return id;
}
