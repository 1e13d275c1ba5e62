/**
 * The import pipeline's inputs and outputs, as zod schemas so they can cross IPC: the options a
 * user (or the CLI) chooses, the plan shown before anything is written (detection, mapping,
 * problems by cell, rows, diff), and the result of a commit. Header texts and codes from files
 * only ever appear here as values, never as object keys (S3): a header named `__proto__` is data.
 */
import { z } from 'zod';
import { accountTypeSchema } from './budget';
import { idSchema, personStatusSchema } from './org';
import { periodSchema } from './periods';

export const importKinds = ['departments', 'accounts', 'people', 'budget', 'actuals'] as const;
export const importKindSchema = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKindSchema>;

/** What a column can be mapped to, per kind. "month", "quarter" and "total" are wide-format columns found from their headers. */
export const importFields = {
  departments: ['code', 'name', 'parentCode', 'manager'],
  accounts: ['code', 'name', 'type', 'active'],
  people: ['name', 'title', 'departmentCode', 'fte', 'salary', 'startDate', 'endDate', 'status'],
  budget: ['departmentCode', 'accountCode', 'accountName', 'period', 'amount', 'month', 'quarter', 'total', 'note'],
  actuals: ['departmentCode', 'accountCode', 'accountName', 'period', 'amount', 'debit', 'credit', 'month', 'quarter', 'total', 'note'],
} as const satisfies Record<ImportKind, readonly string[]>;
export const allImportFields = [...new Set(Object.values(importFields).flat()), 'ignore'] as const;
export const importFieldSchema = z.enum(allImportFields as unknown as [string, ...string[]]);
export type ImportField = (typeof importFields)[ImportKind][number] | 'ignore';

const shortText = z.string().max(500);
const amountMinor = z.number().int().min(-1e15).max(1e15);

/** One "Header=field" choice; applies to every chosen sheet whose header row has that header. */
export const mappingChoiceSchema = z.object({ header: shortText, field: importFieldSchema });
export type MappingChoice = z.infer<typeof mappingChoiceSchema>;

/**
 * Unknown code or name → existing code, as pairs rather than an object keyed by codes from the file
 * (S3): a name from the file matched to a department or account, as the user confirmed it (names
 * compare case, space and punctuation aside). Confirmed names are remembered for the source.
 */
export const codeMapSchema = z.array(z.object({ from: z.string().max(64), to: z.string().max(64) })).max(10_000);

