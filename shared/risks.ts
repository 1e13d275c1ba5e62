/**
 * The risk register: risks with inherent and residual scores, mitigations and links to the
 * processes and vendors they threaten. The contract methods of the domain are declared here and
 * gathered into shared/contract.ts.
 *
 * Scores are likelihood × impact, each rated 1–5, so 1–25. Inherent is the risk before any
 * mitigation, residual after the mitigations in place. Mitigations can only lower a risk, so the
 * residual rating may not exceed the inherent one on either axis (a residual cell on the heat map
 * is never above or to the right of its inherent cell). A risk is above appetite when its residual
 * score is strictly greater than the director's appetite (1–25, default 12).
 */
import { z } from 'zod';
import { mutation, query } from './method';
import { idSchema } from './org';
import { dateSchema } from './periods';

export const riskCategories = ['operational', 'financial', 'compliance', 'people', 'supplier', 'technology', 'safety'] as const;
export const riskCategorySchema = z.enum(riskCategories, { error: `category must be one of ${riskCategories.join(', ')}` });
export type RiskCategory = z.infer<typeof riskCategorySchema>;

export const riskCategoryLabels: Record<RiskCategory, string> = {
  operational: 'Operational',
  financial: 'Financial',
  compliance: 'Compliance',
  people: 'People',
  supplier: 'Supplier',
  technology: 'Technology',
  safety: 'Safety',
};

export const mitigationStatuses = ['planned', 'in_progress', 'done'] as const;
export const mitigationStatusSchema = z.enum(mitigationStatuses, { error: 'status must be planned, in_progress or done' });
export type MitigationStatus = z.infer<typeof mitigationStatusSchema>;
export const mitigationStatusLabels: Record<MitigationStatus, string> = { planned: 'Planned', in_progress: 'In progress', done: 'Done' };

