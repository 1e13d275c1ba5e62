import { DepartmentDialog } from '../features/org/department-dialog';
import { AccountDialog } from '../features/accounts/account-dialog';
import { CopyPlanDialog, CreatePlanDialog, LockPlanDialog } from '../features/plans/plan-dialogs';
import { useApp } from './store';
import { WorkspaceSettingsDialog } from './workspace-settings-dialog';

/** Dialogs that the palette and several views can open. */
export function GlobalDialogs() {
  const dialog = useApp((s) => s.dialog);
  const close = () => useApp.getState().openDialog(null);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'createPlan':
      return <CreatePlanDialog onClose={close} />;
    case 'copyPlan':
      return <CopyPlanDialog planId={dialog.planId} onClose={close} />;
    case 'lockPlan':
      return <LockPlanDialog planId={dialog.planId} onClose={close} />;
    case 'addDepartment':
      return <DepartmentDialog department={null} parentId={dialog.parentId} onClose={close} />;
    case 'addAccount':
      return <AccountDialog account={null} onClose={close} />;
    case 'workspaceSettings':
      return <WorkspaceSettingsDialog onClose={close} />;
  }
}
