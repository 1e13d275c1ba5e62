/**
 * The process's own fields: tier, owners, objectives (RTO with the suggestion from the impact
 * analysis and the reason for overriding it, RPO, MTPD), peak months, review date, cost per day.
 * Edited in place and saved with one button as one change. Unsaved edits are kept in the
 * continuity store, so leaving the page (back to the list, another tab or view) loses nothing.
 */
import { useEffect, useMemo, useState } from 'react';
import { tierLabels, type ProcessDetail } from '../../../../shared/continuity';
import { formatForEdit, formatMoney, parseAmount } from '../../../../shared/money';
import { call } from '../../api';
import { DepartmentOptions } from '../../app/pickers';
import { change, useApp } from '../../app/store';
import { Field } from '../../components/field';
import { useContinuity, type ProcessDraft } from './continuity-store';
import { formatHours, hoursForEdit, monthName, parseHours } from './durations';
import { PersonOptions, usePeople } from './people';

export interface ProcessForm {
  name: string;
  description: string;
  tier: number;
  ownerDepartmentId: string;
  ownerPersonId: string;
  rto: string;
  rtoReason: string;
  rpo: string;
  mtpd: string;
  peakMonths: number[];
  reviewDate: string;
  costPerDay: string;
}

function formOf(d: ProcessDetail): ProcessForm {
  const p = d.process;
  return {
    name: p.name,
    description: p.description ?? '',
    tier: p.tier,
    ownerDepartmentId: p.ownerDepartmentId ?? '',
    ownerPersonId: p.ownerPersonId ?? '',
    rto: hoursForEdit(p.rtoHours),
    rtoReason: p.rtoReason ?? '',
    rpo: hoursForEdit(p.rpoHours),
    mtpd: hoursForEdit(p.mtpdHours),
    peakMonths: [...p.peakMonths],
    reviewDate: p.reviewDate ?? '',
    costPerDay: p.costPerDayMinor === null ? '' : formatForEdit(p.costPerDayMinor),
  };
}

type Errors = Partial<Record<'rto' | 'rpo' | 'mtpd' | 'costPerDay' | 'rtoReason', string>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The form as the director left it: what is stored now, with the fields they had changed in the
 * draft on top (a field changed elsewhere meanwhile, such as the owner's name, shows the new value
 * unless they had edited it themselves).
 */
function resumedForm(detail: ProcessDetail, draft: ProcessDraft | undefined): ProcessForm {
  const now = formOf(detail);
  if (!draft) return now;
  const keys = Object.keys(now) as (keyof ProcessForm)[];
  return Object.fromEntries(keys.map((k) => [k, same(draft.form[k], draft.base[k]) ? now[k] : draft.form[k]])) as unknown as ProcessForm;
}

export function ProcessFields({ detail }: { detail: ProcessDetail }) {
  const processId = detail.process.id;
  const setProcessDraft = useContinuity((s) => s.setProcessDraft);
  // A fresh answer from the server while the page is open (a save, an undo) resets the form to what is stored.
  const stored = JSON.stringify(detail.process);
  const [base, setBase] = useState(stored);
  const [form, setForm] = useState<ProcessForm>(() => resumedForm(detail, useContinuity.getState().processDrafts[processId]));
  if (base !== stored) {
    setBase(stored);
    setForm(formOf(detail));
  }
  const storedForm = useMemo(() => formOf(detail), [detail]);
  const dirty = !same(form, storedForm);
  // The draft outlives this page; it goes once the form matches what is stored again.
  useEffect(() => {
    setProcessDraft(processId, dirty ? { base: storedForm, form } : null);
  }, [processId, dirty, storedForm, form, setProcessDraft]);
  return <FieldsForm key={processId} detail={detail} form={form} dirty={dirty} setForm={setForm} />;
}

