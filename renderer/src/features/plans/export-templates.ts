/**
 * "Export budget templates": one workbook with a sheet per leaf department of a plan, pre-filled
 * with the plan's figures, for managers to fill in and send back. The workspace builds the file
 * (a query: nothing in the workspace changes); the page only saves it.
 */
import { create } from 'zustand';
import type { Plan } from '../../../../shared/budget';
import { call, errorMessage, saveFile } from '../../api';
import { useApp } from '../../app/store';

/** Which plan is being exported; one export at a time is plenty, and the button shows it. */
export const useTemplateExport = create<{ busyPlanId: string | null }>()(() => ({ busyPlanId: null }));

/** Building a workbook for a large org takes a few seconds; more than a query's usual deadline. */
const exportTimeoutMs = 120_000;

export async function exportBudgetTemplates(plan: Pick<Plan, 'id' | 'name'>): Promise<void> {
  if (useTemplateExport.getState().busyPlanId !== null) return;
  const app = useApp.getState();
  useTemplateExport.setState({ busyPlanId: plan.id });
  try {
    const file = await call('imports.templates', { planId: plan.id }, { timeoutMs: exportTimeoutMs });
    const saved = await saveFile(file.fileName, file.base64);
    if (saved.saved) app.toast('info', `Saved ${saved.path ?? file.fileName}`);
  } catch (err) {
    app.toast('error', errorMessage(err));
  } finally {
    useTemplateExport.setState({ busyPlanId: null });
  }
}
