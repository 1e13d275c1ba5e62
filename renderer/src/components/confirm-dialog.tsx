import { Dialog, useSubmitState } from './dialog';

interface ConfirmDialogProps {
  label: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  /** Resolves to an error message to show, or null when it worked (the dialog then closes). */
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
}

export function ConfirmDialog({ label, message, confirmLabel, danger, onConfirm, onClose }: ConfirmDialogProps) {
  const { busy, error, run } = useSubmitState();
  return (
    <Dialog
      label={label}
      onClose={onClose}
      submitLabel={confirmLabel}
      danger={danger}
      busy={busy}
      error={error}
      onSubmit={() =>
        run(async () => {
          const problem = await onConfirm();
          if (problem === null) onClose();
          return problem;
        })
      }
    >
      <p>{message}</p>
    </Dialog>
  );
}
