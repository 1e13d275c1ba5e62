import { useApp } from './store';

/**
 * Errors and confirmations. Errors are an alert region (read out at once) and stay longer;
 * each shows the server's message, never a stack.
 */
export function Toasts() {
  const toasts = useApp((s) => s.toasts);
  const dismiss = useApp((s) => s.dismissToast);
  const errors = toasts.filter((t) => t.kind === 'error');
  const infos = toasts.filter((t) => t.kind === 'info');
  return (
    <div className="toasts">
      <div role="alert" className="toast-stack">
        {errors.map((t) => (
          <div key={t.id} className="toast error" data-testid="toast-error">
            <span className="toast-text">{t.message}</span>
            <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
      <div role="status" className="toast-stack">
        {infos.map((t) => (
          <div key={t.id} className="toast info" data-testid="toast-info">
            <span className="toast-text">{t.message}</span>
            <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
