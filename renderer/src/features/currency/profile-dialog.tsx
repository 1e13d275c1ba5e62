import { useState } from 'react';
import type { SeasonalityProfile } from '../../../../shared/currency';
import { profileWeightsProblem } from '../../../../shared/spread';
import { call } from '../../api';
import { change } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The twelve month names in fiscal order: the first is the fiscal year's first month. */
export function fiscalMonthNames(fiscalStartMonth: number): string[] {
  return Array.from({ length: 12 }, (_, i) => monthNames[(fiscalStartMonth - 1 + i) % 12]!);
}

/** Adds a seasonality profile (no `profile`) or edits one: a name and twelve whole weights in fiscal order. */
export function ProfileDialog({ profile, fiscalStartMonth, onClose }: { profile: SeasonalityProfile | null; fiscalStartMonth: number; onClose: () => void }) {
  const [name, setName] = useState(profile?.name ?? '');
  const [weights, setWeights] = useState<string[]>((profile?.weights ?? new Array<number>(12).fill(1)).map(String));
  const { busy, error, run } = useSubmitState();
  const months = fiscalMonthNames(fiscalStartMonth);
  const submit = () =>
    run(async () => {
      if (name.trim() === '') return 'Give the profile a name.';
      const numbers = weights.map((w) => (w.trim() === '' ? NaN : Number(w)));
      const bad = numbers.findIndex((n) => !Number.isSafeInteger(n) || n < 0);
      if (bad >= 0) return `The ${months[bad]} weight must be a whole number, 0 or more.`;
      const problem = profileWeightsProblem(numbers);
      if (problem) return `${problem[0]!.toUpperCase()}${problem.slice(1)}.`;
      const input = profile ? { id: profile.id, name: name.trim(), weights: numbers } : { name: name.trim(), weights: numbers };
      const result = await change(() => call('seasonality.setProfile', input), { quiet: true, done: `Seasonality profile ${name.trim()} saved` });
      if (!result.ok) return result.message;
      onClose();
      return null;
    });
  return (
    <Dialog label={profile ? `Edit seasonality profile ${profile.name}` : 'Add seasonality profile'} onClose={onClose} onSubmit={submit} busy={busy} error={error} wide>
      <Field label="Name">{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}</Field>
      <p className="field-hint">Weights are relative: an annual figure is spread in proportion to them, exact to the cent. Months are in fiscal order.</p>
      <div className="weights-grid">
        {months.map((m, i) => (
          <Field key={m} label={m}>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                className="weight-input"
                value={weights[i]}
                onChange={(e) => setWeights((w) => w.map((x, j) => (j === i ? e.target.value : x)))}
              />
            )}
          </Field>
        ))}
      </div>
    </Dialog>
  );
}
