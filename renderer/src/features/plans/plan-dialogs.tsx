import { useState } from 'react';
import { accountTypes, type AccountType } from '../../../../shared/budget';
import { call } from '../../api';
import { change, useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';

const upliftLabels: Record<AccountType, string> = { revenue: 'Revenue', expense: 'Expense', capex: 'Capex' };

function nextFiscalYear(): number {
  const fys = useApp.getState().plans.map((p) => p.fiscalYear);
  return fys.length > 0 ? Math.max(...fys) + 1 : new Date().getFullYear();
}

export function CreatePlanDialog({ onClose }: { onClose: () => void }) {
  const [fiscalYear, setFiscalYear] = useState(String(nextFiscalYear()));
  const [scenario, setScenario] = useState('Base');
  const { busy, error, run } = useSubmitState();
  const submit = () =>
    run(async () => {
      const fy = Number(fiscalYear);
      if (!Number.isInteger(fy) || fy < 1900 || fy > 2200) return 'Fiscal year must be a year such as 2027.';
      const result = await change(() => call('plans.create', { fiscalYear: fy, scenario }), { quiet: true, done: (p) => `Created ${p.name}` });
      if (!result.ok) return result.message;
      useApp.getState().setPlan(result.value.id);
      onClose();
      return null;
    });
  return (
    <Dialog label="Create plan" onClose={onClose} onSubmit={submit} submitLabel="Create plan" busy={busy} error={error}>
      <Field label="Fiscal year">
        {(p) => <input {...p} inputMode="numeric" value={fiscalYear} onChange={(e) => setFiscalYear(e.target.value)} autoFocus />}
      </Field>
      <Field label="Scenario" hint="For example Base, Stretch or Downside.">
        {(p) => <input {...p} value={scenario} onChange={(e) => setScenario(e.target.value)} />}
      </Field>
    </Dialog>
  );
}

export function CopyPlanDialog({ planId, onClose }: { planId: string; onClose: () => void }) {
  const plans = useApp((s) => s.plans);
  const [sourceId, setSourceId] = useState(planId);
  const source = plans.find((p) => p.id === sourceId);
  const [fiscalYear, setFiscalYear] = useState(String(source?.fiscalYear ?? nextFiscalYear()));
  const [scenario, setScenario] = useState('');
  const [uplift, setUplift] = useState<Record<AccountType, string>>({ revenue: '0', expense: '0', capex: '0' });
  const { busy, error, run } = useSubmitState();

  const submit = () =>
    run(async () => {
      const fy = Number(fiscalYear);
      if (!Number.isInteger(fy)) return 'Fiscal year must be a year such as 2027.';
      if (scenario.trim() === '') return 'Name the new scenario, for example “Stretch”.';
      const pct = {} as Record<AccountType, number>;
      for (const type of accountTypes) {
        const value = Number(uplift[type].replace('%', '').trim() || '0');
        if (!Number.isFinite(value) || value < -100 || value > 1000) return `${upliftLabels[type]} uplift must be a percentage between -100 and 1000.`;
        pct[type] = value;
      }
      const result = await change(() => call('plans.copy', { sourcePlanId: sourceId, fiscalYear: fy, scenario: scenario.trim(), upliftPct: pct }), {
        quiet: true,
        done: (p) => `Copied into ${p.name}`,
      });
      if (!result.ok) return result.message;
      useApp.getState().setPlan(result.value.id);
      onClose();
      return null;
    });

  return (
    <Dialog label="Copy plan" onClose={onClose} onSubmit={submit} submitLabel="Copy plan" busy={busy} error={error}>
      <Field label="Copy from">
        {(p) => (
          <select {...p} value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
            {plans.map((pl) => (
              <option key={pl.id} value={pl.id}>
                {pl.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field label="Fiscal year">
          {(p) => <input {...p} inputMode="numeric" value={fiscalYear} onChange={(e) => setFiscalYear(e.target.value)} />}
        </Field>
        <Field label="New scenario">
          {(p) => <input {...p} value={scenario} onChange={(e) => setScenario(e.target.value)} autoFocus placeholder="Stretch" />}
        </Field>
      </div>
      <fieldset className="uplift">
        <legend>Uplift per account type, %</legend>
        <div className="field-row">
          {accountTypes.map((type) => (
            <Field key={type} label={`${upliftLabels[type]} %`}>
              {(p) => (
                <input
                  {...p}
                  className="num"
                  inputMode="decimal"
                  value={uplift[type]}
                  onChange={(e) => setUplift((u) => ({ ...u, [type]: e.target.value }))}
                />
              )}
            </Field>
          ))}
        </div>
        <p className="field-hint">5 means every amount of that type × 1.05; −10 cuts it by a tenth.</p>
      </fieldset>
    </Dialog>
  );
}

export function LockPlanDialog({ planId, onClose }: { planId: string; onClose: () => void }) {
  const plan = useApp((s) => s.plans.find((p) => p.id === planId));
  if (!plan) return null;
  return (
    <ConfirmDialog
      label="Lock plan"
      message={`Lock ${plan.name}? A locked plan can no longer be edited — its grid becomes read-only for everyone.`}
      confirmLabel="Lock plan"
      danger
      onClose={onClose}
      onConfirm={async () => {
        const result = await change(() => call('plans.setStatus', { id: plan.id, status: 'locked' }), { quiet: true, done: `${plan.name} locked` });
        return result.ok ? null : result.message;
      }}
    />
  );
}
