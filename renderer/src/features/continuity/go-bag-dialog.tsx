/**
 * "Print go-bag…": the recovery plans as a PDF to print or keep on a phone for the day the
 * network is down — one plan, a process's plans, every Tier-1 plan or every plan, on A4, Letter
 * or a narrow phone page. Rendered in the workspace (continuity.goBag), saved like any export.
 */
import { useState } from 'react';
import type { GoBagPaper } from '../../../../shared/go-bag';
import { call, errorMessage } from '../../api';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';
import { saveExport } from '../export/save-export';
import { renderTimeoutMs } from '../report/use-report-preview';
import { useContinuity } from './continuity-store';
import { goBagRequest, type GoBagChoice, type GoBagScope } from './go-bag-request';

const papers: { id: GoBagPaper; label: string }[] = [
  { id: 'a4', label: 'A4' },
  { id: 'letter', label: 'US Letter' },
  { id: 'phone', label: 'Phone (narrow page, larger type)' },
];

export function GoBagDialog({ scope, onClose }: { scope: GoBagScope; onClose: () => void }) {
  const paper = useContinuity((s) => s.goBagPaper);
  const setPaper = useContinuity((s) => s.setGoBagPaper);
  const [choice, setChoice] = useState<GoBagChoice>(scope.kind === 'workspace' ? 'tier1' : 'this');
  const [phase, setPhase] = useState<string | null>(null);
  const { busy, error, run } = useSubmitState();

  const submit = () =>
    run(async () => {
      setPhase('Rendering the PDF…');
      try {
        const bag = await call('continuity.goBag', goBagRequest(scope, choice, paper), { timeoutMs: renderTimeoutMs });
        setPhase(`Saving ${bag.pages} ${bag.pages === 1 ? 'page' : 'pages'}…`);
        const saved = await saveExport(bag.fileName, bag.base64, 'go-bag');
        if (saved.saved) onClose();
        else setPhase(null);
        return null;
      } catch (err) {
        setPhase(null);
        return errorMessage(err);
      }
    });

  const options: { id: GoBagChoice; label: string }[] = [
    ...(scope.kind === 'plan' ? [{ id: 'this' as const, label: `This plan: ${scope.name}` }] : []),
    ...(scope.kind === 'process' ? [{ id: 'this' as const, label: `The plans of ${scope.name}` }] : []),
    { id: 'tier1', label: 'Every Tier-1 plan' },
    { id: 'all', label: 'Every plan' },
  ];

  return (
    <Dialog label="Print go-bag" onClose={onClose} onSubmit={submit} submitLabel={busy ? 'Rendering…' : 'Save PDF'} busy={busy} error={error}>
      <p className="muted">Activation criteria, recovery steps, the call tree with phone numbers, dependencies and vendor contacts — to print, or to keep on a phone for when the network is down.</p>
      <fieldset>
        <legend>Plans</legend>
        {options.map((o) => (
          <label key={o.id} className="check">
            <input type="radio" name="go-bag-plans" value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} />
            {o.label}
          </label>
        ))}
      </fieldset>
      <Field label="Paper">
        {(p) => (
          <select {...p} value={paper} onChange={(e) => setPaper(papers.find((x) => x.id === e.target.value)?.id ?? 'a4')}>
            {papers.map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="muted" role="status" aria-live="polite">
        {phase ?? '\u00a0'}
      </p>
    </Dialog>
  );
}
