/**
 * The JSON export of a whole workspace ("quartermaster-workspace", version 1). Other tools and our
 * tests read it, so its shape is fixed: change it only with a new version number.
 */
import { z } from 'zod';
import { accountTypeSchema, planStatusSchema } from './budget';
import { personStatusSchema } from './org';
import { dateSchema, periodSchema } from './periods';
import { currencySchema, fiscalStartMonthSchema } from './workspace';

const amountMinor = z.number().int();

export const workspaceExportSchema = z
  .object({
    format: z.literal('quartermaster-workspace'),
    version: z.literal(1),
    workspace: z.object({ name: z.string(), currency: currencySchema, fiscalYearStartMonth: fiscalStartMonthSchema }).strict(),
    departments: z.array(
      z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable(), manager: z.string().nullable() }).strict(),
    ),
    accounts: z.array(z.object({ code: z.string(), name: z.string(), type: accountTypeSchema, active: z.boolean() }).strict()),
    people: z.array(
      z
        .object({
          name: z.string(),
          title: z.string().nullable(),
          departmentCode: z.string(),
          fte: z.number(),
          annualSalaryMinor: amountMinor.nullable(),
          startDate: dateSchema.nullable(),
          endDate: dateSchema.nullable(),
          status: personStatusSchema,
        })
        .strict(),
    ),
    plans: z.array(z.object({ name: z.string(), fiscalYear: z.number().int(), scenario: z.string(), status: planStatusSchema }).strict()),
    budgetLines: z.array(
      z
        .object({
          plan: z.string(),
          departmentCode: z.string(),
          accountCode: z.string(),
          period: periodSchema,
          amountMinor,
          source: z.string().nullable(),
        })
        .strict(),
    ),
    actuals: z.array(
      z
        .object({ departmentCode: z.string(), accountCode: z.string(), period: periodSchema, amountMinor, source: z.string().nullable() })
        .strict(),
    ),
  })
  .strict();

export type WorkspaceExport = z.infer<typeof workspaceExportSchema>;