export const importOptionsSchema = z.object({
  kind: importKindSchema.optional(),
  /** An existing plan, by id. */
  planId: idSchema.optional(),
  /** A plan by name ("FY2027 · Base"); one that does not exist is created as draft by the commit. */
  planName: z.string().trim().min(1).max(200).optional(),
  /** The department of every row without a department column, overriding sheet names and titles. */
  departmentCode: z.string().trim().min(1).max(64).optional(),
  /** The account of every row of a file with no account column (one figure per department and period). */
  accountCode: z.string().trim().min(1).max(64).optional(),
  /** Sheets to import, by name; default every sheet with a recognisable header row. */
  sheets: z.array(shortText).max(1000).optional(),
  mapping: z.array(mappingChoiceSchema).max(1000).optional(),
  /** Read "1.234,50" as 1234.50; default what the csv reader detected. */
  decimalComma: z.boolean().optional(),
  /** Unknown department or account codes: an error (default), created on the spot, or mapped to existing codes. */
  unknownCodes: z.union([z.enum(['refuse', 'create']), codeMapSchema]).optional(),
  /** Several rows for the same cell: summed with a warning (default) or an error. */
  duplicates: z.enum(['sum', 'refuse']).optional(),
  /**
   * How a budget's quarter or year columns (a file with no month columns for them) are spread to
   * months: by last year's actuals for that department × account where they exist, else evenly
   * (the default, 'last-year'); evenly; or by a seasonality profile kept in the workspace.
   */
  spread: z.union([z.enum(['even', 'last-year']), z.object({ profile: z.string().trim().min(1).max(100) }).strict()]).optional(),
  /**
   * How the file's single amount column signs revenue and spend, as the user confirmed it: as the
   * workspace stores them ('as-stored'), credits negative ('credits-negative', also 'debit-positive':
   * revenue written negative), or 'expenses-negative'. Unset: detected, and refused when not as stored.
   */
  signs: z.enum(['as-stored', 'credits-negative', 'debit-positive', 'expenses-negative']).optional(),
  /** The user confirmed writing into an approved plan (the app asks; the CLI's --into-approved). */
  intoApproved: z.boolean().optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** "file!sheet!cell", or "file!sheet" / "file" when no single cell is at fault. */
  ref: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof problemSchema>;

/** How a column's field was found; 'none' for a column left unmapped (ignored). */
export const mappingHowSchema = z.enum(['exact', 'fuzzy', 'remembered', 'given', 'detected', 'none']);
export type MappingHow = z.infer<typeof mappingHowSchema>;

export const columnMappingSchema = z.object({
  column: z.number().int().min(0),
  /** The column's letter(s), "D". */
  letter: z.string(),
  header: z.string(),
  field: importFieldSchema,
  how: mappingHowSchema,
  /** Month columns: the period the header names. */
  period: periodSchema.nullable(),
  /** Up to three values from the rows under the header, to show beside it in the mapping step. */
  samples: z.array(z.string()).max(3).optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const sheetPlanSchema = z.object({
  name: z.string(),
  included: z.boolean(),
  /** Why a sheet is left out (no header row, another kind, not chosen). */
  skippedReason: z.string().nullable(),
  /** 0-based row of the header; null when none was found. */
  headerRow: z.number().int().nullable(),
  kind: importKindSchema.nullable(),
  layout: z.enum(['table', 'long', 'wide']).nullable(),
  departmentCode: z.string().nullable(),
  departmentFrom: z.enum(['column', 'given', 'sheet name', 'title', 'none']),
  mapping: z.array(columnMappingSchema),
  dataRows: z.number().int(),
  skippedRows: z.number().int(),
});
export type SheetPlan = z.infer<typeof sheetPlanSchema>;

export const figureRecordSchema = z.object({
  departmentCode: z.string(),
  accountCode: z.string(),
  period: periodSchema,
  amountMinor,
  /** file!sheet!cell of the (first) cell the value came from. */
  source: z.string(),
  /** A comment or notes column's text for the row, kept as the cell's note. */
  note: z.string().max(2000).optional(),
});
export type FigureRecord = z.infer<typeof figureRecordSchema>;

export const departmentRecordSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  manager: z.string().nullable(),
  source: z.string(),
});
export type DepartmentRecord = z.infer<typeof departmentRecordSchema>;

export const accountRecordSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: accountTypeSchema,
  active: z.boolean(),
  source: z.string(),
});
export type AccountRecord = z.infer<typeof accountRecordSchema>;

export const personRecordSchema = z.object({
  name: z.string(),
  title: z.string().nullable(),
  departmentCode: z.string(),
  fte: z.number(),
  annualSalaryMinor: z.number().int().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: personStatusSchema,
  source: z.string(),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

export const importRecordsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('departments'), rows: z.array(departmentRecordSchema) }),
  z.object({ kind: z.literal('accounts'), rows: z.array(accountRecordSchema) }),
  z.object({ kind: z.literal('people'), rows: z.array(personRecordSchema) }),
  z.object({ kind: z.literal('budget'), rows: z.array(figureRecordSchema) }),
  z.object({ kind: z.literal('actuals'), rows: z.array(figureRecordSchema) }),
]);
export type ImportRecords = z.infer<typeof importRecordsSchema>;

/** Codes the commit creates because the user chose "create" for unknown codes. */
export const createsSchema = z.object({
  departments: z.array(z.object({ code: z.string(), name: z.string() })),
  accounts: z.array(z.object({ code: z.string(), name: z.string(), type: accountTypeSchema })),
});

