import { useId, useRef, useState } from 'react';
import {
  impactLabels,
  isAboveAppetite,
  likelihoodLabels,
  mitigationStatuses,
  mitigationStatusLabels,
  riskCategories,
  riskCategoryLabels,
  residualAboveInherent,
  riskScore,
  scoreBand,
  scoreBandLabels,
  type MitigationStatus,
  type Ratings,
  type Risk,
  type RiskCategory,
  type RiskChoices,
  type RiskCreateInput,
} from '../../../../shared/risks';
import { call, useQuery } from '../../api';
import { change } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { Field } from '../../components/field';
import { showDate } from '../../app/dates';

interface RiskDialogProps {
  /** null adds a risk. */
  risk: Risk | null;
  appetite: number;
  onClose: () => void;
}

interface MitigationDraft {
  key: number;
  id?: string;
  action: string;
  status: MitigationStatus;
  ownerPersonId: string;
  dueOn: string;
}

interface LinkDraft {
  kind: 'process' | 'vendor';
  targetId: string;
  name: string;
}

let draftKeys = 0;

function RatingSelect({ axis, value, onChange, props }: { axis: 'likelihood' | 'impact'; value: number; onChange: (n: number) => void; props: object }) {
  const words = axis === 'likelihood' ? likelihoodLabels : impactLabels;
  return (
    <select {...props} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {words.map((w, i) => (
        <option key={w} value={i + 1}>
          {i + 1} · {w}
        </option>
      ))}
    </select>
  );
}

function scoreWords(r: Ratings): string {
  const score = riskScore(r);
  return `${score} (${scoreBandLabels[scoreBand(score)].toLowerCase()})`;
}

