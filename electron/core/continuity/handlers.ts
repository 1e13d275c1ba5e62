/** The continuity domain's handlers, spread into the handler map (electron/core/handlers.ts). */
import type { Handlers } from '../../../shared/contract';
import type { continuityMethods } from '../../../shared/continuity';
import type { Ctx } from '../context';
import { createExercise, createPlan, deleteExercise, deletePlan, setCallTree, setSteps, updateExercise, updatePlan } from './plan-service';
import { addDependency, createProcess, deleteProcess, removeDependency, setBia, updateDependency, updateProcess } from './process-service';
import { usageOf } from './references';
import { createAsset, createVendor, deleteAsset, deleteVendor, updateAsset, updateVendor } from './register-service';
import { getContinuitySettings, setContinuitySettings } from './settings';
import { continuityOverview, dependencyMap, listAssets, listPlans, listVendors, planDetail, processDetail } from './views';

const done = { ok: true as const };

export function continuityHandlers(ctx: Ctx): Pick<Handlers, keyof typeof continuityMethods> {
  return {
    'continuity.overview': () => continuityOverview(ctx),
    'continuity.process': (input) => processDetail(ctx, input.id),
    'continuity.createProcess': (input) => createProcess(ctx, input),
    'continuity.updateProcess': (input) => updateProcess(ctx, input),
    'continuity.deleteProcess': (input) => (deleteProcess(ctx, input.id), done),
    'continuity.setBia': (input) => setBia(ctx, input),

    'continuity.addDependency': (input) => addDependency(ctx, input),
    'continuity.updateDependency': (input) => updateDependency(ctx, input),
    'continuity.removeDependency': (input) => removeDependency(ctx, input.id),

    'continuity.vendors': () => listVendors(ctx),
    'continuity.createVendor': (input) => createVendor(ctx, input),
    'continuity.updateVendor': (input) => updateVendor(ctx, input),
    'continuity.deleteVendor': (input) => (deleteVendor(ctx, input), done),

    'continuity.assets': (input) => listAssets(ctx, input.kind),
    'continuity.createAsset': (input) => createAsset(ctx, input),
    'continuity.updateAsset': (input) => updateAsset(ctx, input),
    'continuity.deleteAsset': (input) => (deleteAsset(ctx, input), done),

    'continuity.usage': (input) => usageOf(ctx, input.kind, input.id),

    'continuity.plans': () => listPlans(ctx),
    'continuity.plan': (input) => planDetail(ctx, input.id),
    'continuity.createPlan': (input) => createPlan(ctx, input),
    'continuity.updatePlan': (input) => updatePlan(ctx, input),
    'continuity.deletePlan': (input) => (deletePlan(ctx, input.id), done),
    'continuity.setSteps': (input) => setSteps(ctx, input),
    'continuity.setCallTree': (input) => setCallTree(ctx, input),

    'continuity.createExercise': (input) => createExercise(ctx, input),
    'continuity.updateExercise': (input) => updateExercise(ctx, input),
    'continuity.deleteExercise': (input) => (deleteExercise(ctx, input.id), done),

    'continuity.settings': () => getContinuitySettings(ctx),
    'continuity.setSettings': (input) => setContinuitySettings(ctx, input),

    'continuity.map': () => dependencyMap(ctx),
  };
}
