/**
 * Business continuity: critical processes, business impact analysis, dependencies, plans with
 * steps and call trees, exercises, vendors and assets, and the readiness the app computes. The
 * contract methods of the domain are declared here and gathered into shared/contract.ts.
 *
 * Durations are hours (a week is 168 h; fractions allowed). Money is minor units. Dates are
 * YYYY-MM-DD. On an update, a field left out keeps its value and null clears it.
 *
 * Business rules (RTO ≤ MTPD, tier 1–4, a step needs an owner and an action, …) are checked in
 * core with a sentence the user can act on; the schemas here only fix the shapes, so a form can
 * send what the user typed and show core's message.
 */
import { z } from 'zod';
import { mutation, query } from './method';
import { idSchema } from './org';
import { dateSchema } from './periods';

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** The business impact analysis horizons, in hours: 4 h, 24 h, 72 h, 1 week, 2 weeks. */
export const impactHorizons = [4, 24, 72, 168, 336] as const;
export type ImpactHorizon = (typeof impactHorizons)[number];
export const impactHorizonLabels: Record<ImpactHorizon, string> = { 4: '4 hours', 24: '24 hours', 72: '72 hours', 168: '1 week', 336: '2 weeks' };

export const impactDimensions = ['financial', 'customer', 'regulatory', 'reputational', 'safety'] as const;
export type ImpactDimension = (typeof impactDimensions)[number];

export const dependencyKinds = ['person', 'process', 'system', 'site', 'vendor'] as const;
export type DependencyKind = (typeof dependencyKinds)[number];

export const assetKinds = ['system', 'site'] as const;
export type AssetKind = (typeof assetKinds)[number];

export const planScenarios = ['site', 'it', 'supplier', 'people'] as const;
export type PlanScenario = (typeof planScenarios)[number];
export const planScenarioLabels: Record<PlanScenario, string> = {
  site: 'Loss of site',
  it: 'Loss of IT',
  supplier: 'Loss of key supplier',
  people: 'Loss of people',
};

export const exerciseKinds = ['tabletop', 'walkthrough', 'full'] as const;
export type ExerciseKind = (typeof exerciseKinds)[number];

/** Criticality tier: 1 = restore within hours … 4 = can wait weeks. */
export const tierLabels: Record<1 | 2 | 3 | 4, string> = {
  1: 'Tier 1: restore within hours',
  2: 'Tier 2: restore within a day',
  3: 'Tier 3: restore within days',
  4: 'Tier 4: can wait weeks',
};

/**
 * Every kind of gap readiness can find (see electron/core/continuity/readiness.ts for the rules and
 * the weight each costs the score).
 */
export const readinessGapCodes = [
  'no_plan',
  'plan_not_reviewed',
  'never_exercised',
  'exercise_overdue',
  'rto_exceeds_dependency',
  'key_person',
  'person_left',
  'vendor_contract_ended',
  'no_rto',
  'bia_missing',
  'bia_incomplete',
  'process_review_overdue',
] as const;
export type ReadinessGapCode = (typeof readinessGapCodes)[number];

// ---------------------------------------------------------------------------------------------
// Shared pieces

const name = z.string().trim().min(1, 'name is required').max(200);
const text = (max: number) => z.string().max(max);
const hours = z.number().finite();
const minor = z.number().int().min(-1e13).max(1e13);
const rating = z.number().int();
const phone = z.string().trim().max(40);

export const gapSubjectSchema = z.object({
  kind: z.enum(['process', 'plan', 'person', 'vendor', 'system', 'site', 'dependency', 'exercise']),
  id: idSchema,
  name: z.string(),
});

/** One thing readiness found wrong, why it matters and what to do. */
export const readinessGapSchema = z.object({
  code: z.enum(readinessGapCodes),
  severity: z.enum(['high', 'medium', 'low']),
  /** A sentence naming what is wrong, e.g. "RTO 4 h is shorter than Fleet telematics's recovery time of 24 h." */
  message: z.string(),
  /** What to do about it. */
  fix: z.string(),
  /** Points this kind of gap costs the process's score (each kind counts once per process). */
  weight: z.number().int(),
  /** What the gap is about (a plan, person, vendor, dependency…), for a link in the UI. */
  subject: gapSubjectSchema.nullable(),
});
export type ReadinessGap = z.infer<typeof readinessGapSchema>;