function FieldsForm({ detail, form, dirty, setForm }: { detail: ProcessDetail; form: ProcessForm; dirty: boolean; setForm: (f: ProcessForm) => void }) {
  const people = usePeople();
  const currency = useApp((s) => s.workspace?.currency ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ProcessForm>(key: K, value: ProcessForm[K]) => setForm({ ...form, [key]: value });
  const suggested = detail.bia.suggested;
  const rto = parseHours(form.rto);
  const rtoValue = rto.ok ? rto.value : null;
  const differs = suggested.hours !== null && rtoValue !== null && rtoValue !== suggested.hours;
  // As core has it: a reason is asked for when this edit sets the RTO or clears the reason. An RTO
  // left as it was, which the suggestion has since moved away from, does not block other fields.
  const noReason = form.rtoReason.trim() === '';
  const rtoChanged = rto.ok && rto.value !== detail.process.rtoHours;
  const reasonCleared = noReason && detail.process.rtoReason !== null;
  const reasonRequired = differs && noReason && (rtoChanged || reasonCleared);
  const reasonHint = errors.rtoReason
    ? undefined // the error says it; the hint would say it again
    : !differs
      ? 'Only needed when the RTO differs from the suggestion.'
      : noReason && !reasonRequired
        ? `The RTO differs from the suggested ${formatHours(suggested.hours)} since the impact analysis or the tolerance changed: say why, or use the suggestion.`
        : `Required: the RTO differs from the suggested ${formatHours(suggested.hours)}.`;

  const save = async () => {
    const rpo = parseHours(form.rpo);
    const mtpd = parseHours(form.mtpd);
    const cost = parseAmount(form.costPerDay);
    const next: Errors = {};
    if (!rto.ok) next.rto = rto.message;
    if (!rpo.ok) next.rpo = rpo.message;
    if (!mtpd.ok) next.mtpd = mtpd.message;
    if (!cost.ok) next.costPerDay = `${cost.message}; use 12,000 or 12k.`;
    else if (cost.minor !== null && cost.minor < 0) next.costPerDay = `The cost per day cannot be negative; got ${form.costPerDay.trim()}.`;
    if (reasonRequired) next.rtoReason = `Say why the RTO differs from the suggested ${formatHours(suggested.hours)}.`;
    setErrors(next);
    setProblem(null);
    if (Object.keys(next).length > 0 || !rto.ok || !rpo.ok || !mtpd.ok || !cost.ok) return;
    setBusy(true);
    const result = await change(
      () =>
        call('continuity.updateProcess', {
          id: detail.process.id,
          name: form.name.trim(),
          description: form.description.trim() === '' ? null : form.description.trim(),
          tier: form.tier,
          ownerDepartmentId: form.ownerDepartmentId || null,
          ownerPersonId: form.ownerPersonId || null,
          rtoHours: rto.value,
          rtoReason: differs ? form.rtoReason.trim() : form.rtoReason.trim() === '' ? null : form.rtoReason.trim(),
          rpoHours: rpo.value,
          mtpdHours: mtpd.value,
          peakMonths: [...form.peakMonths].sort((a, b) => a - b),
          reviewDate: form.reviewDate || null,
          costPerDayMinor: cost.minor,
        }),
      { quiet: true, done: `Saved ${form.name.trim()}` },
    );
    setBusy(false);
    if (!result.ok) setProblem(result.message);
  };

  const toggleMonth = (m: number) => set('peakMonths', form.peakMonths.includes(m) ? form.peakMonths.filter((x) => x !== m) : [...form.peakMonths, m]);

  return (
    <section className="panel cont-card" aria-label="Process details">
      <header className="panel-header">
        <h3>Details and objectives</h3>
        <span className="cont-dirty" aria-live="polite">
          {dirty ? 'Unsaved changes' : ''}
        </span>
      </header>
      <form
        className="cont-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field-row">
          <Field label="Name">{(p) => <input {...p} value={form.name} onChange={(e) => set('name', e.target.value)} />}</Field>
          <Field label="Tier">
            {(p) => (
              <select {...p} value={form.tier} onChange={(e) => set('tier', Number(e.target.value))}>
                <TierOptions />
              </select>
            )}
          </Field>
        </div>
        <div className="field-row">
          <Field label="Owner department">
            {(p) => (
              <select {...p} value={form.ownerDepartmentId} onChange={(e) => set('ownerDepartmentId', e.target.value)}>
                <option value="">(none)</option>
                <DepartmentOptions />
              </select>
            )}
          </Field>
          <Field label="Owner">
            {(p) => (
              <select {...p} value={form.ownerPersonId} onChange={(e) => set('ownerPersonId', e.target.value)}>
                <option value="">(none)</option>
                {form.ownerPersonId && !people.pickable.some((x) => x.id === form.ownerPersonId) ? (
                  <option value={form.ownerPersonId}>{detail.process.ownerPersonName ?? 'Current owner'}</option>
                ) : null}
                <PersonOptions people={people.pickable} />
              </select>
            )}
          </Field>
        </div>
        <Field label="Description">{(p) => <textarea {...p} rows={1} value={form.description} onChange={(e) => set('description', e.target.value)} />}</Field>
        <div className="cont-objectives">
          <div className="field-row">
            <Field label="RTO (recovery time objective)" hint="e.g. 4 h, 3 d, 2 wk" error={errors.rto}>
              {(p) => <input {...p} className="num" value={form.rto} onChange={(e) => set('rto', e.target.value)} />}
            </Field>
            <Field label="RPO (recovery point objective)" hint="data that may be lost" error={errors.rpo}>
              {(p) => <input {...p} className="num" value={form.rpo} onChange={(e) => set('rpo', e.target.value)} />}
            </Field>
            <Field label="MTPD (maximum tolerable disruption)" hint="longest the business survives" error={errors.mtpd}>
              {(p) => <input {...p} className="num" value={form.mtpd} onChange={(e) => set('mtpd', e.target.value)} />}
            </Field>
          </div>
          <div className="cont-suggested" data-testid="suggested-rto">
            {suggested.hours !== null ? (
              <>
                <span>
                  <strong>Suggested from the impact analysis: {formatHours(suggested.hours)}</strong> because {lowerFirst(suggested.reason)}
                </span>
                {rtoValue !== suggested.hours ? (
                  <button type="button" className="button small" onClick={() => setForm({ ...form, rto: formatHours(suggested.hours), rtoReason: '' })}>
                    Use {formatHours(suggested.hours)}
                  </button>
                ) : (
                  <span className="cont-ok">✓ RTO follows the suggestion</span>
                )}
              </>
            ) : (
              <span className="muted">{suggested.reason || 'Rate the impact analysis below to get a suggested RTO.'}</span>
            )}
          </div>
          <Field
            label="Reason for a different RTO"
            hint={reasonHint}
            error={errors.rtoReason}
          >
            {(p) => <input {...p} value={form.rtoReason} disabled={!differs && form.rtoReason === ''} onChange={(e) => set('rtoReason', e.target.value)} />}
          </Field>
        </div>
        <fieldset className="cont-months">
          <legend>Peak months</legend>
          <div className="cont-month-row">
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <label key={m} className={form.peakMonths.includes(m) ? 'cont-month on' : 'cont-month'}>
                <input type="checkbox" checked={form.peakMonths.includes(m)} onChange={() => toggleMonth(m)} />
                {monthName(m)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field-row">
          <Field label="Review date">{(p) => <input {...p} type="date" value={form.reviewDate} onChange={(e) => set('reviewDate', e.target.value)} />}</Field>
          <Field
            label={`Cost per day of outage (${currency})`}
            hint={detail.process.costPerDayMinor !== null ? `Now ${formatMoney(detail.process.costPerDayMinor)} a day` : undefined}
            error={errors.costPerDay}
          >
            {(p) => <input {...p} className="num" inputMode="decimal" value={form.costPerDay} onChange={(e) => set('costPerDay', e.target.value)} placeholder="e.g. 12,000" />}
          </Field>
        </div>
        {problem ? (
          <p className="banner error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy || !dirty}>
            Save details
          </button>
          <button type="button" className="button" disabled={busy || !dirty} onClick={() => setForm(formOf(detail))}>
            Discard changes
          </button>
        </div>
      </form>
    </section>
  );
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** The four criticality tiers as options of a select (the add dialog and the process form). */
export function TierOptions() {
  return (
    <>
      {([1, 2, 3, 4] as const).map((t) => (
        <option key={t} value={t}>
          {tierLabels[t]}
        </option>
      ))}
    </>
  );
}
