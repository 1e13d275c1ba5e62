/** Exercises of a plan: what was held, what was found, the actions with owners and due dates, and when the next is due. */
import { useState } from 'react';
import { exerciseKinds, type Exercise, type ExerciseKind, type PlanDetail } from '../../../../shared/continuity';
import { call } from '../../api';
import { change } from '../../app/store';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';
import { showDate } from '../../app/dates';
import { PersonOptions, usePeople } from './people';

/** "2026-11-10" → "2027-11-10": when an exercise without a next-due date is due again. */
function aYearAfter(date: string): string {
  const year = Number(date.slice(0, 4));
  return Number.isFinite(year) ? `${year + 1}${date.slice(4)}` : date;
}

export const exerciseKindLabels: Record<ExerciseKind, string> = { tabletop: 'Tabletop', walkthrough: 'Walkthrough', full: 'Full test' };

/** Today on the director's calendar, YYYY-MM-DD: only to mark overdue actions on screen (readiness judges on the workspace clock). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function ExercisesPanel({ plan }: { plan: PlanDetail }) {
  const [editing, setEditing] = useState<Exercise | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Exercise | null>(null);
  const latest = plan.exercises[0];
  const today = localToday();

  const toggleAction = (x: Exercise, actionId: string) =>
    void change(
      () =>
        call('continuity.updateExercise', {
          id: x.id,
          actions: x.actions.map((a) => ({ id: a.id, action: a.action, ownerPersonId: a.ownerPersonId, dueOn: a.dueOn, done: a.id === actionId ? !a.done : a.done })),
        }),
      { done: 'Saved the action' },
    );

  return (
    <section className="cont-exercises" aria-label={`Exercises of ${plan.name}`}>
      <div className="cont-subhead">
        <h5>
          Exercises{' '}
          <span className="muted">
            {latest ? `next due ${showDate(latest.nextDue ?? aYearAfter(latest.heldOn))}` : 'never exercised'}
          </span>
        </h5>
        <button type="button" className="button small" onClick={() => setEditing('new')}>
          Record exercise
        </button>
      </div>
      {plan.exercises.map((x) => (
        <article key={x.id} className="cont-exercise" aria-label={`${exerciseKindLabels[x.kind]} on ${showDate(x.heldOn)}`}>
          <header className="cont-exercise-head">
            <strong>{exerciseKindLabels[x.kind]}</strong>
            <span>{showDate(x.heldOn)}</span>
            {x.participants ? <span className="muted">with {x.participants}</span> : null}
            <span className="cont-spacer" />
            <button type="button" className="button small" onClick={() => setEditing(x)}>
              Edit
            </button>
            <button type="button" className="button small danger-text" onClick={() => setDeleting(x)}>
              Delete
            </button>
          </header>
          {x.summary ? <p>{x.summary}</p> : null}
          {x.findings ? (
            <p>
              <span className="muted">Findings: </span>
              {x.findings}
            </p>
          ) : null}
          {x.actions.length > 0 ? (
            <ul className="cont-actions-list" aria-label="Actions">
              {x.actions.map((a) => {
                const overdue = !a.done && a.dueOn !== null && a.dueOn < today;
                return (
                  <li key={a.id} className={a.done ? 'done' : undefined} data-overdue={overdue || undefined}>
                    <label className="check">
                      <input type="checkbox" checked={a.done} onChange={() => toggleAction(x, a.id)} />
                      {a.action}
                    </label>
                    <span className="muted">
                      {a.ownerName ?? 'no owner'} · due {showDate(a.dueOn)}
                      {a.done ? ' · done' : ''}
                    </span>
                    {overdue ? <span className="cont-gap sev-high">Overdue</span> : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </article>
      ))}
      {editing ? <ExerciseDialog plan={plan} exercise={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {deleting ? (
        <ConfirmDialog
          label="Delete exercise"
          message={`Delete the ${exerciseKindLabels[deleting.kind].toLowerCase()} of ${showDate(deleting.heldOn)} and its actions? You can undo this.`}
          confirmLabel="Delete"
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            const result = await change(() => call('continuity.deleteExercise', { id: deleting.id }), { quiet: true, done: 'Deleted the exercise' });
            return result.ok ? null : result.message;
          }}
        />
      ) : null}
    </section>
  );
}

interface ActionDraft {
  id?: string;
  action: string;
  ownerPersonId: string;
  dueOn: string;
  done: boolean;
}

/**
 * What an action row still needs, as core asks it: words, an owner and a due date. An action saved
 * before owners and due dates were required may stay without them; it cannot lose them.
 */
function actionProblem(a: ActionDraft, n: number, exercise: Exercise | null): string | null {
  const text = a.action.trim();
  if (text === '' && !a.ownerPersonId && !a.dueOn) return null;
  if (text === '') return `Action ${n} says nothing: write what is to be done, or remove the row.`;
  const stored = a.id === undefined ? undefined : exercise?.actions.find((x) => x.id === a.id);
  const missing = [
    ...(!a.ownerPersonId && (stored === undefined || stored.ownerPersonId !== null) ? ['an owner'] : []),
    ...(!a.dueOn && (stored === undefined || stored.dueOn !== null) ? ['a due date'] : []),
  ];
  if (missing.length === 0) return null;
  const quoted = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `The action "${quoted}" needs ${missing.join(' and ')}.`;
}