export const readinessSchema = z.object({
  /** 0–100: 100 minus the weight of each kind of gap present, never below 0. */
  score: z.number().int().min(0).max(100),
  gaps: z.array(readinessGapSchema),
});
export type Readiness = z.infer<typeof readinessSchema>;

// ---------------------------------------------------------------------------------------------
// Settings

export const continuitySettingsSchema = z.object({
  /** Impact ratings at or above this (1–5) are not tolerable: the suggested RTO is the first horizon that reaches it. */
  impactTolerance: z.number().int(),
  /** Risks whose residual score (likelihood × impact, 1–25) is above this are flagged for the board. */
  riskAppetite: z.number().int(),
});
export type ContinuitySettings = z.infer<typeof continuitySettingsSchema>;
export const continuitySettingsUpdateSchema = continuitySettingsSchema.partial();

// ---------------------------------------------------------------------------------------------
// Vendors and assets

export const vendorSchema = z.object({
  id: idSchema,
  name: z.string(),
  service: z.string(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  contractEnd: z.string().nullable(),
  annualSpendMinor: z.number().int().nullable(),
  /** The vendor's own stated recovery time. */
  recoveryHours: z.number().nullable(),
  /** True when contractEnd is before today. */
  contractEnded: z.boolean(),
  /** Names of the processes that depend on this vendor. */
  usedBy: z.array(z.string()),
});
export type Vendor = z.infer<typeof vendorSchema>;

const vendorFields = {
  name,
  service: text(200),
  contactName: text(200).nullable(),
  phone: phone.nullable(),
  email: text(320).nullable(),
  contractEnd: dateSchema.nullable(),
  annualSpendMinor: minor.nullable(),
  recoveryHours: hours.nullable(),
};
export const vendorCreateSchema = z.object({
  name,
  service: text(200).optional(),
  contactName: vendorFields.contactName.optional(),
  phone: vendorFields.phone.optional(),
  email: vendorFields.email.optional(),
  contractEnd: vendorFields.contractEnd.optional(),
  annualSpendMinor: vendorFields.annualSpendMinor.optional(),
  recoveryHours: vendorFields.recoveryHours.optional(),
});
export const vendorUpdateSchema = z.object({ id: idSchema }).extend(z.object(vendorFields).partial().shape);

export const assetSchema = z.object({
  id: idSchema,
  kind: z.enum(assetKinds),
  name: z.string(),
  description: z.string().nullable(),
  recoveryHours: z.number().nullable(),
  usedBy: z.array(z.string()),
});
export type Asset = z.infer<typeof assetSchema>;
export const assetCreateSchema = z.object({
  kind: z.enum(assetKinds),
  name,
  description: text(2000).nullable().optional(),
  recoveryHours: hours.nullable().optional(),
});
export const assetUpdateSchema = z.object({
  id: idSchema,
  name: name.optional(),
  description: text(2000).nullable().optional(),
  recoveryHours: hours.nullable().optional(),
});

/** Where a person, vendor or asset is used: what a delete would have to move or refuse over. */
export const usageSchema = z.object({
  /** Processes that it owns or that depend on it, by name. */
  processes: z.array(z.string()),
  /** Plans whose steps, call tree or exercise actions name it, by name. */
  plans: z.array(z.string()),
  /** Risks it owns, that mitigations name it as owner, or that are linked to it, by title. */
  risks: z.array(z.string()),
  /** How many rows refer to it in all. */
  references: z.number().int(),
});
export type Usage = z.infer<typeof usageSchema>;
export const usageQuerySchema = z.object({ kind: z.enum(['person', 'vendor', 'asset']), id: idSchema });

/** Delete, or with reassignTo move every reference to that other person/vendor/asset in the same change. */
export const deleteWithReassignSchema = z.object({ id: idSchema, reassignTo: idSchema.optional() });

// ---------------------------------------------------------------------------------------------
// Processes and the business impact analysis

export const processSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  ownerDepartmentId: idSchema.nullable(),
  ownerDepartmentName: z.string().nullable(),
  ownerPersonId: idSchema.nullable(),
  ownerPersonName: z.string().nullable(),
  tier: z.number().int(),
  rtoHours: z.number().nullable(),
  /** Why the chosen RTO differs from the suggested one. */
  rtoReason: z.string().nullable(),
  rpoHours: z.number().nullable(),
  mtpdHours: z.number().nullable(),
  costPerDayMinor: z.number().int().nullable(),
  /** Months 1–12 in which an outage hurts most. */
  peakMonths: z.array(z.number().int()),
  reviewDate: z.string().nullable(),
});
export type Process = z.infer<typeof processSchema>;

