import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';

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

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind inert and
 * closes on Escape, which no hand-written overlay gets fully right.
 */
export function Dialog({ label, onClose, children, onSubmit, submitLabel = 'Save', error, danger, wide, busy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

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
