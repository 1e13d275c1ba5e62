import { redo, undo, useApp } from './store';

interface HistoryButtonProps {
  verb: 'Undo' | 'Redo';
  icon: string;
  keys: string;
  label: string | null;
  enabled: boolean;
  run: () => Promise<void>;
}

function HistoryButton({ verb, icon, keys, label, enabled, run }: HistoryButtonProps) {
  const labelId = `${verb.toLowerCase()}-label`;
  return (
    <button
      type="button"
      className="button ghost history-button"
      aria-label={verb}
      aria-describedby={labelId}
      title={label ? `${verb} ${label} (${keys})` : `Nothing to ${verb.toLowerCase()}`}
      disabled={!enabled}
      onClick={() => void run()}
    >
      <span aria-hidden="true" className="history-icon">
        {icon}
      </span>
      <span className="history-verb">{verb}</span>
      <span id={labelId} className="history-label">
        {label ?? ''}
      </span>
    </button>
  );
}

/** Undo and redo with what they would do, so the user knows before pressing. */
export function HistoryToolbar() {
  const history = useApp((s) => s.history);
  return (
    <div className="history-toolbar" role="group" aria-label="History">
      <HistoryButton verb="Undo" icon="↶" keys="Ctrl+Z" label={history.undoLabel} enabled={history.canUndo} run={undo} />
      <HistoryButton verb="Redo" icon="↷" keys="Ctrl+Shift+Z" label={history.redoLabel} enabled={history.canRedo} run={redo} />
    </div>
  );
}
