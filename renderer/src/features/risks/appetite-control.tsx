import { useState } from 'react';
import { call } from '../../api';
import { change } from '../../app/store';

/**
 * The director's risk appetite: a score from 1 to 25. Residual scores above it are flagged for the
 * board. Setting it is an undoable change.
 */
export function AppetiteControl({ appetite }: { appetite: number }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const value = draft ?? String(appetite);

  const save = async () => {
    const n = Number(value.trim());
    if (!Number.isInteger(n) || n < 1 || n > 25) {
      setError('The appetite is a whole score from 1 to 25 (likelihood × impact).');
      return;
    }
    setError(null);
    if (n === appetite) {
      setDraft(null);
      return;
    }
    setBusy(true);
    const result = await change(() => call('risks.setAppetite', { appetite: n }), { quiet: true, done: `Risk appetite set to ${n} (was ${appetite})` });
    setBusy(false);
    if (result.ok) setDraft(null);
    else setError(result.message);
  };

  return (
    <form
      className="appetite-control"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <label htmlFor="risk-appetite">Risk appetite</label>
      <input
        id="risk-appetite"
        className="num"
        type="number"
        min={1}
        max={25}
        step={1}
        value={value}
        aria-describedby="risk-appetite-hint"
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy || value === String(appetite)}>
        Set appetite
      </button>
      <span id="risk-appetite-hint" className={error ? 'field-error' : 'field-hint'} role={error ? 'alert' : undefined}>
        {error ?? 'Residual scores above this are flagged for the board.'}
      </span>
    </form>
  );
}
