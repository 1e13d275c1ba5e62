import { z } from 'zod';

export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO code such as USD');
export const fiscalStartMonthSchema = z.number().int().min(1).max(12);

export const workspaceInfoSchema = z.object({
  fileName: z.string(),
  name: z.string(),
  currency: currencySchema,
  fiscalYearStartMonth: fiscalStartMonthSchema,
  schemaVersion: z.number().int(),
  lastChangeAt: z.string().nullable(),
});
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>;

export const workspaceUpdateSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  currency: currencySchema.optional(),
  fiscalYearStartMonth: fiscalStartMonthSchema.optional(),
});

export const historyStateSchema = z.object({
  canUndo: z.boolean(),
  undoLabel: z.string().nullable(),
  canRedo: z.boolean(),
  redoLabel: z.string().nullable(),
});
export type HistoryState = z.infer<typeof historyStateSchema>;

export const historyStepSchema = z.object({
  /** What was undone or redone, or null when there was nothing to do. */
  label: z.string().nullable(),
  state: historyStateSchema,
});
