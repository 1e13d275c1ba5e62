import { HistoryToolbar } from './history-toolbar';
import { DepartmentPicker, PlanPicker } from './pickers';
import { useApp } from './store';

export function TopBar() {
  const workspace = useApp((s) => s.workspace);
  const view = useApp((s) => s.view);
  const setPaletteOpen = useApp((s) => s.setPaletteOpen);
  const showPickers = view === 'budget' || view === 'variance';
  return (
    <header className="top-bar">
      <div className="workspace-name">
        <span data-testid="workspace-name">{workspace?.name ?? 'Quartermaster'}</span>
        {workspace ? (
          <span className="badge neutral" title="Workspace currency">
            {workspace.currency}
          </span>
        ) : null}
      </div>
      {showPickers ? (
        <div className="pickers">
          <PlanPicker />
          <DepartmentPicker />
        </div>
      ) : (
        <div className="pickers" />
      )}
      <HistoryToolbar />
      <button type="button" className="button ghost palette-button" onClick={() => setPaletteOpen(true)} aria-keyshortcuts="Control+K">
        Commands <kbd>Ctrl K</kbd>
      </button>
    </header>
  );
}
