/** What a process depends on — people, other processes, systems, sites, vendors — with recovery times. */
import { useState } from 'react';
import type { Dependency, ProcessDetail } from '../../../../shared/continuity';
import { call } from '../../api';
import { change } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';
import { TableHead } from '../../components/table-head';
import { AddDependencyDialog } from './add-dependency-dialog';
import { formatHours, hoursForEdit, parseHours } from './durations';
import { kindLabels } from './words';
import { EditRemoveCell } from '../../components/row-actions';

const sourceWords: Record<NonNullable<Dependency['recoverySource']>, string> = {
  dependency: '',
  vendor: 'vendor’s stated',
  asset: 'stated for it',
  process: 'its RTO',
};

export function DependenciesPanel({ detail }: { detail: ProcessDetail }) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Dependency | null>(null);
  const deps = detail.dependencies;

  const remove = (d: Dependency) => void change(() => call('continuity.removeDependency', { id: d.id }), { done: `Removed ${d.targetName} from ${detail.process.name}` });

  return (
    <section className="panel cont-card" aria-label="Dependencies">
      <header className="panel-header">
        <h3>
          Dependencies <span className="muted">{deps.length > 0 ? deps.length : ''}</span>
        </h3>
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add dependency
        </button>
      </header>
      {deps.length === 0 ? (
        <p className="muted">Nothing recorded yet: add the people, systems, sites, vendors and other processes it cannot run without.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="Dependencies of the process">
            <TableHead columns={['Kind', 'Depends on', { label: 'Recovery time', num: true }, 'Against the RTO', 'Notes']} actions />
            <tbody>
              {deps.map((d) => (
                <tr key={d.id} data-dependency={d.targetName}>
                  <td>
                    <span className={`cont-kind kind-${d.kind}`}>{kindLabels[d.kind]}</span>
                  </td>
                  <th scope="row" className="cont-wrap">
                    {d.targetName}
                  </th>
                  <td className="num">
                    {formatHours(d.effectiveRecoveryHours)}
                    {d.recoverySource && d.recoverySource !== 'dependency' ? <span className="cont-source">{sourceWords[d.recoverySource]}</span> : null}
                  </td>
                  <td>
                    {d.exceedsRto ? (
                      <span className="cont-gap sev-high">
                        <span aria-hidden="true" className="cont-gap-icon">
                          !
                        </span>
                        Longer than the RTO
                      </span>
                    ) : d.effectiveRecoveryHours === null ? (
                      <span className="muted">Unknown</span>
                    ) : (
                      <span className="cont-ok">✓ Within</span>
                    )}
                  </td>
                  <td className="cont-notes">{d.notes ?? ''}</td>
                  <EditRemoveCell name={`dependency on ${d.targetName}`} onEdit={() => setEditing(d)} onRemove={() => remove(d)} removeLabel="Remove" />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding ? <AddDependencyDialog detail={detail} onClose={() => setAdding(false)} /> : null}
      {editing ? <EditDependencyDialog dependency={editing} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}

function EditDependencyDialog({ dependency, onClose }: { dependency: Dependency; onClose: () => void }) {
  const [recovery, setRecovery] = useState(hoursForEdit(dependency.recoveryHours));
  const [notes, setNotes] = useState(dependency.notes ?? '');
  const { busy, error, run } = useSubmitState();
  return (
    <Dialog
      label={`Dependency on ${dependency.targetName}`}
      onClose={onClose}
      busy={busy}
      error={error}
      onSubmit={() =>
        run(async () => {
          const hours = parseHours(recovery);
          if (!hours.ok) return hours.message;
          const result = await change(
            () => call('continuity.updateDependency', { id: dependency.id, recoveryHours: hours.value, notes: notes.trim() === '' ? null : notes.trim() }),
            { quiet: true, done: `Saved dependency on ${dependency.targetName}` },
          );
          if (!result.ok) return result.message;
          onClose();
          return null;
        })
      }
    >
      <Field label="Recovery time" hint="How long it takes to come back; empty uses its stated recovery time (e.g. 8 h, 2 d).">
        {(p) => <input {...p} value={recovery} onChange={(e) => setRecovery(e.target.value)} autoFocus />}
      </Field>
      <Field label="Notes">{(p) => <input {...p} value={notes} onChange={(e) => setNotes(e.target.value)} />}</Field>
    </Dialog>
  );
}
