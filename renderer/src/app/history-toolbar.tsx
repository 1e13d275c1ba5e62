import { redo, undo, useApp } from './store';

/** Undo and redo with what they would do, so the user knows before pressing. */
export function HistoryToolbar() {
  const history = useApp((s) => s.history);
  return (
    <div className="history-toolbar" role="group" aria-label="History">
      <button
        type="button"
        className="button ghost history-button"
        aria-label="Undo"
        aria-describedby="undo-label"
        title={history.undoLabel ? `Undo ${history.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
        disabled={!history.canUndo}
        onClick={() => void undo()}
      >
        <span aria-hidden="true" className="history-icon">
          ↶
        </span>
        <span className="history-verb">Undo</span>
        <span id="undo-label" className="history-label">
          {history.undoLabel ?? ''}
        </span>
      </button>
      <button
        type="button"
        className="button ghost history-button"
        aria-label="Redo"
        aria-describedby="redo-label"
        title={history.redoLabel ? `Redo ${history.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        disabled={!history.canRedo}
        onClick={() => void redo()}
      >
        <span aria-hidden="true" className="history-icon">
          ↷
        </span>
        <span className="history-verb">Redo</span>
        <span id="redo-label" className="history-label">
          {history.redoLabel ?? ''}
        </span>
      </button>
    </div>
  );
}
