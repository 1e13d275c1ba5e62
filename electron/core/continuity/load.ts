/**
 * Everything the continuity domain holds, loaded in one read so that every figure computed from
 * it (readiness, the overview, the go-bag PDF, the board pack section) comes from one state of the
 * workspace. The pure functions in readiness.ts and dependency-map.ts work on this object.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import {
  assets,
  callTreeEntries,
  continuityPlans,
  dependencies,
  departments,
  exerciseActions,
  exercises,
  people,
  planSteps,
  processes,
  processImpacts,
  vendors,
  workspace,
} from '../db/schema';
import type { ContinuitySettings } from '../../../shared/continuity';
import { readTransaction } from '../db/transactions';

export type ProcessRow = typeof processes.$inferSelect;
export type ImpactRow = typeof processImpacts.$inferSelect;
export type DependencyRow = typeof dependencies.$inferSelect;
export type PlanRow = typeof continuityPlans.$inferSelect;
export type StepRow = typeof planSteps.$inferSelect;
export type CallTreeRow = typeof callTreeEntries.$inferSelect;
export type ExerciseRow = typeof exercises.$inferSelect;
export type ExerciseActionRow = typeof exerciseActions.$inferSelect;
export type VendorRow = typeof vendors.$inferSelect;
export type AssetRow = typeof assets.$inferSelect;

export interface PersonLite {
  id: string;
  name: string;
  phone: string | null;
  endDate: string | null;
  status: 'active' | 'open';
}

export interface DepartmentLite {
  id: string;
  code: string;
  name: string;
}

/** The continuity rows of a workspace, with the people and departments they name. */
export interface ContinuityData {
  /** The workspace clock's day, YYYY-MM-DD (UTC): readiness is judged on it. */
  today: string;
  settings: ContinuitySettings;
  processes: ProcessRow[];
  impacts: ImpactRow[];
  dependencies: DependencyRow[];
  plans: PlanRow[];
  steps: StepRow[];
  callTree: CallTreeRow[];
  exercises: ExerciseRow[];
  actions: ExerciseActionRow[];
  vendors: VendorRow[];
  assets: AssetRow[];
  people: Map<string, PersonLite>;
  departments: Map<string, DepartmentLite>;
}

/** The day of the workspace clock (ctx.now(), which tests pin), as YYYY-MM-DD. */
export function today(ctx: Ctx): string {
  return ctx.now().toISOString().slice(0, 10);
}

/** Impact tolerance and risk appetite, from the workspace row. */
export function readSettings(ctx: Ctx): ContinuitySettings {
  const row = ctx.db
    .select({ impactTolerance: workspace.impactTolerance, riskAppetite: workspace.riskAppetite })
    .from(workspace)
    .where(eq(workspace.id, 1))
    .get();
  if (!row) throw new AppError('not_found', `${ctx.fileName} has no workspace settings yet: it was never initialised.`);
  return row;
}

/** Loads every continuity row in one read transaction. */
export function loadData(ctx: Ctx): ContinuityData {
  return readTransaction(ctx.db, () => {
    const personRows = ctx.db
      .select({ id: people.id, name: people.name, phone: people.phone, endDate: people.endDate, status: people.status })
      .from(people)
      .all();
    const departmentRows = ctx.db.select({ id: departments.id, code: departments.code, name: departments.name }).from(departments).all();
    return {
      today: today(ctx),
      settings: readSettings(ctx),
      processes: ctx.db.select().from(processes).all(),
      impacts: ctx.db.select().from(processImpacts).all(),
      dependencies: ctx.db.select().from(dependencies).all(),
      plans: ctx.db.select().from(continuityPlans).all(),
      steps: ctx.db.select().from(planSteps).all(),
      callTree: ctx.db.select().from(callTreeEntries).all(),
      exercises: ctx.db.select().from(exercises).all(),
      actions: ctx.db.select().from(exerciseActions).all(),
      vendors: ctx.db.select().from(vendors).all(),
      assets: ctx.db.select().from(assets).all(),
      people: new Map(personRows.map((p) => [p.id, p])),
      departments: new Map(departmentRows.map((d) => [d.id, d])),
    };
  });
}

function groupBy<T>(rows: T[], key: (row: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
export { byName };

/** Lookups over loaded data, built once per load. */
export class ContinuityIndex {
  readonly processById: Map<string, ProcessRow>;
  readonly vendorById: Map<string, VendorRow>;
  readonly assetById: Map<string, AssetRow>;
  readonly planById: Map<string, PlanRow>;
  readonly impactsByProcess: Map<string, ImpactRow[]>;
  readonly dependenciesByProcess: Map<string, DependencyRow[]>;
  readonly plansByProcess: Map<string, PlanRow[]>;
  readonly stepsByPlan: Map<string, StepRow[]>;
  readonly callTreeByPlan: Map<string, CallTreeRow[]>;
  readonly exercisesByPlan: Map<string, ExerciseRow[]>;
  readonly actionsByExercise: Map<string, ExerciseActionRow[]>;

  constructor(readonly data: ContinuityData) {
    this.processById = new Map(data.processes.map((p) => [p.id, p]));
    this.vendorById = new Map(data.vendors.map((v) => [v.id, v]));
    this.assetById = new Map(data.assets.map((a) => [a.id, a]));
    this.planById = new Map(data.plans.map((p) => [p.id, p]));
    this.impactsByProcess = groupBy(data.impacts, (r) => r.processId);
    this.dependenciesByProcess = groupBy(data.dependencies, (r) => r.processId);
    this.plansByProcess = groupBy([...data.plans].sort(byName), (r) => r.processId);
    this.stepsByPlan = groupBy(
      [...data.steps].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1)),
      (r) => r.planId,
    );
    this.callTreeByPlan = groupBy(
      [...data.callTree].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1)),
      (r) => r.planId,
    );
    // Newest first.
    this.exercisesByPlan = groupBy(
      [...data.exercises].sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : a.createdAt < b.createdAt ? 1 : -1)),
      (r) => r.planId,
    );
    this.actionsByExercise = groupBy(data.actions, (r) => r.exerciseId);
  }

  personName(id: string | null): string | null {
    if (id === null) return null;
    return this.data.people.get(id)?.name ?? null;
  }

  /** True when the person's end date is before today. */
  hasLeft(id: string | null): boolean {
    if (id === null) return false;
    const p = this.data.people.get(id);
    return p?.endDate != null && p.endDate < this.data.today;
  }

  /** The exercises of every plan of a process, newest first. */
  exercisesOfProcess(processId: string): ExerciseRow[] {
    return (this.plansByProcess.get(processId) ?? [])
      .flatMap((p) => this.exercisesByPlan.get(p.id) ?? [])
      .sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : 0));
  }
}
