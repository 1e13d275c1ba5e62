import { useApp, type Toast } from './store';

/** Errors are an alert region (read out at once); confirmations a polite status region. */
const stacks: { kind: Toast['kind']; role: 'alert' | 'status' }[] = [
  { kind: 'error', role: 'alert' },
  { kind: 'info', role: 'status' },
];

/** Errors and confirmations; each shows the server's message, never a stack. */
export function Toasts() {
  const toasts = useApp((s) => s.toasts);
  const dismiss = useApp((s) => s.dismissToast);
  return (
    <div className="toasts">
      {stacks.map(({ kind, role }) => (
        <div key={kind} role={role} className="toast-stack">
          {toasts
            .filter((t) => t.kind === kind)
            .map((t) => (
              <div key={t.id} className={`toast ${kind}`} data-testid={`toast-${kind}`}>
                <span className="toast-text">{t.message}</span>
                {t.action ? (
                  <button
                    type="button"
                    className="link-button toast-action"
                    onClick={() => {
                      dismiss(t.id);
                      t.action?.run();
                    }}
                  >
                    {t.action.label}
                  </button>
                ) : null}
                <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
                  ×
                </button>
              </div>
            ))}
        </div>
      ))}
    </div>
  );
}