function ExerciseDialog({ plan, exercise, onClose }: { plan: PlanDetail; exercise: Exercise | null; onClose: () => void }) {
  const people = usePeople();
  const [kind, setKind] = useState<ExerciseKind>(exercise?.kind ?? 'tabletop');
  const [heldOn, setHeldOn] = useState(exercise?.heldOn ?? '');
  const [participants, setParticipants] = useState(exercise?.participants ?? '');
  const [summary, setSummary] = useState(exercise?.summary ?? '');
  const [findings, setFindings] = useState(exercise?.findings ?? '');
  const [nextDue, setNextDue] = useState(exercise?.nextDue ?? '');
  const [actions, setActions] = useState<ActionDraft[]>(
    exercise?.actions.map((a) => ({ id: a.id, action: a.action, ownerPersonId: a.ownerPersonId ?? '', dueOn: a.dueOn ?? '', done: a.done })) ?? [],
  );
  const { busy, error, run } = useSubmitState();
  const setAction = (i: number, patch: Partial<ActionDraft>) => setActions(actions.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const submit = () =>
    run(async () => {
      if (!heldOn) return 'Give the date the exercise was held.';
      // A row with nothing typed in it is dropped; one with anything in it is an action, checked here.
      const filled = actions.filter((a) => a.action.trim() !== '' || a.ownerPersonId || a.dueOn);
      const problem = actions.map((a, i) => actionProblem(a, i + 1, exercise)).find((p) => p !== null);
      if (problem) return problem;
      const fields = {
        kind,
        heldOn,
        participants,
        summary,
        findings,
        nextDue: nextDue || null,
        actions: filled.map((a) => ({ ...(a.id ? { id: a.id } : {}), action: a.action.trim(), ownerPersonId: a.ownerPersonId || null, dueOn: a.dueOn || null, done: a.done })),
      };
      const result = exercise
        ? await change(() => call('continuity.updateExercise', { id: exercise.id, ...fields }), { quiet: true, done: 'Saved the exercise' })
        : await change(() => call('continuity.createExercise', { planId: plan.id, ...fields }), { quiet: true, done: `Recorded the exercise of ${plan.name}` });
      if (!result.ok) return result.message;
      onClose();
      return null;
    });

  return (
    <Dialog label={exercise ? 'Edit exercise' : `Record an exercise of ${plan.name}`} onClose={onClose} onSubmit={submit} submitLabel={exercise ? 'Save' : 'Record exercise'} busy={busy} error={error} wide>
      <div className="field-row">
        <Field label="Kind">
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as ExerciseKind)} autoFocus>
              {exerciseKinds.map((k) => (
                <option key={k} value={k}>
                  {exerciseKindLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Held on">{(p) => <input {...p} type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />}</Field>
        <Field label="Next exercise due" hint="Empty: a year after this one">
          {(p) => <input {...p} type="date" value={nextDue} onChange={(e) => setNextDue(e.target.value)} />}
        </Field>
      </div>
      <Field label="Participants">{(p) => <input {...p} value={participants} onChange={(e) => setParticipants(e.target.value)} />}</Field>
      <Field label="What happened">{(p) => <textarea {...p} rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} />}</Field>
      <Field label="Findings">{(p) => <textarea {...p} rows={2} value={findings} onChange={(e) => setFindings(e.target.value)} />}</Field>
      <fieldset>
        <legend>Actions</legend>
        {actions.map((a, i) => (
          <div key={a.id ?? `new-${i}`} className="cont-action-row">
            <input aria-label={`Action ${i + 1}`} placeholder="What is to be done" value={a.action} onChange={(e) => setAction(i, { action: e.target.value })} />
            <select aria-label={`Owner of action ${i + 1}`} value={a.ownerPersonId} onChange={(e) => setAction(i, { ownerPersonId: e.target.value })}>
              <option value="">Owner…</option>
              <PersonOptions people={people.pickable} />
            </select>
            <input aria-label={`Due date of action ${i + 1}`} type="date" value={a.dueOn} onChange={(e) => setAction(i, { dueOn: e.target.value })} />
            <label className="check">
              <input type="checkbox" checked={a.done} onChange={(e) => setAction(i, { done: e.target.checked })} />
              Done
            </label>
            <button type="button" className="button small danger-text" aria-label={`Remove action ${i + 1}`} onClick={() => setActions(actions.filter((_, j) => j !== i))}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="button small cont-add-action" onClick={() => setActions([...actions, { action: '', ownerPersonId: '', dueOn: '', done: false }])}>
          Add action
        </button>
      </fieldset>
    </Dialog>
  );
}
