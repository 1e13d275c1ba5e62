import { useEffect, useId, useRef } from 'react';

export interface EditState {
  r: number;
  c: number;
  text: string;
  /** "enter": started by typing, arrows commit and move. "edit": F2/double-click, arrows move the caret. */
  mode: 'enter' | 'edit';
  error: string | null;
}

interface CellEditorProps {
  state: EditState;
  label: string;
  onChange: (text: string) => void;
  onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => void;
  onBlur: () => void;
}

export function CellEditor({ state, label, onChange, onKeyDown, onBlur }: CellEditorProps) {
  const ref = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const { mode } = state;
  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus({ preventScroll: true });
    // Typing replaces, so the caret goes after the first key; F2 keeps the value and goes to its end.
    const end = input.value.length;
    input.setSelectionRange(end, end);
  }, [mode]);
  return (
    <>
      <input
        ref={ref}
        className="cell-editor"
        aria-label={`Edit ${label}`}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? errorId : undefined}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={state.text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        onMouseDown={(e) => e.stopPropagation()}
        onDoubleClick={(e) => e.stopPropagation()}
      />
      {state.error ? (
        <span id={errorId} role="alert" className="cell-error">
          {state.error}
        </span>
      ) : null}
    </>
  );
}
