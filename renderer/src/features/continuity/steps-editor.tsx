/**
 * The ordered recovery steps of a plan. Reorder by dragging a step or, on a focused step,
 * Alt+↑ / Alt+↓; edit a step's action, owner and time in place; add and remove. Every change
 * saves the whole list with continuity.setSteps as one undoable change.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PlanDetail } from '../../../../shared/continuity';
import { call } from '../../api';
import { change } from '../../app/store';
import { formatHours, hoursForEdit, parseHours } from './durations';
import { PersonOptions, personText, usePeople } from './people';
import { fromSteps, moveBy, moveTo, toStepsInput, type StepDraft } from './step-edit';

const dragType = 'application/x-quartermaster-step';

export function StepsEditor({ plan }: { plan: PlanDetail }) {
  const people = usePeople();
  const storedKey = JSON.stringify(plan.steps);
  const [steps, setSteps] = useState<StepDraft[]>(() => fromSteps(plan.steps));
  const [problem, setProblem] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const saving = useRef(0);
  const focusIndex = useRef<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (saving.current === 0) setSteps(fromSteps(JSON.parse(storedKey) as PlanDetail['steps']));
  }, [storedKey]);

  useEffect(() => {
    if (focusIndex.current === null) return;
    const el = listRef.current?.querySelectorAll<HTMLElement>(':scope > li')[focusIndex.current];
    focusIndex.current = null;
    el?.focus();
  });

  const save = async (next: StepDraft[], done?: string) => {
    const before = steps;
    setSteps(next);
    setProblem(null);
    saving.current += 1;
    const result = await change(() => call('continuity.setSteps', { planId: plan.id, steps: toStepsInput(next) }), { quiet: true, ...(done ? { done } : {}) });
    saving.current -= 1;
    if (!result.ok) {
      setProblem(result.message);
      setSteps(before);
    } else if (saving.current === 0) {
      setSteps(fromSteps(result.value.steps));
    }
    return result.ok;
  };

  const move = (from: number, to: number) => {
    if (to < 0 || to >= steps.length || from === to) return;
    const step = steps[from];
    const next = to === from + 1 || to === from - 1 ? moveBy(steps, from, to > from ? 1 : -1) : moveTo(steps, from, to);
    focusIndex.current = to;
    setAnnounce(`Moved “${step?.action ?? ''}” to step ${to + 1} of ${steps.length}.`);
    void save(next);
  };

  const onItemKeyDown = (e: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      e.stopPropagation();
      move(index, index + (e.key === 'ArrowUp' ? -1 : 1));
    }
  };

  /** The owner as the select shows it, for its tooltip: a long title may not fit the box. */
  const ownerText = (id: string | null, storedName: string | null) => {
    if (!id) return 'No owner';
    const p = people.byId.get(id);
    return p ? personText(p) : (storedName ?? 'Current owner');
  };

  const update = (index: number, patch: Partial<StepDraft>) => {
    const current = steps[index];
    if (!current) return;
    const next = { ...current, ...patch };
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    void save(steps.map((s, i) => (i === index ? next : s)));
  };

  return (
    <section className="cont-steps" aria-label={`Recovery steps of ${plan.name}`}>
      <h5>
        Recovery steps <span className="muted">drag a step, or focus it and press Alt+↑ / Alt+↓ to reorder</span>
      </h5>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {steps.length === 0 ? <p className="muted">No steps yet.</p> : null}
      <ol ref={listRef} className="cont-step-list" aria-label="Recovery steps">
        {steps.map((s, i) => {
          const stored = plan.steps.find((x) => x.id === s.id);
          return (
            <li
              key={s.id ?? `new-${i}`}
              tabIndex={0}
              data-step={s.action}
              aria-label={`Step ${i + 1} of ${steps.length}: ${s.action}`}
              aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
              className={['cont-step', dragFrom === i ? 'dragging' : '', dropAt === i && dragFrom !== i ? 'drop-over' : ''].filter(Boolean).join(' ')}
              draggable
              onKeyDown={(e) => onItemKeyDown(e, i)}
              onDragStart={(e) => {
                e.dataTransfer.setData(dragType, String(i));
                e.dataTransfer.setData('text/plain', s.action);
                e.dataTransfer.effectAllowed = 'move';
                setDragFrom(i);
              }}
              onDragEnd={() => {
                setDragFrom(null);
                setDropAt(null);
              }}
              onDragOver={(e) => {
                if (dragFrom === null) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setDropAt(i);
              }}
              onDrop={(e) => {
                e.preventDefault();
                const from = Number(e.dataTransfer.getData(dragType) || dragFrom);
                setDragFrom(null);
                setDropAt(null);
                if (Number.isInteger(from)) move(from, i);
              }}
            >
              <span className="cont-step-handle" aria-hidden="true" title="Drag to reorder">
                ⠿
              </span>
              <span className="cont-step-number">{i + 1}</span>
              <StepText label={`Action of step ${i + 1}`} value={s.action} onCommit={(action) => update(i, { action })} className="cont-step-action" multiline />
              <span className="cont-step-details">
                <span className="cont-step-word" aria-hidden="true">
                  Owner
                </span>
                <select
                  aria-label={`Owner of step ${i + 1}`}
                  className="cont-step-owner"
                  title={ownerText(s.ownerPersonId, stored?.ownerName ?? null)}
                  value={s.ownerPersonId ?? ''}
                  onChange={(e) => update(i, { ownerPersonId: e.target.value || null })}
                >
                  <option value="">No owner</option>
                  {s.ownerPersonId && !people.pickable.some((p) => p.id === s.ownerPersonId) ? (
                    <option value={s.ownerPersonId}>{stored?.ownerName ?? 'Current owner'}</option>
                  ) : null}
                  <PersonOptions people={people.pickable} />
                </select>
                {stored?.ownerLeft ? <span className="cont-gap sev-high">Owner has left</span> : null}
                <span className="cont-step-word" aria-hidden="true">
                  within
                </span>
                <StepText
                  label={`Within (hours from activation) of step ${i + 1}`}
                  value={hoursForEdit(s.withinHours)}
                  className="cont-step-within num"
                  placeholder="within…"
                  onCommit={(text) => {
                    const parsed = parseHours(text);
                    if (!parsed.ok) {
                      setProblem(parsed.message);
                      return false;
                    }
                    update(i, { withinHours: parsed.value });
                    return true;
                  }}
                />
              </span>
              <span className="cont-step-moves">
                <button type="button" className="button small ghost" aria-label={`Move step ${i + 1} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                  ↑
                </button>
                <button
                  type="button"
                  className="button small ghost"
                  aria-label={`Move step ${i + 1} down`}
                  disabled={i === steps.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
              </span>
              <button
                type="button"
                className="button small danger-text"
                aria-label={`Remove step ${i + 1}`}
                onClick={() => void save(steps.filter((_, j) => j !== i), `Removed step ${i + 1}`)}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      {problem ? (
        <p className="banner error" role="alert">
          {problem}
        </p>
      ) : null}
      <NewStep
        onAdd={(step) => save([...steps, step], `Added step ${steps.length + 1}`)}
        people={people.pickable}
        onInvalid={setProblem}
        planName={plan.name}
      />
      <p className="muted cont-step-total">
        {steps.length > 0 && steps.some((s) => s.withinHours !== null)
          ? `Last step due within ${formatHours(Math.max(...steps.map((s) => s.withinHours ?? 0)))} of activation.`
          : ''}
      </p>
    </section>
  );
}

/**
 * A text box that saves on Enter or when it loses focus, and Escape puts back what was there.
 * `multiline` makes it a textarea that wraps and grows with its text (a step's action is one
 * sentence, so Enter still saves rather than starting a new line).
 */
function StepText(props: { label: string; value: string; className?: string; placeholder?: string; multiline?: boolean; onCommit: (text: string) => boolean | void }) {
  const [text, setText] = useState(props.value);
  const [base, setBase] = useState(props.value);
  if (base !== props.value) {
    setBase(props.value);
    setText(props.value);
  }
  const commit = () => {
    if (text === props.value) return;
    if (props.onCommit(text) === false) setText(props.value);
  };
  const shared = {
    'aria-label': props.label,
    className: props.className,
    placeholder: props.placeholder,
    value: text,
    onBlur: commit,
    onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === 'Enter' && !e.altKey) {
        e.preventDefault();
        commit();
      } else if (e.key === 'Escape') {
        e.stopPropagation();
        setText(props.value);
      }
    },
  };
  return props.multiline ? (
    <textarea {...shared} rows={1} onChange={(e) => setText(e.target.value.replace(/\s*\n\s*/g, ' '))} />
  ) : (
    <input {...shared} onChange={(e) => setText(e.target.value)} />
  );
}

function NewStep({
  onAdd,
  people,
  onInvalid,
  planName,
}: {
  onAdd: (step: StepDraft) => Promise<boolean>;
  people: ReturnType<typeof usePeople>['pickable'];
  onInvalid: (message: string) => void;
  planName: string;
}) {
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [within, setWithin] = useState('');
  const actionRef = useRef<HTMLTextAreaElement>(null);
  const add = async () => {
    const hours = parseHours(within);
    if (!hours.ok) return onInvalid(hours.message);
    if (action.trim() === '') return onInvalid('Write what the step does, for example “Call the warehouse team”.');
    // Cleared at once so the next step can be typed while this one saves; put back if refused.
    const typed = { action, within };
    setAction('');
    setWithin('');
    actionRef.current?.focus();
    const ok = await onAdd({ action: typed.action.trim(), ownerPersonId: owner || null, withinHours: hours.value });
    if (!ok) {
      setAction(typed.action);
      setWithin(typed.within);
    }
  };
  return (
    <form
      className="cont-new-step"
      aria-label={`New step for ${planName}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <textarea
        ref={actionRef}
        rows={1}
        aria-label="New step action"
        className="cont-step-action"
        placeholder="What is done…"
        value={action}
        onChange={(e) => setAction(e.target.value.replace(/\s*\n\s*/g, ' '))}
        onKeyDown={(e) => {
          // Enter adds the step, as it would from a one-line box; the text wraps on its own.
          if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <span className="cont-step-details">
        <select aria-label="New step owner" className="cont-step-owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">Owner…</option>
          <PersonOptions people={people} />
        </select>
        <input aria-label="New step within (hours from activation)" className="cont-step-within num" placeholder="e.g. 2 h" value={within} onChange={(e) => setWithin(e.target.value)} />
        <button type="submit" className="button">
          Add step
        </button>
      </span>
    </form>
  );
}