/**
 * A department or account the file names by something other than its exact code, and what it
 * was matched to: applied ('exact': a name, "410 Sales", a code in another case, or a match
 * remembered for this source; 'confirmed': the user's choice), offered ('suggest': near misses the
 * user confirms, never applied), or nothing ('none').
 */
export const entityMatchSchema = z.object({
  entity: z.enum(['department', 'account']),
  /** The text as the file wrote it. */
  text: z.string(),
  /** Its first cell. */
  ref: z.string(),
  status: z.enum(['exact', 'confirmed', 'suggest', 'none']),
  /** The code it is matched to ('exact' and 'confirmed'). */
  code: z.string().nullable(),
  /** How an exact match was found: 'name', 'code', 'code-in-text' or 'remembered'. */
  how: z.string().nullable(),
  suggestions: z.array(z.object({ code: z.string(), name: z.string(), score: z.number(), why: z.string() })),
});
export type EntityMatch = z.infer<typeof entityMatchSchema>;

/** A quarter's or year's amount and the months it was spread to, for the preview and lineage. */
export const spreadSchema = z.object({
  /** The cell the amount came from. */
  source: z.string(),
  header: z.string(),
  departmentCode: z.string(),
  accountCode: z.string(),
  totalMinor: amountMinor,
  /** "evenly", "by last year's actuals", 'by seasonality profile "Retail"'. */
  method: z.string(),
  months: z.array(z.object({ period: periodSchema, amountMinor })),
});
export type SpreadRecord = z.infer<typeof spreadSchema>;

