import { z } from 'zod';
import { localeSchema } from './date-format';

/**
 * Amounts are kept in hundredths, so only real ISO currencies with two decimal places fit
 * (not JPY, not KWD, not a made-up code).
 */
function hasCents(code: string): boolean {
  try {
    return (
      Intl.supportedValuesOf('currency').includes(code) &&
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits === 2
    );
  } catch {
    return false;
  }
}

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO code such as USD')
  .refine(hasCents, 'currency must have two decimal places (such as USD, EUR or GBP): amounts are kept in cents');
export const fiscalStartMonthSchema = z.number().int().min(1).max(12);

export const workspaceInfoSchema = z.object({
  fileName: z.string(),
  name: z.string(),
  currency: currencySchema,
  fiscalYearStartMonth: fiscalStartMonthSchema,
  /** How dates are shown (shared/date-format.ts). */
  locale: z.string(),
  schemaVersion: z.number().int(),
  lastChangeAt: z.string().nullable(),
  /**
   * The storage under the workspace, for the app to poll: why it is open read-only (null when it
   * can be written), and what the deep check (run in the background after opening) found.
   */
  storage: z
    .object({
      readOnly: z.string().nullable(),
      integrity: z.enum(['unchecked', 'checking', 'ok', 'damaged', 'failed']),
      problem: z.string().nullable(),
    })
    .optional(),
});
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>;

export const workspaceUpdateSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  currency: currencySchema.optional(),
  fiscalYearStartMonth: fiscalStartMonthSchema.optional(),
  locale: localeSchema.optional(),
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