/** Add or edit a risk: ratings, owner, review date, its mitigations and what it threatens, saved as one change. */
export function RiskDialog({ risk, appetite, onClose }: RiskDialogProps) {
  const choicesQuery = useQuery('risks.choices', {});
  const choices: RiskChoices = choicesQuery.data ?? { people: [], processes: [], vendors: [] };
  const [title, setTitle] = useState(risk?.title ?? '');
  const [description, setDescription] = useState(risk?.description ?? '');
  const [category, setCategory] = useState<RiskCategory>(risk?.category ?? 'operational');
  const [owner, setOwner] = useState(risk?.ownerPersonId ?? '');
  const [inherent, setInherent] = useState<Ratings>(risk ? { likelihood: risk.inherent.likelihood, impact: risk.inherent.impact } : { likelihood: 3, impact: 3 });
  const [residual, setResidual] = useState<Ratings>(risk ? { likelihood: risk.residual.likelihood, impact: risk.residual.impact } : { likelihood: 3, impact: 3 });
  const [reviewDate, setReviewDate] = useState(risk?.reviewDate ?? '');
  const [mitigations, setMitigations] = useState<MitigationDraft[]>(
    () =>
      risk?.mitigations.map((m) => ({ key: ++draftKeys, id: m.id, action: m.action, status: m.status, ownerPersonId: m.ownerPersonId ?? '', dueOn: m.dueOn ?? '' })) ?? [],
  );
  const [links, setLinks] = useState<LinkDraft[]>(() => risk?.links.map((l) => ({ ...l })) ?? []);
  const [linkChoice, setLinkChoice] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const { busy, error, run } = useSubmitState();
  const mitigationList = useRef<HTMLOListElement>(null);
  const linkPicker = useRef<HTMLSelectElement>(null);
  const ids = useId();

  const residualTooHigh = residualAboveInherent(inherent, residual);
  const residualScore = riskScore(residual);

  // The current owners stay choosable even if they are no longer active people (open role, left).
  const people = [...choices.people];
  const keepPerson = (id: string | null, name: string | null, leftOn: string | null) => {
    if (id && !people.some((p) => p.id === id)) people.push({ id, name: `${name ?? 'Unknown'}${leftOn ? ` (has left, ${showDate(leftOn)})` : ''}`, title: null, endDate: leftOn });
  };
  keepPerson(risk?.ownerPersonId ?? null, risk?.ownerName ?? null, risk?.ownerLeftOn ?? null);
  for (const m of risk?.mitigations ?? []) keepPerson(m.ownerPersonId, m.ownerName, m.ownerLeftOn);
  const personOptions = people.map((p) => (
    <option key={p.id} value={p.id}>
      {p.name}
      {p.title ? ` — ${p.title}` : ''}
    </option>
  ));

  const linked = new Set(links.map((l) => `${l.kind}:${l.targetId}`));
  const freeProcesses = choices.processes.filter((p) => !linked.has(`process:${p.id}`));
  const freeVendors = choices.vendors.filter((v) => !linked.has(`vendor:${v.id}`));

  const addLink = () => {
    const [kind, targetId] = linkChoice.split(':') as ['process' | 'vendor', string];
    if (!targetId) return;
    const name = (kind === 'process' ? choices.processes : choices.vendors).find((x) => x.id === targetId)?.name ?? '';
    setLinks((l) => [...l, { kind, targetId, name }]);
    setLinkChoice('');
    // The Link button is disabled once the choice is cleared, which would drop focus out of the
    // dialog; the picker keeps it, ready for the next link.
    linkPicker.current?.focus();
  };

  const patchMitigation = (key: number, patch: Partial<MitigationDraft>) => setMitigations((list) => list.map((m) => (m.key === key ? { ...m, ...patch } : m)));

  const addMitigation = () => {
    setMitigations((list) => [...list, { key: ++draftKeys, action: '', status: 'planned', ownerPersonId: '', dueOn: '' }]);
    // Focus the new row's action once it is drawn.
    requestAnimationFrame(() => mitigationList.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };

  const submit = () =>
    run(async () => {
      setTitleError(title.trim() === '' ? 'Give the risk a title.' : null);
      if (title.trim() === '') return 'Give the risk a title.';
      if (residualTooHigh) return residualTooHigh.message;
      const blank = mitigations.findIndex((m) => m.action.trim() === '');
      if (blank >= 0) return `Mitigation ${blank + 1} has no action: say what it does, or remove it.`;
      const fields: RiskCreateInput = {
        title: title.trim(),
        description: description.trim(),
        category,
        ownerPersonId: owner || null,
        inherent,
        residual,
        reviewDate: reviewDate || null,
        mitigations: mitigations.map((m) => ({
          ...(m.id ? { id: m.id } : {}),
          action: m.action.trim(),
          status: m.status,
          ownerPersonId: m.ownerPersonId || null,
          dueOn: m.dueOn || null,
        })),
        links: links.map((l) => ({ kind: l.kind, targetId: l.targetId })),
      };
      const result = risk
        ? await change(() => call('risks.update', { id: risk.id, ...fields }), { quiet: true, done: `Saved risk “${fields.title}”` })
        : await change(() => call('risks.create', fields), { quiet: true, done: `Added risk “${fields.title}”` });
      if (!result.ok) return result.message;
      onClose();
      return null;
    });

  return (
    <Dialog label={risk ? `Edit risk: ${risk.title}` : 'Add risk'} onClose={onClose} onSubmit={submit} submitLabel={risk ? 'Save risk' : 'Add risk'} busy={busy} error={error} wide>
      <ErrorBanner message={choicesQuery.error} />
      <Field label="Title" error={titleError}>
        {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoFocus />}
      </Field>
      <div className="field-row">
        <Field label="Category">
          {(p) => (
            <select {...p} value={category} onChange={(e) => setCategory(e.target.value as RiskCategory)}>
              {riskCategories.map((c) => (
                <option key={c} value={c}>
                  {riskCategoryLabels[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Owner">
          {(p) => (
            <select {...p} value={owner} onChange={(e) => setOwner(e.target.value)}>
              <option value="">No owner yet</option>
              {personOptions}
            </select>
          )}
        </Field>
        <Field label="Review date">{(p) => <input {...p} type="date" value={reviewDate} onChange={(e) => setReviewDate(e.target.value)} />}</Field>
      </div>
      <Field label="Description">
        {(p) => <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={4000} />}
      </Field>

      <div className="rating-grid">
        <fieldset>
          <legend>Inherent (before mitigation)</legend>
          <div className="field-row">
            <Field label="Inherent likelihood">{(p) => <RatingSelect axis="likelihood" value={inherent.likelihood} onChange={(n) => setInherent((r) => ({ ...r, likelihood: n }))} props={p} />}</Field>
            <Field label="Inherent impact">{(p) => <RatingSelect axis="impact" value={inherent.impact} onChange={(n) => setInherent((r) => ({ ...r, impact: n }))} props={p} />}</Field>
          </div>
          <p className="rating-score">Score {scoreWords(inherent)}</p>
        </fieldset>
        <fieldset>
          <legend>Residual (after mitigation)</legend>
          <div className="field-row">
            <Field label="Residual likelihood" error={residual.likelihood > inherent.likelihood ? `Above inherent (${inherent.likelihood})` : null}>
              {(p) => <RatingSelect axis="likelihood" value={residual.likelihood} onChange={(n) => setResidual((r) => ({ ...r, likelihood: n }))} props={p} />}
            </Field>
            <Field label="Residual impact" error={residual.impact > inherent.impact ? `Above inherent (${inherent.impact})` : null}>
              {(p) => <RatingSelect axis="impact" value={residual.impact} onChange={(n) => setResidual((r) => ({ ...r, impact: n }))} props={p} />}
            </Field>
          </div>
          {residualTooHigh ? (
            <p className="field-error" data-testid="residual-error">
              {residualTooHigh.message}
            </p>
          ) : null}
          <p className="rating-score" data-testid="residual-summary">
            Score {scoreWords(residual)} ·{' '}
            {isAboveAppetite(residualScore, appetite) ? <strong className="above-text">above appetite ({appetite})</strong> : `within appetite (${appetite})`}
          </p>
        </fieldset>
      </div>

      <fieldset>
        <legend>Mitigations</legend>
        {mitigations.length === 0 ? <p className="muted">No mitigations yet.</p> : null}
        <ol ref={mitigationList} className="mitigation-list">
          {mitigations.map((m, i) => (
            <li key={m.key} className="mitigation-row">
              <label className="visually-hidden" htmlFor={`${ids}-action-${m.key}`}>
                Mitigation {i + 1} action
              </label>
              <input
                id={`${ids}-action-${m.key}`}
                className="mitigation-action"
                value={m.action}
                placeholder="What is being done"
                maxLength={500}
                onChange={(e) => patchMitigation(m.key, { action: e.target.value })}
              />
              <label className="visually-hidden" htmlFor={`${ids}-status-${m.key}`}>
                Mitigation {i + 1} status
              </label>
              <select id={`${ids}-status-${m.key}`} value={m.status} onChange={(e) => patchMitigation(m.key, { status: e.target.value as MitigationStatus })}>
                {mitigationStatuses.map((s) => (
                  <option key={s} value={s}>
                    {mitigationStatusLabels[s]}
                  </option>
                ))}
              </select>
              <label className="visually-hidden" htmlFor={`${ids}-owner-${m.key}`}>
                Mitigation {i + 1} owner
              </label>
              <select id={`${ids}-owner-${m.key}`} value={m.ownerPersonId} onChange={(e) => patchMitigation(m.key, { ownerPersonId: e.target.value })}>
                <option value="">No owner</option>
                {personOptions}
              </select>
              <label className="visually-hidden" htmlFor={`${ids}-due-${m.key}`}>
                Mitigation {i + 1} due date
              </label>
              <input id={`${ids}-due-${m.key}`} type="date" value={m.dueOn} onChange={(e) => patchMitigation(m.key, { dueOn: e.target.value })} />
              <button
                type="button"
                className="button small danger-text"
                aria-label={`Remove mitigation ${i + 1}${m.action ? ` (${m.action})` : ''}`}
                onClick={() => setMitigations((list) => list.filter((x) => x.key !== m.key))}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
        <div>
          <button type="button" className="button small" onClick={addMitigation}>
            Add mitigation
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend>Threatens (processes and vendors)</legend>
        {links.length === 0 ? <p className="muted">Not linked to any process or vendor.</p> : null}
        <ul className="link-list" aria-label="Linked processes and vendors">
          {links.map((l) => (
            <li key={`${l.kind}:${l.targetId}`} className="link-chip">
              <span className="tag">{l.kind}</span> {l.name}
              <button
                type="button"
                className="link-remove"
                aria-label={`Unlink ${l.kind} ${l.name}`}
                onClick={() => setLinks((list) => list.filter((x) => !(x.kind === l.kind && x.targetId === l.targetId)))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {choices.processes.length + choices.vendors.length === 0 ? (
          <p className="muted">No processes or vendors yet: add them in Continuity to link them here.</p>
        ) : (
          <div className="link-picker">
            <label htmlFor={`${ids}-link`}>Link a process or vendor</label>
            <select
              ref={linkPicker}
              id={`${ids}-link`}
              value={linkChoice}
              onChange={(e) => setLinkChoice(e.target.value)}
              onKeyDown={(e) => {
                // Enter on the picker links rather than saving the whole dialog.
                if (e.key === 'Enter' && linkChoice) {
                  e.preventDefault();
                  addLink();
                }
              }}
            >
              <option value="">Choose…</option>
              {freeProcesses.length > 0 ? (
                <optgroup label="Processes">
                  {freeProcesses.map((p) => (
                    <option key={p.id} value={`process:${p.id}`}>
                      {p.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {freeVendors.length > 0 ? (
                <optgroup label="Vendors">
                  {freeVendors.map((v) => (
                    <option key={v.id} value={`vendor:${v.id}`}>
                      {v.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
            <button type="button" className="button small" onClick={addLink} disabled={!linkChoice}>
              Link
            </button>
          </div>
        )}
      </fieldset>
    </Dialog>
  );
}
