/** The plans of a process: each with activation criteria, ordered steps, the call tree and exercises. */
import { useState } from 'react';
import { planScenarioLabels, planScenarios, type PlanDetail, type PlanScenario, type ProcessDetail } from '../../../../shared/continuity';
import { call } from '../../api';
import { change } from '../../app/store';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';
import { CallTreeEditor } from './call-tree-editor';
import { showDate } from '../../app/dates';
import { GoBagDialog } from './go-bag-dialog';
import { ExercisesPanel } from './exercises';
import { StepsEditor } from './steps-editor';

export function PlansSection({ detail }: { detail: ProcessDetail }) {
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel cont-card" aria-label="Plans">
      <header className="panel-header">
        <h3>
          Plans <span className="muted">{detail.plans.length > 0 ? detail.plans.length : ''}</span>
        </h3>
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add plan
        </button>
      </header>
      {detail.plans.length === 0 ? <p className="muted">No recovery plan yet: without one there is nothing to follow when {detail.process.name} stops.</p> : null}
      {detail.plans.map((plan) => (
        <PlanCard key={plan.id} plan={plan} />
      ))}
      {adding ? <PlanDialog plan={null} processId={detail.process.id} defaultName={`${detail.process.name} recovery`} onClose={() => setAdding(false)} /> : null}
    </section>
  );
}

export function PlanCard({ plan }: { plan: PlanDetail }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [printing, setPrinting] = useState(false);
  return (
    <article className="cont-plan" aria-label={`Plan ${plan.name}`}>
      <header className="cont-plan-head">
        <h4>{plan.name}</h4>
        {plan.scenario ? <span className="badge neutral">{planScenarioLabels[plan.scenario]}</span> : null}
        <span className="muted">
          Reviewed {plan.reviewedOn ? showDate(plan.reviewedOn) : 'never'} · last exercised {plan.lastExercisedOn ? showDate(plan.lastExercisedOn) : 'never'}
        </span>
        <span className="cont-spacer" />
        <button type="button" className="button small" onClick={() => setPrinting(true)}>
          Print go-bag…
        </button>
        <button type="button" className="button small" onClick={() => setEditing(true)}>
          Edit plan
        </button>
        <button type="button" className="button small danger-text" onClick={() => setDeleting(true)}>
          Delete plan
        </button>
      </header>
      {plan.activationCriteria || plan.workarounds ? (
        <dl className="facts cont-plan-facts">
          {plan.activationCriteria ? (
            <>
              <dt>Activate when</dt>
              <dd>{plan.activationCriteria}</dd>
            </>
          ) : null}
          {plan.workarounds ? (
            <>
              <dt>Workarounds</dt>
              <dd>{plan.workarounds}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <StepsEditor plan={plan} />
      <CallTreeEditor plan={plan} />
      <ExercisesPanel plan={plan} />
      {printing ? <GoBagDialog scope={{ kind: 'plan', planId: plan.id, name: plan.name }} onClose={() => setPrinting(false)} /> : null}
      {editing ? <PlanDialog plan={plan} processId={plan.processId} defaultName={plan.name} onClose={() => setEditing(false)} /> : null}
      {deleting ? (
        <ConfirmDialog
          label="Delete plan"
          message={`Delete ${plan.name} with its steps, call tree and exercises? You can undo this.`}
          confirmLabel="Delete"
          danger
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            const result = await change(() => call('continuity.deletePlan', { id: plan.id }), { quiet: true, done: `Deleted ${plan.name}` });
            return result.ok ? null : result.message;
          }}
        />
      ) : null}
    </article>
  );
}

/** Adds or edits a plan; with no process it is a scenario plan (loss of site, of IT…), which needs its scenario. */
export function PlanDialog({ plan, processId, defaultName, onClose }: { plan: PlanDetail | null; processId: string | null; defaultName: string; onClose: () => void }) {
  const [name, setName] = useState(plan?.name ?? defaultName);
  const [scenario, setScenario] = useState<PlanScenario | ''>(plan?.scenario ?? '');
  const [criteria, setCriteria] = useState(plan?.activationCriteria ?? '');
  const [workarounds, setWorkarounds] = useState(plan?.workarounds ?? '');
  const [reviewed, setReviewed] = useState(plan?.reviewedOn ?? '');
  const { busy, error, run } = useSubmitState();
  const submit = () =>
    run(async () => {
      if (name.trim() === '') return 'Name the plan.';
      if (processId === null && scenario === '') return 'Choose the scenario this plan covers: loss of site, of IT, of a key supplier or of people.';
      const fields = {
        name: name.trim(),
        scenario: scenario === '' ? null : scenario,
        activationCriteria: criteria,
        workarounds,
        reviewedOn: reviewed || null,
      };
      const result = plan
        ? await change(() => call('continuity.updatePlan', { id: plan.id, ...fields }), { quiet: true, done: `Saved ${fields.name}` })
        : await change(() => call('continuity.createPlan', { ...fields, processId }), { quiet: true, done: `Added plan ${fields.name}` });
      if (!result.ok) return result.message;
      onClose();
      return null;
    });
  return (
    <Dialog label={plan ? `Edit plan ${plan.name}` : processId === null ? 'Add scenario plan' : 'Add plan'} onClose={onClose} onSubmit={submit} submitLabel={plan ? 'Save' : 'Add plan'} busy={busy} error={error} wide>
      <div className="field-row">
        <Field label="Plan name">{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}</Field>
        <Field label="Scenario">
          {(p) => (
            <select {...p} value={scenario} onChange={(e) => setScenario(e.target.value as PlanScenario | '')}>
              <option value="">{processId === null ? '(choose a scenario)' : '(this process in general)'}</option>
              {planScenarios.map((s) => (
                <option key={s} value={s}>
                  {planScenarioLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Reviewed on">{(p) => <input {...p} type="date" value={reviewed} onChange={(e) => setReviewed(e.target.value)} />}</Field>
      </div>
      <Field label="Activation criteria" hint="When the plan is invoked, and by whom.">
        {(p) => <textarea {...p} rows={3} value={criteria} onChange={(e) => setCriteria(e.target.value)} />}
      </Field>
      <Field label="Workarounds" hint="How the work carries on meanwhile (manual process, other site…).">
        {(p) => <textarea {...p} rows={3} value={workarounds} onChange={(e) => setWorkarounds(e.target.value)} />}
      </Field>
    </Dialog>
  );
}
