import { useState } from 'react';
import { call } from '../../api';
import { DepartmentOptions } from '../../app/pickers';
import { change } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';
import { PersonOptions, usePeople } from './people';
import { TierOptions } from './process-fields';

/** Adds a critical process: a name, a tier and an owner; the rest is filled in on its page. */
export function ProcessDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const people = usePeople();
  const [name, setName] = useState('');
  const [tier, setTier] = useState(2);
  const [department, setDepartment] = useState('');
  const [owner, setOwner] = useState('');
  const { busy, error, run } = useSubmitState();

  const submit = () =>
    run(async () => {
      if (name.trim() === '') return 'Name the process, for example “Dispatch”.';
      const result = await change(
        () => call('continuity.createProcess', { name: name.trim(), tier, ownerDepartmentId: department || null, ownerPersonId: owner || null }),
        { quiet: true, done: (d) => `Added process ${d.process.name}` },
      );
      if (!result.ok) return result.message;
      onClose();
      onCreated(result.value.process.id);
      return null;
    });

  return (
    <Dialog label="Add process" onClose={onClose} onSubmit={submit} submitLabel="Add process" busy={busy} error={error}>
      <Field label="Name">{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}</Field>
      <Field label="Tier">
        {(p) => (
          <select {...p} value={tier} onChange={(e) => setTier(Number(e.target.value))}>
            <TierOptions />
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field label="Owner department">
          {(p) => (
            <select {...p} value={department} onChange={(e) => setDepartment(e.target.value)}>
              <option value="">(none)</option>
              <DepartmentOptions />
            </select>
          )}
        </Field>
        <Field label="Owner">
          {(p) => (
            <select {...p} value={owner} onChange={(e) => setOwner(e.target.value)}>
              <option value="">(none)</option>
              <PersonOptions people={people.pickable} />
            </select>
          )}
        </Field>
      </div>
    </Dialog>
  );
}
