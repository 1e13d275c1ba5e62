/**
 * The continuity go-bag: the recovery plans printed for the day the network is down — activation
 * criteria, recovery steps, call tree with phone numbers, dependencies and vendor contacts. One
 * document per plan, per process, per tier (e.g. every Tier-1 plan) or every plan; on A4, US
 * Letter or a narrow 'phone' page (105 × 210 mm, one column, larger type) that reads on a phone
 * screen. Rendered in core (electron/core/report/go-bag) with the board pack's PDF pipeline.
 */
import { z } from 'zod';
import { query } from './method';
import { idSchema } from './org';
import { dateSchema } from './periods';

export const goBagPapers = ['a4', 'letter', 'phone'] as const;
export const goBagPaperSchema = z.enum(goBagPapers);
export type GoBagPaper = z.infer<typeof goBagPaperSchema>;

/** Which plans: one plan, the plans of one process, the plans of one tier's processes; none of them = every plan. */
export const goBagInputSchema = z.object({
  planId: idSchema.optional(),
  processId: idSchema.optional(),
  tier: z.number().int().min(1, 'tier is 1 to 4').max(4, 'tier is 1 to 4').optional(),
  /** Default: a4. */
  paper: goBagPaperSchema.optional(),
  /**
   * The day printed as "as at", and the day readiness flags (people who have left, contracts that
   * have ended) are judged on. Default: the day of the workspace's last change (not the clock), so
   * the same state gives the same bytes.
   */
  asOf: dateSchema.optional(),
});
export type GoBagInput = z.input<typeof goBagInputSchema>;

export const renderedGoBagSchema = z.object({
  fileName: z.string(),
  base64: z.string(),
  pages: z.number().int(),
  ms: z.number(),
});
export type RenderedGoBag = z.infer<typeof renderedGoBagSchema>;

export const goBagMethods = {
  'continuity.goBag': query(
    goBagInputSchema.strict(),
    renderedGoBagSchema,
    'Print recovery plans as a go-bag PDF (activation, steps, call tree, dependencies, vendor contacts): one plan, a process, a tier or all; A4, Letter or phone.',
  ),
} as const;
