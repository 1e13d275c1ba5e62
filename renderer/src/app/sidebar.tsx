import { useApp } from './store';
import { views } from './views';

export function Sidebar() {
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const workspace = useApp((s) => s.workspace);
  return (
    <nav className="sidebar" aria-label="Views">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          Q
        </span>
        <span className="brand-name">Quartermaster</span>
      </div>
      <ul className="nav-list">
        {views.map((v, i) => (
          <li key={v.id}>
            <button
              type="button"
              className={view === v.id ? 'nav-item active' : 'nav-item'}
              aria-current={view === v.id ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${i + 1}`}
              onClick={() => setView(v.id)}
            >
              <span>{v.label}</span>
              <kbd className="nav-key" aria-hidden="true">
                Alt {i + 1}
              </kbd>
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">
        {workspace ? (
          <span className="muted" title={workspace.fileName}>
            {workspace.fileName.split(/[\\/]/).pop()}
          </span>
        ) : null}
        <button type="button" className="link-button" onClick={() => useApp.getState().openDialog({ kind: 'workspaceSettings' })}>
          Workspace settings
        </button>
        <button type="button" className="link-button" onClick={() => useApp.getState().setHelpOpen(true)}>
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      </div>
    </nav>
  );
}
