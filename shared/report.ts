/**
 * The board pack and the spreadsheet exports: what the renderer and the CLI may ask for and what
 * they get back. The pack itself is rendered in core (electron/core/report); this file only says
 * which periods, sections and paper sizes exist and how they are named.
 */
import { z } from 'zod';
import { idSchema } from './org';
import { dateSchema, periodSchema } from './periods';

/**
 * The sections a user can switch on and off, in the order they print. The cover and the contents
 * always print; later issues add their own ids here (KPIs, risks, continuity).
 */
export const reportSectionIds = ['summary', 'variance', 'trend', 'headcount', 'continuity', 'risks', 'sources'] as const;
export const reportSectionIdSchema = z.enum(reportSectionIds);
export type ReportSectionId = z.infer<typeof reportSectionIdSchema>;

export const reportSectionTitles: Record<ReportSectionId, string> = {
  summary: 'Executive summary',
  variance: 'Budget vs actual by department',
  trend: 'Spend trend',
  headcount: 'Headcount',
  continuity: 'Business continuity readiness',
  risks: 'Top risks',
  sources: 'Appendix — sources',
};

export const paperSizes = ['a4', 'letter'] as const;
export const paperSizeSchema = z.enum(paperSizes);
export type PaperSize = z.infer<typeof paperSizeSchema>;

/**
 * A reporting period: a month ("2026-09", reported as September 2026 and the year to date), a
 * fiscal quarter ("2026-Q3", the third quarter of FY2026) or a fiscal year ("FY2026").
 */
export const reportPeriodSchema = z
  .string()
  .trim()
  .regex(/^(\d{4}-(0[1-9]|1[0-2])|\d{4}-Q[1-4]|FY\d{4})$/, 'period must be a month (2026-09), a quarter (2026-Q3) or a fiscal year (FY2026)');

export const reportOptionsSchema = z.object({
  /** Default: the latest month with actuals. */
  period: reportPeriodSchema.optional(),
  /** Default: the approved (else locked, else only) plan of the fiscal year that holds the period. */
  planId: idSchema.optional(),
  /** Default: every section. */
  sections: z.array(reportSectionIdSchema).max(reportSectionIds.length).optional(),
  paper: paperSizeSchema.optional(),
  /** The date printed as "prepared"; default: the date of the workspace's last change (not the clock). */
  preparedOn: dateSchema.optional(),
});
export type ReportOptions = z.input<typeof reportOptionsSchema>;

export const reportPeriodChoiceSchema = z.object({ key: reportPeriodSchema, label: z.string() });

/** What the Reports view needs to offer choices, with the defaults the CLI would take. */
export const reportChoicesSchema = z.object({
  periods: z.array(reportPeriodChoiceSchema),
  defaultPeriod: reportPeriodSchema.nullable(),
  plans: z.array(z.object({ id: idSchema, name: z.string(), fiscalYear: z.number().int(), status: z.string() })),
  defaultPlanId: idSchema.nullable(),
  sections: z.array(z.object({ id: reportSectionIdSchema, title: z.string() })),
  preparedBy: z.string(),
  confidentiality: z.string(),
});
export type ReportChoices = z.infer<typeof reportChoicesSchema>;

export const renderedReportSchema = z.object({
  fileName: z.string(),
  base64: z.string(),
  pages: z.number().int(),
  /** The sections printed, with the page each starts on. */
  sections: z.array(z.object({ id: z.string(), title: z.string(), page: z.number().int() })),
  period: reportPeriodSchema,
  periodLabel: z.string(),
  planId: idSchema,
  ms: z.number(),
});
export type RenderedReport = z.infer<typeof renderedReportSchema>;

export const commentaryQuerySchema = z.object({ period: reportPeriodSchema });
export const commentarySchema = z.object({
  period: reportPeriodSchema,
  text: z.string(),
  updatedAt: z.string().nullable(),
});
export const commentaryUpdateSchema = z.object({ period: reportPeriodSchema, text: z.string().max(20_000) });

export const reportSettingsSchema = z.object({
  preparedBy: z.string().trim().max(200),
  confidentiality: z.string().trim().max(300),
});

/** Tables that export to a spreadsheet. */
export const tableViews = ['budget', 'variance', 'imports'] as const;
export const tableViewSchema = z.enum(tableViews);
export const tableFormats = ['xlsx', 'csv'] as const;
export const tableFormatSchema = z.enum(tableFormats);

export const tableExportInputSchema = z.object({
  view: tableViewSchema,
  format: tableFormatSchema,
  /** budget and variance: the plan (default: as for the report). */
  planId: idSchema.optional(),
  /** budget and variance: the department (default: the top of the tree). */
  departmentId: idSchema.optional(),
  /** variance: the month range (default: plan start to the last month with actuals). */
  from: periodSchema.optional(),
  to: periodSchema.optional(),
});
export const tableExportSchema = z.object({ fileName: z.string(), base64: z.string(), rows: z.number().int() });
