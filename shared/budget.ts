import { z } from 'zod';
import { idSchema } from './org';
import { periodSchema } from './periods';

export const accountTypes = ['revenue', 'expense', 'capex'] as const;
export const accountTypeSchema = z.enum(accountTypes);
export type AccountType = z.infer<typeof accountTypeSchema>;

export const accountSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  type: accountTypeSchema,
  active: z.boolean(),
});
export type Account = z.infer<typeof accountSchema>;

const accountCode = z
  .string()
  .trim()
  .min(1, 'account code is required')
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'code may hold letters, digits, dot, dash and underscore');
export const accountCreateSchema = z.object({
  code: accountCode,
  name: z.string().trim().min(1, 'name is required').max(200),
  type: accountTypeSchema,
});
export const accountUpdateSchema = z.object({
  id: idSchema,
  code: accountCode.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  type: accountTypeSchema.optional(),
  active: z.boolean().optional(),
});

export const planStatuses = ['draft', 'approved', 'locked'] as const;
export const planStatusSchema = z.enum(planStatuses);
export type PlanStatus = z.infer<typeof planStatusSchema>;

export const fiscalYearSchema = z.number().int().min(1900).max(2200);
export const scenarioSchema = z.string().trim().min(1, 'scenario is required').max(60);

export const planSchema = z.object({
  id: idSchema,
  name: z.string(),
  fiscalYear: z.number().int(),
  scenario: z.string(),
  status: planStatusSchema,
  months: z.array(periodSchema),
  lineCount: z.number().int(),
});
export type Plan = z.infer<typeof planSchema>;

/** A plan's name: its fiscal year and scenario ("FY2026 · Base"), for plans made by hand, by an import or by a restore. */
export function planName(fiscalYear: number, scenario: string): string {
  return `FY${fiscalYear} · ${scenario}`;
}

export const planCreateSchema = z.object({ fiscalYear: fiscalYearSchema, scenario: scenarioSchema });
export const planCopySchema = z.object({
  sourcePlanId: idSchema,
  fiscalYear: fiscalYearSchema.optional(),
  scenario: scenarioSchema,
  /** Uplift per account type in percent: 5 means every amount of that type × 1.05. */
  upliftPct: z.object({
    revenue: z.number().min(-100).max(1000),
    expense: z.number().min(-100).max(1000),
    capex: z.number().min(-100).max(1000),
  }),
});
export const planStatusChangeSchema = z.object({ id: idSchema, status: planStatusSchema });

const amountMinor = z.number().int().min(-1e15).max(1e15);

/** An imported value's lineage: its cell ("budget.xlsx!Budget!D7"), the batch that wrote it and when. */
export const cellSourceSchema = z.object({
  cell: z.string(),
  /** The import's number ("import #12"), or null for a source recorded without a batch. */
  batch: z.number().int().nullable(),
  importedAt: z.string().nullable(),
});
export type CellSource = z.infer<typeof cellSourceSchema>;

/** "from budget.xlsx, Budget!D7, imported 3 Oct 2026 by import #12" — the words the grid shows on hover. */
export function describeSource(source: CellSource): string {
  const bang = source.cell.indexOf('!');
  const where = bang < 0 ? source.cell : `${source.cell.slice(0, bang)}, ${source.cell.slice(bang + 1)}`;
  if (source.batch === null) return `from ${where}`;
  const when = source.importedAt
    ? ` ${new Date(source.importedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}`
    : '';
  return `from ${where}, imported${when} by import #${source.batch}`;
}

export const gridRowSchema = z.object({
  accountId: idSchema,
  code: z.string(),
  name: z.string(),
  type: accountTypeSchema,
  active: z.boolean(),
  /** One value per month of the fiscal year; null where no line exists. */
  values: z.array(amountMinor.nullable()),
  /** Where each value came from, or null for typed values and rolled-up cells. */
  sources: z.array(cellSourceSchema.nullable()),
  total: amountMinor,
});
export type GridRow = z.infer<typeof gridRowSchema>;

export const subtotalSchema = z.object({ type: accountTypeSchema, values: z.array(amountMinor), total: amountMinor });

export const rollupStepSchema = z.object({
  departmentId: idSchema,
  code: z.string(),
  name: z.string(),
  /** Spend (expense + capex) for the whole plan year, this department and everything under it. */
  spendTotal: amountMinor,
  revenueTotal: amountMinor,
});

export const budgetGridSchema = z.object({
  planId: idSchema,
  departmentId: idSchema,
  months: z.array(periodSchema),
  editable: z.boolean(),
  /** Why the grid cannot be edited, in words for the user; null when editable. */
  readOnlyReason: z.string().nullable(),
  rolledUpFrom: z.number().int(),
  rows: z.array(gridRowSchema),
  subtotals: z.array(subtotalSchema),
  /** This department and each of its ancestors, nearest first, with their rolled-up totals. */
  rollupPath: z.array(rollupStepSchema),
});
export type BudgetGrid = z.infer<typeof budgetGridSchema>;

export const gridQuerySchema = z.object({ planId: idSchema, departmentId: idSchema });

export const cellEditSchema = z.object({
  departmentId: idSchema,
  accountId: idSchema,
  period: periodSchema,
  /** null clears the cell. */
  amountMinor: amountMinor.nullable(),
});
export type CellEdit = z.infer<typeof cellEditSchema>;
export const setCellsSchema = z.object({
  planId: idSchema,
  cells: z.array(cellEditSchema).min(1).max(100_000),
  /** Shown in undo/redo ("Paste 12 cells"); a default is made when absent. */
  label: z.string().max(200).optional(),
});

export const varianceQuerySchema = z.object({
  planId: idSchema,
  departmentId: idSchema,
  /** Inclusive month range inside the plan's year; defaults: plan start to the last month with actuals. */
  from: periodSchema.optional(),
  to: periodSchema.optional(),
});

export const varianceRowSchema = z.object({
  accountId: idSchema,
  code: z.string(),
  name: z.string(),
  type: accountTypeSchema,
  budget: amountMinor,
  actual: amountMinor,
  /** Actual − budget. */
  variance: amountMinor,
  /** variance / |budget|, null when the budget is zero. */
  variancePct: z.number().nullable(),
  /** Revenue above budget or spend below budget; null when on budget. */
  favourable: z.boolean().nullable(),
});
export type VarianceRow = z.infer<typeof varianceRowSchema>;

export const varianceDepartmentSchema = z.object({
  departmentId: idSchema,
  code: z.string(),
  name: z.string(),
  spend: varianceRowSchema.omit({ accountId: true, code: true, name: true, type: true }),
  revenue: varianceRowSchema.omit({ accountId: true, code: true, name: true, type: true }),
});

export const varianceReportSchema = z.object({
  planId: idSchema,
  departmentId: idSchema,
  from: periodSchema,
  to: periodSchema,
  /** The last month of the plan's year that has any actuals; null when there are none. */
  lastActualPeriod: periodSchema.nullable(),
  rows: z.array(varianceRowSchema),
  subtotals: z.array(varianceRowSchema.omit({ accountId: true, code: true, name: true })),
  /** The department's direct children, each rolled up. */
  children: z.array(varianceDepartmentSchema),
});
export type VarianceReport = z.infer<typeof varianceReportSchema>;
