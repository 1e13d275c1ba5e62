/** Everything the command palette can do, built from the current state. */
import { useContinuity, type ContinuityTab } from '../features/continuity/continuity-store';
import { exportBudgetTemplates } from '../features/plans/export-templates';
import { departmentOptionText } from './pickers';
import { redo, undo, useApp } from './store';
import { views } from './views';

export interface Command {
  id: string;
  title: string;
  /** A short hint on the right, e.g. the shortcut. */
  hint?: string;
  run: () => void;
}

export function buildCommands(): Command[] {
  const s = useApp.getState();
  const plan = s.plans.find((p) => p.id === s.planId) ?? null;
  const commands: Command[] = views.map((v, i) => ({
    id: `view:${v.id}`,
    title: `Go to ${v.label}`,
    hint: `Alt+${i + 1}`,
    run: () => s.setView(v.id),
  }));
  commands.push(
    {
      id: 'undo',
      title: s.history.undoLabel ? `Undo ${s.history.undoLabel}` : 'Undo',
      hint: 'Ctrl+Z',
      run: () => void undo(),
    },
    {
      id: 'redo',
      title: s.history.redoLabel ? `Redo ${s.history.redoLabel}` : 'Redo',
      hint: 'Ctrl+Shift+Z',
      run: () => void redo(),
    },
    { id: 'create-plan', title: 'Create plan…', run: () => s.openDialog({ kind: 'createPlan' }) },
    { id: 'add-department', title: 'Add department…', run: () => s.openDialog({ kind: 'addDepartment', parentId: s.departmentId }) },
    { id: 'add-account', title: 'Add account…', run: () => s.openDialog({ kind: 'addAccount' }) },
    { id: 'import', title: 'Import a spreadsheet…', hint: 'Alt+6', run: () => s.setView('import') },
    { id: 'board-pack', title: 'Board pack: preview and export PDF…', hint: 'Alt+7', run: () => s.setView('reports') },
    { id: 'help', title: 'Show keyboard shortcuts', hint: '?', run: () => s.setHelpOpen(true) },
    { id: 'workspace-settings', title: 'Workspace settings: name, date format…', run: () => s.openDialog({ kind: 'workspaceSettings' }) },
  );
  const continuityTab = (tab: ContinuityTab) => () => {
    useContinuity.getState().setTab(tab);
    s.setView('continuity');
  };
  commands.push(
    { id: 'continuity:processes', title: 'Continuity: critical processes and readiness', run: continuityTab('processes') },
    { id: 'continuity:register', title: 'Continuity: vendors, systems and sites', run: continuityTab('register') },
    { id: 'continuity:map', title: 'Continuity: dependency map and single points of failure', run: continuityTab('map') },
    { id: 'continuity:settings', title: 'Continuity: impact tolerance and risk appetite', run: continuityTab('settings') },
    { id: 'risks', title: 'Risk register and heat map', hint: 'Alt+9', run: () => s.setView('risks') },
  );
  if (plan) {
    commands.push({ id: 'copy-plan', title: `Copy plan ${plan.name}…`, run: () => s.openDialog({ kind: 'copyPlan', planId: plan.id }) });
    commands.push({ id: 'export-templates', title: `Export budget templates for ${plan.name}…`, run: () => void exportBudgetTemplates(plan) });
    if (plan.status !== 'locked') {
      commands.push({ id: 'lock-plan', title: `Lock plan ${plan.name}…`, run: () => s.openDialog({ kind: 'lockPlan', planId: plan.id }) });
    }
  }
  for (const p of s.plans) {
    commands.push({ id: `plan:${p.id}`, title: `Switch plan: ${p.name}`, hint: p.status, run: () => s.setPlan(p.id) });
  }
  for (const d of s.departments) {
    commands.push({
      id: `department:${d.id}`,
      title: `Switch department: ${departmentOptionText(d).trim()}`,
      run: () => s.setDepartment(d.id),
    });
  }
  return commands;
}