const processFields = {
  name,
  description: text(4000).nullable(),
  ownerDepartmentId: idSchema.nullable(),
  ownerPersonId: idSchema.nullable(),
  tier: z.number().int(),
  rtoHours: hours.nullable(),
  rtoReason: text(1000).nullable(),
  rpoHours: hours.nullable(),
  mtpdHours: hours.nullable(),
  costPerDayMinor: minor.nullable(),
  peakMonths: z.array(z.number().int().min(1).max(12)).max(12),
  reviewDate: dateSchema.nullable(),
};
export const processCreateSchema = z.object({ name, tier: processFields.tier }).extend(
  z
    .object(processFields)
    .omit({ name: true, tier: true })
    .partial().shape,
);
export const processUpdateSchema = z.object({ id: idSchema }).extend(z.object(processFields).partial().shape);

/** One horizon of the impact analysis: each dimension rated 1–5, null when not yet rated. */
export const biaRowSchema = z.object({
  horizonHours: z.number().int(),
  financial: rating.nullable(),
  customer: rating.nullable(),
  regulatory: rating.nullable(),
  reputational: rating.nullable(),
  safety: rating.nullable(),
});
export type BiaRow = z.infer<typeof biaRowSchema>;

export const suggestedRtoSchema = z.object({
  /** The first horizon at which any rating reaches the tolerance; null when none does (or nothing is rated). */
  hours: z.number().nullable(),
  /** Why, e.g. "At 24 hours the customer impact is rated 4, which reaches your tolerance of 4." */
  reason: z.string(),
  /** The dimensions at that horizon that reach the tolerance. */
  dimensions: z.array(z.enum(impactDimensions)),
});
export type SuggestedRto = z.infer<typeof suggestedRtoSchema>;

export const biaSchema = z.object({
  /** Always the five horizons, in order. */
  rows: z.array(biaRowSchema),
  costPerDayMinor: z.number().int().nullable(),
  tolerance: z.number().int(),
  suggested: suggestedRtoSchema,
  /** The RTO the director chose, and why it differs from the suggestion. */
  rtoHours: z.number().nullable(),
  rtoReason: z.string().nullable(),
  /** True when an RTO is chosen, a suggestion exists and they differ. */
  overridden: z.boolean(),
  /** How many of the 25 cells are rated. */
  ratedCells: z.number().int(),
});
export type Bia = z.infer<typeof biaSchema>;

export const setBiaSchema = z.object({
  processId: idSchema,
  /** The whole table: horizons left out are cleared. At most one row per horizon. */
  rows: z.array(biaRowSchema).max(5),
  costPerDayMinor: minor.nullable().optional(),
});

// ---------------------------------------------------------------------------------------------
// Dependencies

