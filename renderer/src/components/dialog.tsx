import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';

interface DialogProps {
  /** The dialog's accessible name and visible title. */
  label: string;
  onClose: () => void;
  children: ReactNode;
  /** When given, the body is a form and Enter submits it. */
  onSubmit?: () => void | Promise<void>;
  submitLabel?: string;
  /** A refusal or validation message, shown in the dialog (role=alert). */
  error?: string | null;
  danger?: boolean;
  wide?: boolean;
  busy?: boolean;
}

const tabbable = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The controls Tab can reach inside `root`, in document order (a radio group is one stop: its checked radio). */
function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(tabbable)].filter((el) => {
    if ((el as HTMLButtonElement).disabled || el.tabIndex < 0 || el.getClientRects().length === 0) return false;
    if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
    if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) return false;
    return true;
  });
}

/**
 * A modal on the native <dialog>: the browser makes the page behind inert and closes on Escape,
 * which no hand-written overlay gets fully right. Two things it leaves to us: Tab past either end
 * leaves the page for the browser's own controls (so it wraps round here instead), and focus is
 * lost when the dialog is removed rather than closed (so it goes back to what opened it).
 */
export function Dialog({ label, onClose, children, onSubmit, submitLabel = 'Save', error, danger, wide, busy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Read while rendering, before anything in the dialog takes focus: the button that opened it.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null));

  // A layout effect, so the cleanup runs while the dialog is still in the document.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // Back where the user was; a button that went with the change (a deleted row's) is left alone.
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);

  const wrapTab = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
    const stops = tabStops(e.currentTarget);
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) return;
    const at = document.activeElement;
    if (e.shiftKey && (at === first || at === e.currentTarget)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && at === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) void onSubmit?.();
  };

  const body = (
    <>
      <h2 id={titleId} className="dialog-title">
        {label}
      </h2>
      <div className="dialog-body">{children}</div>
      {error ? (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {onSubmit ? 'Cancel' : 'Close'}
        </button>
        {onSubmit ? (
          <button type="submit" className={danger ? 'button danger' : 'button primary'} disabled={busy}>
            {submitLabel}
          </button>
        ) : null}
      </div>
    </>
  );

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-labelledby={titleId}
      onKeyDown={wrapTab}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {onSubmit ? (
        <form onSubmit={submit} noValidate>
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>
  );
}

/** Busy flag and error text for a dialog whose submit calls the server. */
export function useSubmitState() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    try {
      setError(await work());
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
