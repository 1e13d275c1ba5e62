/**
 * Adds a dependency: pick a person from the org, another process, a system, a site or a vendor —
 * or create the vendor, system or site right here (added to the register and depended on in
 * one change, so one Undo takes both back).
 */
import { useState } from 'react';
import type { DependencyKind, NewDependencyTarget, ProcessDetail } from '../../../../shared/continuity';
import { call, useQuery } from '../../api';
import { change } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';
import { Segmented } from '../../components/segmented';
import { parseHours } from './durations';
import { PersonOptions, usePeople } from './people';
import { kindLabels } from './words';

const kinds = (['person', 'process', 'system', 'site', 'vendor'] as const).map((k) => [k, kindLabels[k]] as const);
const creatable = new Set<DependencyKind>(['system', 'site', 'vendor']);

export function AddDependencyDialog({ detail, onClose }: { detail: ProcessDetail; onClose: () => void }) {
  const [kind, setKind] = useState<DependencyKind>('person');
  const [target, setTarget] = useState('');
  const [creating, setCreating] = useState(false);
  const [newName, setNewName] = useState('');
  const [newService, setNewService] = useState('');
  const [stated, setStated] = useState('');
  const [recovery, setRecovery] = useState('');
  const [notes, setNotes] = useState('');
  const { busy, error, run } = useSubmitState();
  const people = usePeople();
  const overview = useQuery('continuity.overview', kind === 'process' ? {} : null);
  const vendors = useQuery('continuity.vendors', kind === 'vendor' ? {} : null);
  const assets = useQuery('continuity.assets', kind === 'system' || kind === 'site' ? { kind } : null);
  const already = new Set(detail.dependencies.filter((d) => d.kind === kind).map((d) => d.targetId));

  const options: { id: string; text: string }[] =
    kind === 'process'
      ? (overview.data?.processes ?? []).filter((p) => p.id !== detail.process.id).map((p) => ({ id: p.id, text: `${p.name} (Tier ${p.tier})` }))
      : kind === 'vendor'
        ? (vendors.data ?? []).map((v) => ({ id: v.id, text: v.service ? `${v.name} — ${v.service}` : v.name }))
        : kind === 'system' || kind === 'site'
          ? (assets.data ?? []).map((a) => ({ id: a.id, text: a.name }))
          : [];
  const listError = overview.error ?? vendors.error ?? assets.error ?? people.error;
  const makeNew = creatable.has(kind) && (creating || (options.length === 0 && !vendors.loading && !assets.loading));

  const chooseKind = (k: DependencyKind) => {
    setKind(k);
    setTarget('');
    setCreating(false);
  };

  const submit = () =>
    run(async () => {
      const hours = parseHours(recovery);
      if (!hours.ok) return hours.message;
      const common = { processId: detail.process.id, kind, recoveryHours: hours.value, notes: notes.trim() === '' ? null : notes.trim() };
      let newTarget: NewDependencyTarget | undefined;
      if (makeNew) {
        if (newName.trim() === '') return `Name the new ${kindLabels[kind].toLowerCase()}.`;
        const statedHours = parseHours(stated);
        if (!statedHours.ok) return statedHours.message;
        // Added with the dependency in one change: one Undo takes both back.
        newTarget = { name: newName.trim(), ...(kind === 'vendor' ? { service: newService.trim() } : {}), recoveryHours: statedHours.value };
      } else if (!target) return `Choose the ${kindLabels[kind].toLowerCase()} it depends on.`;
      const targetName = makeNew ? newName.trim() : (options.find((o) => o.id === target)?.text ?? people.byId.get(target)?.name ?? 'it');
      const result = await change(() => call('continuity.addDependency', newTarget ? { ...common, newTarget } : { ...common, targetId: target }), {
        quiet: true,
        done: `${detail.process.name} now depends on ${targetName}`,
      });
      if (!result.ok) return result.message;
      onClose();
      return null;
    });

  return (
    <Dialog label={`Add a dependency of ${detail.process.name}`} onClose={onClose} onSubmit={submit} submitLabel="Add dependency" busy={busy} error={error ?? listError}>
      <div className="field">
        <span className="cont-label">Depends on a</span>
        <Segmented label="Kind of dependency" options={kinds} value={kind} onChange={chooseKind} />
      </div>
      {makeNew ? (
        <fieldset className="cont-inline-new">
          <legend>New {kindLabels[kind].toLowerCase()}</legend>
          <div className="field-row">
            <Field label={`${kindLabels[kind]} name`}>{(p) => <input {...p} value={newName} onChange={(e) => setNewName(e.target.value)} autoFocus />}</Field>
            {kind === 'vendor' ? <Field label="Service">{(p) => <input {...p} value={newService} onChange={(e) => setNewService(e.target.value)} />}</Field> : null}
          </div>
          <Field label={kind === 'vendor' ? 'Their stated recovery time' : 'Stated recovery time'} hint="e.g. 8 h, 2 d; leave empty if unknown">
            {(p) => <input {...p} value={stated} onChange={(e) => setStated(e.target.value)} />}
          </Field>
          {options.length > 0 ? (
            <button type="button" className="link-button" onClick={() => setCreating(false)}>
              Pick an existing {kindLabels[kind].toLowerCase()} instead
            </button>
          ) : null}
        </fieldset>
      ) : (
        <div className="cont-pick-row">
          <Field label={kindLabels[kind]}>
            {(p) => (
              <select {...p} value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">Choose…</option>
                {kind === 'person' ? (
                  <PersonOptions people={people.pickable} except={already} />
                ) : (
                  options
                    .filter((o) => !already.has(o.id))
                    .map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.text}
                      </option>
                    ))
                )}
              </select>
            )}
          </Field>
          {creatable.has(kind) ? (
            <button type="button" className="button" onClick={() => setCreating(true)}>
              New {kindLabels[kind].toLowerCase()}…
            </button>
          ) : null}
        </div>
      )}
      <div className="field-row">
        <Field label="Recovery time of this dependency" hint="Optional; otherwise its stated recovery time counts">
          {(p) => <input {...p} value={recovery} onChange={(e) => setRecovery(e.target.value)} placeholder="e.g. 24 h" />}
        </Field>
        <Field label="Notes">{(p) => <input {...p} value={notes} onChange={(e) => setNotes(e.target.value)} />}</Field>
      </div>
    </Dialog>
  );
}