export const dependencySchema = z.object({
  id: idSchema,
  processId: idSchema,
  kind: z.enum(dependencyKinds),
  /** The person, process, asset or vendor depended on. */
  targetId: idSchema,
  targetName: z.string(),
  /** The dependency's own recovery time, as entered. */
  recoveryHours: z.number().nullable(),
  /** Its own recovery time, else the vendor's or asset's stated one, else the depended-on process's RTO. */
  effectiveRecoveryHours: z.number().nullable(),
  recoverySource: z.enum(['dependency', 'vendor', 'asset', 'process']).nullable(),
  /** True when the effective recovery time is longer than the process's RTO: the RTO cannot be met. */
  exceedsRto: z.boolean(),
  notes: z.string().nullable(),
});
export type Dependency = z.infer<typeof dependencySchema>;

/** A vendor, system or site made on the spot while adding the dependency on it. */
export const newDependencyTargetSchema = z.object({
  name,
  /** Vendors only: what they supply. */
  service: text(200).optional(),
  /** The vendor's or asset's own stated recovery time. */
  recoveryHours: hours.nullable().optional(),
});
export type NewDependencyTarget = z.infer<typeof newDependencyTargetSchema>;

export const dependencyCreateSchema = z
  .object({
    processId: idSchema,
    kind: z.enum(dependencyKinds),
    /** What is depended on, when it exists… */
    targetId: idSchema.optional(),
    /** …or a new vendor, system or site, added with the dependency in one change (one undo). */
    newTarget: newDependencyTargetSchema.strict().optional(),
    recoveryHours: hours.nullable().optional(),
    notes: text(2000).nullable().optional(),
  })
  .strict()
  .refine((d) => (d.targetId === undefined) !== (d.newTarget === undefined), { message: 'send either targetId or newTarget', path: ['targetId'] });
export const dependencyUpdateSchema = z.object({
  id: idSchema,
  /** Change what is depended on: kind and targetId together. */
  kind: z.enum(dependencyKinds).optional(),
  targetId: idSchema.optional(),
  recoveryHours: hours.nullable().optional(),
  notes: text(2000).nullable().optional(),
});

// ---------------------------------------------------------------------------------------------
// Plans, steps, call trees, exercises