export const likelihoodLabels = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const impactLabels = ['Minimal', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

/** "Likely (4)": the words for a rating, with the number. */
export function ratingLabel(axis: 'likelihood' | 'impact', rating: number): string {
  const words = axis === 'likelihood' ? likelihoodLabels : impactLabels;
  return `${words[rating - 1] ?? '?'} (${rating})`;
}

function ratingSchema(axis: string) {
  return z
    .number({ error: `${axis} is a whole number from 1 to 5` })
    .int(`${axis} is a whole number from 1 to 5`)
    .min(1, `${axis} is at least 1`)
    .max(5, `${axis} is at most 5`);
}

export const ratingsSchema = z.object({ likelihood: ratingSchema('likelihood'), impact: ratingSchema('impact') }).strict();
export type Ratings = z.infer<typeof ratingsSchema>;

export const riskAppetiteSchema = z
  .number({ error: 'the risk appetite is a score from 1 to 25' })
  .int('the risk appetite is a whole number from 1 to 25')
  .min(1, 'the risk appetite is at least 1')
  .max(25, 'the risk appetite is at most 25 (5 × 5)');

/**
 * Mitigations lower a risk, they do not raise it: the first axis on which the residual rating is
 * above the inherent one, with the sentence that says so (the dialog and core show the same), or
 * null when neither is.
 */
export function residualAboveInherent(inherent: Ratings, residual: Ratings): { axis: 'likelihood' | 'impact'; message: string } | null {
  for (const axis of ['likelihood', 'impact'] as const) {
    if (residual[axis] > inherent[axis]) {
      return { axis, message: `Residual ${axis} ${residual[axis]} is above inherent ${axis} ${inherent[axis]}: mitigations lower a risk, they do not raise it.` };
    }
  }
  return null;
}

export function riskScore(r: Ratings): number {
  return r.likelihood * r.impact;
}

/** Strictly above: an appetite of 12 tolerates a score of 12. */
export function isAboveAppetite(score: number, appetite: number): boolean {
  return score > appetite;
}

export const scoreBands = ['low', 'medium', 'high', 'critical'] as const;
export type ScoreBand = (typeof scoreBands)[number];
export const scoreBandLabels: Record<ScoreBand, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
/** The score ranges of the bands, for the legend. */
export const scoreBandRanges: Record<ScoreBand, string> = { low: '1–4', medium: '5–9', high: '10–16', critical: '20–25' };

/** The usual 5 × 5 bands: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical. */
export function scoreBand(score: number): ScoreBand {
  if (score <= 4) return 'low';
  if (score <= 9) return 'medium';
  if (score <= 16) return 'high';
  return 'critical';
}

const title = z.string().trim().min(1, 'give the risk a title').max(200, 'a title is at most 200 characters');

export const mitigationInputSchema = z
  .object({
    /** An existing mitigation of the risk being edited; absent for a new one. */
    id: idSchema.optional(),
    action: z.string().trim().min(1, 'say what the mitigation does').max(500, 'a mitigation is at most 500 characters'),
    status: mitigationStatusSchema,
    ownerPersonId: idSchema.nullable().default(null),
    dueOn: dateSchema.nullable().default(null),
  })
  .strict();
export type MitigationInput = z.input<typeof mitigationInputSchema>;

export const riskLinkKinds = ['process', 'vendor'] as const;
export const riskLinkInputSchema = z.object({ kind: z.enum(riskLinkKinds), targetId: idSchema }).strict();
export type RiskLinkInput = z.infer<typeof riskLinkInputSchema>;

const mitigationList = z.array(mitigationInputSchema).max(30, 'a risk has at most 30 mitigations');
const linkList = z.array(riskLinkInputSchema).max(60, 'a risk links at most 60 processes and vendors');

const riskFields = {
  title,
  description: z.string().trim().max(4000, 'a description is at most 4,000 characters').default(''),
  category: riskCategorySchema,
  ownerPersonId: idSchema.nullable(),
  inherent: ratingsSchema,
  residual: ratingsSchema,
  reviewDate: dateSchema.nullable().default(null),
  mitigations: mitigationList.default([]),
  links: linkList.default([]),
};

export const riskCreateSchema = z.object(riskFields).strict();
export type RiskCreateInput = z.input<typeof riskCreateSchema>;
export type RiskCreate = z.output<typeof riskCreateSchema>;

/** Fields left out stay as they are; `mitigations` and `links`, when given, replace the lists. */
export const riskUpdateSchema = z
  .object({
    id: idSchema,
    title: title.optional(),
    description: z.string().trim().max(4000, 'a description is at most 4,000 characters').optional(),
    category: riskCategorySchema.optional(),
    ownerPersonId: idSchema.nullable().optional(),
    inherent: ratingsSchema.optional(),
    residual: ratingsSchema.optional(),
    reviewDate: dateSchema.nullable().optional(),
    // No defaults here: a list left out is kept, an empty list clears it.
    mitigations: mitigationList.optional(),
    links: linkList.optional(),
  })
  .strict();
export type RiskUpdateInput = z.input<typeof riskUpdateSchema>;
export type RiskUpdate = z.output<typeof riskUpdateSchema>;

const scoredSchema = z.object({ likelihood: z.number().int(), impact: z.number().int(), score: z.number().int() });

export const mitigationSchema = z.object({
  id: idSchema,
  action: z.string(),
  status: mitigationStatusSchema,
  ownerPersonId: idSchema.nullable(),
  ownerName: z.string().nullable(),
  /** The owner's end date when it is before today: they have left and the mitigation needs a new owner. */
  ownerLeftOn: z.string().nullable(),
  dueOn: z.string().nullable(),
});
export type Mitigation = z.infer<typeof mitigationSchema>;

export const mitigationCountsSchema = z.object({ planned: z.number().int(), inProgress: z.number().int(), done: z.number().int() });
export type MitigationCounts = z.infer<typeof mitigationCountsSchema>;

export const riskLinkSchema = z.object({ kind: z.enum(riskLinkKinds), targetId: idSchema, name: z.string() });
export type RiskLink = z.infer<typeof riskLinkSchema>;

export const riskSchema = z.object({
  id: idSchema,
  title: z.string(),
  description: z.string(),
  category: riskCategorySchema,
  ownerPersonId: idSchema.nullable(),
  ownerName: z.string().nullable(),
  /** The owner's end date when it is before today: they have left and the risk needs a new owner. */
  ownerLeftOn: z.string().nullable(),
  inherent: scoredSchema,
  residual: scoredSchema,
  aboveAppetite: z.boolean(),
  reviewDate: z.string().nullable(),
  /** The review date has passed. */
  reviewOverdue: z.boolean(),
  mitigations: z.array(mitigationSchema),
  mitigationCounts: mitigationCountsSchema,
  /** Processes first, then vendors, each by name. */
  links: z.array(riskLinkSchema),
  updatedAt: z.string(),
});
export type Risk = z.infer<typeof riskSchema>;

export const riskListSchema = z.object({ appetite: z.number().int(), risks: z.array(riskSchema) });
export type RiskList = z.infer<typeof riskListSchema>;

export const heatCellSchema = z.object({
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  count: z.number().int(),
  riskIds: z.array(idSchema),
});
export type HeatCell = z.infer<typeof heatCellSchema>;

/** 25 cells each, likelihood 5 → 1 (top row first), impact 1 → 5 within a row. */
export const heatMapSchema = z.object({ appetite: z.number().int(), residual: z.array(heatCellSchema), inherent: z.array(heatCellSchema) });
export type HeatMap = z.infer<typeof heatMapSchema>;

const named = z.object({ id: idSchema, name: z.string() });
export const riskChoicesSchema = z.object({
  /** Everyone who can own a risk or a mitigation: active people, by name (open roles are left out). */
  people: z.array(named.extend({ title: z.string().nullable(), endDate: z.string().nullable() })),
  processes: z.array(named),
  vendors: z.array(named),
});
export type RiskChoices = z.infer<typeof riskChoicesSchema>;

export const appetiteSchema = z.object({ appetite: riskAppetiteSchema });

const none = z.object({}).strict();
const byId = z.object({ id: idSchema }).strict();

export const riskMethods = {
  'risks.list': query(none, riskListSchema, 'Every risk with owner, scores, above-appetite flag, mitigations and links; highest residual first.'),
  'risks.get': query(byId, riskSchema, 'One risk with its mitigations and links.'),
  'risks.create': mutation(riskCreateSchema, riskSchema, 'Add a risk with its mitigations and links, as one change.'),
  'risks.update': mutation(riskUpdateSchema, riskSchema, 'Edit a risk; given mitigations and links replace its lists in the same change.'),
  'risks.delete': mutation(byId, z.object({ ok: z.literal(true) }), 'Delete a risk with its mitigations and links, as one undoable change.'),
  'risks.heatMap': query(none, heatMapSchema, '5 × 5 counts of residual and of inherent scores, with the risk ids in each cell.'),
  'risks.choices': query(none, riskChoicesSchema, 'People, processes and vendors a risk can name (ids and names).'),
  'risks.appetite': query(none, appetiteSchema, "The director's risk appetite: residual scores above it are flagged for the board."),
  'risks.setAppetite': mutation(appetiteSchema.strict(), appetiteSchema, 'Set the risk appetite (1–25), as an undoable change.'),
} as const;