export const planTargetSchema = z.object({
  planId: idSchema.nullable(),
  planName: z.string(),
  fiscalYear: z.number().int(),
  scenario: z.string(),
  /** The named plan does not exist yet: the commit creates it as draft. */
  create: z.boolean(),
  /** The plan's status as the preview saw it (an approved plan is written into only when the user confirmed). */
  status: z.enum(['draft', 'approved', 'locked']).optional(),
  months: z.array(periodSchema),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

export const cellChangeSchema = z.object({
  departmentCode: z.string(),
  accountCode: z.string(),
  period: periodSchema,
  before: amountMinor.nullable(),
  after: amountMinor.nullable(),
  source: z.string().nullable(),
});
export type CellChange = z.infer<typeof cellChangeSchema>;

export const totalsSchema = z.object({ code: z.string(), before: amountMinor, after: amountMinor });

export const figureDiffSchema = z.object({
  changed: z.array(cellChangeSchema),
  added: z.array(cellChangeSchema),
  removed: z.array(cellChangeSchema),
  unchanged: z.number().int(),
  totals: z.object({ before: amountMinor, after: amountMinor }),
  perDepartment: z.array(totalsSchema),
});
export type FigureDiff = z.infer<typeof figureDiffSchema>;

export const entityDiffSchema = z.object({
  created: z.array(z.string()),
  updated: z.array(z.object({ key: z.string(), fields: z.array(z.string()) })),
  unchanged: z.number().int(),
});
export type EntityDiff = z.infer<typeof entityDiffSchema>;

export const importPlanSchema = z.object({
  fileName: z.string(),
  fileHash: z.string(),
  kind: importKindSchema.nullable(),
  format: z.enum(['xlsx', 'csv']),
  decimalComma: z.boolean(),
  duplicates: z.enum(['sum', 'refuse']),
  sheets: z.array(sheetPlanSchema),
  problems: z.array(problemSchema),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  target: planTargetSchema.nullable(),
  /** Draft plans a budget could go to, when none was named and there is not exactly one. */
  planCandidates: z.array(z.string()),
  records: importRecordsSchema.nullable(),
  creates: createsSchema,
  /** The sign convention of the file's amount column: detected (with its evidence) and the one applied. */
  signs: z
    .object({
      detected: z.enum(['as-stored', 'credits-negative', 'expenses-negative']).nullable(),
      confidence: z.enum(['high', 'low', 'none']),
      reason: z.string(),
      applied: z.enum(['as-stored', 'credits-negative', 'expenses-negative']).nullable(),
      description: z.string(),
    })
    .nullable(),
  /** Quarter and year amounts spread to months (the first 500). */
  spreads: z.array(spreadSchema),
  /** Names and codes matched (or offered) to existing departments and accounts; see entityMatchSchema. */
  matches: z.array(entityMatchSchema),
  /** Department and account codes the file names that the workspace does not have (whatever was chosen for them). */
  unknownCodes: z.object({ departments: z.array(z.string()), accounts: z.array(z.string()) }),
  /** Data rows read from the file (after header, total and blank rows are left out). */
  rowsRead: z.number().int(),
  figureDiff: figureDiffSchema.nullable(),
  entityDiff: entityDiffSchema.nullable(),
  /** Committing would change nothing (see the notes in preview.ts). */
  identical: z.boolean(),
  /** "#12" when the same file was last committed as that batch. */
  sameFileAs: z.string().nullable(),
  /** Hash of the kind and header row of the first included sheet: the key mappings are remembered by. */
  sourceKey: z.string().nullable(),
  /** Mapping to remember on commit, from the first included sheet. */
  rememberMapping: z.array(mappingChoiceSchema),
  /** Human sentences for the preview ("FY2027 · Base does not exist yet; it will be created as draft."). */
  notes: z.array(z.string()),
});
export type ImportPlan = z.infer<typeof importPlanSchema>;

export const countByCodeSchema = z.object({ code: z.string(), rows: z.number().int(), amountMinor });

export const importResultSchema = z.object({
  batchId: idSchema.nullable(),
  /** "#12"; null when nothing was written. */
  batch: z.string().nullable(),
  kind: importKindSchema,
  identical: z.boolean(),
  rowsImported: z.number().int(),
  cellsImported: z.number().int(),
  perDepartment: z.array(countByCodeSchema),
  perAccount: z.array(countByCodeSchema),
  planName: z.string().nullable(),
  planCreated: z.boolean(),
  created: z.object({ departments: z.array(z.string()), accounts: z.array(z.string()) }),
  changeLabel: z.string().nullable(),
  warnings: z.array(problemSchema),
  errors: z.array(problemSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importBatchSchema = z.object({
  id: idSchema,
  seq: z.number().int(),
  batch: z.string(),
  kind: importKindSchema,
  fileName: z.string(),
  fileHash: z.string(),
  sheets: z.array(z.string()),
  planId: idSchema.nullable(),
  planName: z.string().nullable(),
  departmentCodes: z.array(z.string()),
  rowsImported: z.number().int(),
  cellsImported: z.number().int(),
  origin: z.string(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  changeLabel: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

export function batchLabel(seq: number): string {
  return `#${seq}`;
}

/** The most a file sent from the app may hold: as base64 it still fits the serve-mode body limit. */
export const maxImportFileBytes = 12 * 1024 * 1024;
const maxBase64Chars = Math.ceil(maxImportFileBytes / 3) * 4;

/** A file the user picked or dropped, sent whole as base64 (the renderer has no file system). */
export const importFileSchema = z.object({
  name: z.string().trim().min(1).max(255),
  base64: z
    .string()
    .max(maxBase64Chars, { error: 'The file is larger than 12 MB, the most the app takes in one import. Split it, or use the command line (npm run cli -- import).' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The file did not arrive intact (not base64); pick it again.' }),
});

export const importPreviewInputSchema = z.object({ file: importFileSchema.strict(), options: importOptionsSchema.strict() });
export type ImportPreviewInput = z.infer<typeof importPreviewInputSchema>;

export const undoBatchResultSchema = z.object({ batch: z.string(), label: z.string(), restored: z.number().int() });
export type UndoBatchResult = z.infer<typeof undoBatchResultSchema>;