export const planStepSchema = z.object({
  id: idSchema,
  position: z.number().int(),
  action: z.string(),
  ownerPersonId: idSchema,
  ownerName: z.string(),
  ownerPhone: z.string().nullable(),
  /** Hours from activation within which the step is done. */
  withinHours: z.number().nullable(),
  /** True when the owner's end date has passed. */
  ownerLeft: z.boolean(),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const callTreeEntrySchema = z.object({
  id: idSchema,
  personId: idSchema,
  personName: z.string(),
  phone: z.string().nullable(),
  /** The entry that calls this one; null for the first caller(s). */
  parentEntryId: idSchema.nullable(),
  alternatePersonId: idSchema.nullable(),
  alternateName: z.string().nullable(),
  alternatePhone: z.string().nullable(),
  /** Order among siblings (and in the list as sent). */
  position: z.number().int(),
  /** Depth in the tree: 0 for a first caller. */
  depth: z.number().int(),
  personLeft: z.boolean(),
  alternateLeft: z.boolean(),
});
export type CallTreeEntry = z.infer<typeof callTreeEntrySchema>;

export const exerciseActionSchema = z.object({
  id: idSchema,
  action: z.string(),
  ownerPersonId: idSchema.nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  done: z.boolean(),
});
export type ExerciseAction = z.infer<typeof exerciseActionSchema>;

export const exerciseSchema = z.object({
  id: idSchema,
  planId: idSchema,
  planName: z.string(),
  kind: z.enum(exerciseKinds),
  heldOn: z.string(),
  participants: z.string(),
  summary: z.string(),
  findings: z.string(),
  nextDue: z.string().nullable(),
  actions: z.array(exerciseActionSchema),
});
export type Exercise = z.infer<typeof exerciseSchema>;

export const planSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  processId: idSchema.nullable(),
  processName: z.string().nullable(),
  /** The process's tier; null for a scenario plan without a process. */
  tier: z.number().int().nullable(),
  scenario: z.enum(planScenarios).nullable(),
  reviewedOn: z.string().nullable(),
  stepCount: z.number().int(),
  callTreeCount: z.number().int(),
  lastExercisedOn: z.string().nullable(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planDetailSchema = planSummarySchema.extend({
  activationCriteria: z.string(),
  workarounds: z.string(),
  /** In order. */
  steps: z.array(planStepSchema),
  /** Depth-first: each entry after the one that calls it, siblings by position. */
  callTree: z.array(callTreeEntrySchema),
  /** Newest first. */
  exercises: z.array(exerciseSchema),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

const planFields = {
  name,
  processId: idSchema.nullable(),
  scenario: z.enum(planScenarios).nullable(),
  activationCriteria: text(8000),
  workarounds: text(8000),
  reviewedOn: dateSchema.nullable(),
};
export const planCreateSchema = z.object({ name }).extend(z.object(planFields).omit({ name: true }).partial().shape);
export const planUpdateSchema = z.object({ id: idSchema }).extend(z.object(planFields).partial().shape);

export const setStepsSchema = z.object({
  planId: idSchema,
  /**
   * The whole ordered list (reorder = send it in the new order). `id` keeps an existing step of
   * this plan; a step without one is new; steps left out are removed.
   */
  steps: z
    .array(
      z.object({
        id: idSchema.optional(),
        action: text(2000),
        ownerPersonId: idSchema.nullable(),
        withinHours: hours.nullable().optional(),
      }),
    )
    .max(500),
});

export const setCallTreeSchema = z.object({
  planId: idSchema,
  /**
   * The whole tree, as a list in sibling order. `id` is an existing entry id of this plan (kept)
   * or any new string the caller picks (a new entry; the stored id is generated); `parentId`
   * names another entry of this list, or null for a first caller. Entries left out are removed.
   */
  entries: z
    .array(
      z.object({
        id: idSchema,
        personId: idSchema,
        parentId: idSchema.nullable(),
        alternatePersonId: idSchema.nullable().optional(),
      }),
    )
    .max(500),
});

const exerciseActionInputSchema = z.object({
  /** Keeps an existing action of this exercise; without it the action is new. */
  id: idSchema.optional(),
  action: text(2000),
  ownerPersonId: idSchema.nullable().optional(),
  dueOn: dateSchema.nullable().optional(),
  done: z.boolean().optional(),
});
const exerciseFields = {
  kind: z.enum(exerciseKinds),
  heldOn: dateSchema,
  participants: text(4000),
  summary: text(8000),
  findings: text(8000),
  nextDue: dateSchema.nullable(),
  /** The whole list of actions; left out on update keeps them. */
  actions: z.array(exerciseActionInputSchema).max(200),
};
export const exerciseCreateSchema = z
  .object({ planId: idSchema, kind: exerciseFields.kind, heldOn: exerciseFields.heldOn })
  .extend(z.object(exerciseFields).omit({ kind: true, heldOn: true }).partial().shape);
export const exerciseUpdateSchema = z.object({ id: idSchema }).extend(z.object(exerciseFields).partial().shape);

// ---------------------------------------------------------------------------------------------
// Overview, detail, map

export const processOverviewSchema = z.object({
  id: idSchema,
  name: z.string(),
  tier: z.number().int(),
  rtoHours: z.number().nullable(),
  rpoHours: z.number().nullable(),
  mtpdHours: z.number().nullable(),
  ownerPersonId: idSchema.nullable(),
  ownerPersonName: z.string().nullable(),
  ownerDepartmentId: idSchema.nullable(),
  ownerDepartmentName: z.string().nullable(),
  planCount: z.number().int(),
  dependencyCount: z.number().int(),
  lastExercisedOn: z.string().nullable(),
  /** When the next exercise is due: the latest exercise's next-due date, else a year after it; null if never exercised. */
  nextExerciseDue: z.string().nullable(),
  readiness: readinessSchema,
});
export type ProcessOverview = z.infer<typeof processOverviewSchema>;

export const continuityOverviewSchema = z.object({
  /** By tier, then name. */
  processes: z.array(processOverviewSchema),
  /** Plans not tied to a process (scenario plans), by name, each judged by the plan rules of readiness. */
  scenarioPlans: z.array(
    planSummarySchema.extend({
      /** As for a process: the latest exercise's next-due date, else a year after it; null if never exercised. */
      nextExerciseDue: z.string().nullable(),
      readiness: readinessSchema,
    }),
  ),
  /** Tier-weighted mean of the process scores (Tier 1 ×4 … Tier 4 ×1); null without processes. */
  overallScore: z.number().int().nullable(),
  counts: z.object({
    processes: z.number().int(),
    /** Processes per tier: index 0 is Tier 1. */
    byTier: z.array(z.number().int()),
    plans: z.number().int(),
    gaps: z.number().int(),
    processesWithGaps: z.number().int(),
    /** Exercises held in the twelve months up to today. */
    exercisesLastYear: z.number().int(),
    /** Processes with a plan whose exercise is due: never exercised, or overdue. */
    exercisesDue: z.number().int(),
    vendors: z.number().int(),
    assets: z.number().int(),
  }),
  settings: continuitySettingsSchema,
  /** The day readiness was judged on (the workspace clock), YYYY-MM-DD. */
  today: z.string(),
});
export type ContinuityOverview = z.infer<typeof continuityOverviewSchema>;

export const processDetailSchema = z.object({
  process: processSchema,
  bia: biaSchema,
  dependencies: z.array(dependencySchema),
  /** The process's plans, by name. */
  plans: z.array(planDetailSchema),
  /** Processes that depend on this one, by name. */
  dependents: z.array(z.object({ id: idSchema, name: z.string() })),
  readiness: readinessSchema,
});
export type ProcessDetail = z.infer<typeof processDetailSchema>;

export const mapNodeKinds = ['process', 'person', 'system', 'site', 'vendor'] as const;
export const mapNodeSchema = z.object({
  /** "<kind>:<id>", unique in the map. */
  id: z.string(),
  kind: z.enum(mapNodeKinds),
  refId: idSchema,
  label: z.string(),
  /** Processes only. */
  tier: z.number().int().nullable(),
  /** Processes only: their readiness score. */
  score: z.number().int().nullable(),
  recoveryHours: z.number().nullable(),
  singlePointOfFailure: z.boolean(),
});
export const mapEdgeSchema = z.object({
  /** The dependency's id. */
  id: idSchema,
  /** The process node that depends… */
  from: z.string(),
  /** …on this node. */
  to: z.string(),
  effectiveRecoveryHours: z.number().nullable(),
  exceedsRto: z.boolean(),
});
export const singlePointSchema = z.object({
  nodeId: z.string(),
  kind: z.enum(['person', 'system', 'site', 'vendor']),
  refId: idSchema,
  name: z.string(),
  /** The processes that depend on it, by name. */
  processes: z.array(z.string()),
  /** Why it counts, e.g. "2 processes depend on it (Dispatch, Payroll) and it has no alternate." */
  reason: z.string(),
});
export const dependencyMapSchema = z.object({
  nodes: z.array(mapNodeSchema),
  edges: z.array(mapEdgeSchema),
  singlePointsOfFailure: z.array(singlePointSchema),
});
export type DependencyMap = z.infer<typeof dependencyMapSchema>;

// ---------------------------------------------------------------------------------------------
// The methods

const none = z.object({}).strict();
const byId = z.object({ id: idSchema }).strict();
const done = z.object({ ok: z.literal(true) });

export const continuityMethods = {
  'continuity.overview': query(none, continuityOverviewSchema, 'Every process with tier, objectives, owner and readiness; overall score and counts.'),
  'continuity.process': query(byId, processDetailSchema, 'One process: fields, impact analysis with suggested RTO, dependencies, plans, readiness.'),
  'continuity.createProcess': mutation(processCreateSchema.strict(), processDetailSchema, 'Add a critical process.'),
  'continuity.updateProcess': mutation(processUpdateSchema.strict(), processDetailSchema, 'Edit a process (tier, RTO/RPO/MTPD, owner, …).'),
  'continuity.deleteProcess': mutation(
    byId,
    done,
    'Delete a process with its impact analysis, dependencies, its own plans and risk links; refused while other processes depend on it.',
  ),
  'continuity.setBia': mutation(setBiaSchema.strict(), processDetailSchema, 'Replace the whole impact analysis table of a process (and its cost per day) in one change.'),

  'continuity.addDependency': mutation(dependencyCreateSchema, processDetailSchema, 'Add what a process depends on: a person, process, system, site or vendor.'),
  'continuity.updateDependency': mutation(dependencyUpdateSchema.strict(), processDetailSchema, 'Edit a dependency: target, recovery time, notes.'),
  'continuity.removeDependency': mutation(byId, processDetailSchema, 'Remove a dependency.'),

  'continuity.vendors': query(none, z.array(vendorSchema), 'The vendor register, by name.'),
  'continuity.createVendor': mutation(vendorCreateSchema.strict(), vendorSchema, 'Add a vendor.'),
  'continuity.updateVendor': mutation(vendorUpdateSchema.strict(), vendorSchema, 'Edit a vendor.'),
  'continuity.deleteVendor': mutation(
    deleteWithReassignSchema.strict(),
    done,
    'Delete a vendor; refused (with the processes and risks by name) while used, unless reassignTo moves every reference first.',
  ),

  'continuity.assets': query(z.object({ kind: z.enum(assetKinds).optional() }).strict(), z.array(assetSchema), 'Systems and sites, by kind then name.'),
  'continuity.createAsset': mutation(assetCreateSchema.strict(), assetSchema, 'Add a system or a site.'),
  'continuity.updateAsset': mutation(assetUpdateSchema.strict(), assetSchema, 'Edit a system or site.'),
  'continuity.deleteAsset': mutation(
    deleteWithReassignSchema.strict(),
    done,
    'Delete a system or site; refused (with the processes) while used, unless reassignTo (same kind) moves them first.',
  ),

  'continuity.usage': query(usageQuerySchema.strict(), usageSchema, 'Where a person, vendor or asset is used: what deleting it would refuse over.'),

  'continuity.plans': query(none, z.array(planSummarySchema), 'Every plan (process and scenario plans), by name.'),
  'continuity.plan': query(byId, planDetailSchema, 'One plan with its steps, call tree and exercises.'),
  'continuity.createPlan': mutation(planCreateSchema.strict(), planDetailSchema, 'Add a plan for a process and/or a scenario.'),
  'continuity.updatePlan': mutation(planUpdateSchema.strict(), planDetailSchema, 'Edit a plan (name, scope, activation criteria, workarounds, review date).'),
  'continuity.deletePlan': mutation(byId, done, 'Delete a plan with its steps, call tree and exercises.'),
  'continuity.setSteps': mutation(setStepsSchema.strict(), planDetailSchema, 'Replace the ordered recovery steps of a plan in one change (reorder = set).'),
  'continuity.setCallTree': mutation(setCallTreeSchema.strict(), planDetailSchema, 'Replace the call tree of a plan in one change.'),

  'continuity.createExercise': mutation(exerciseCreateSchema.strict(), exerciseSchema, 'Record an exercise of a plan, with its actions.'),
  'continuity.updateExercise': mutation(exerciseUpdateSchema.strict(), exerciseSchema, 'Edit an exercise; actions, when sent, replace the list.'),
  'continuity.deleteExercise': mutation(byId, done, 'Delete an exercise and its actions.'),

  'continuity.settings': query(none, continuitySettingsSchema, 'Impact tolerance (1–5) and risk appetite (1–25).'),
  'continuity.setSettings': mutation(continuitySettingsUpdateSchema.strict(), continuitySettingsSchema, 'Set the impact tolerance and/or the risk appetite.'),

  'continuity.map': query(none, dependencyMapSchema, 'Processes and what they depend on as a graph, with single points of failure.'),
} as const;
