import { useState } from 'react';
import type { Department } from '../../../../shared/org';
import { call } from '../../api';
import { DepartmentOptions } from '../../app/pickers';
import { change, useApp } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';

interface DepartmentDialogProps {
  /** null adds a new department. */
  department: Department | null;
  parentId?: string | null;
  onClose: () => void;
}

export function DepartmentDialog({ department, parentId = null, onClose }: DepartmentDialogProps) {
  const [code, setCode] = useState(department?.code ?? '');
  const [name, setName] = useState(department?.name ?? '');
  const [manager, setManager] = useState(department?.manager ?? '');
  const [parent, setParent] = useState<string>(parentId ?? '');
  const { busy, error, run } = useSubmitState();

  const submit = () =>
    run(async () => {
      if (code.trim() === '') return 'Give the department a cost-centre code, such as 230.';
      if (name.trim() === '') return 'Give the department a name.';
      const managerValue = manager.trim() === '' ? null : manager.trim();
      const result = department
        ? await change(() => call('org.updateDepartment', { id: department.id, code: code.trim(), name: name.trim(), manager: managerValue }), {
            quiet: true,
            done: (d) => `Saved ${d.name}`,
          })
        : await change(() => call('org.createDepartment', { code: code.trim(), name: name.trim(), parentId: parent || null, manager: managerValue }), {
            quiet: true,
            done: (d) => `Added ${d.name}`,
          });
      if (!result.ok) return result.message;
      useApp.getState().setDepartment(result.value.id);
      onClose();
      return null;
    });

  return (
    <Dialog
      label={department ? `Edit department ${department.name}` : 'Add department'}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={department ? 'Save' : 'Add department'}
      busy={busy}
      error={error}
    >
      <div className="field-row">
        <Field label="Code">{(p) => <input {...p} value={code} onChange={(e) => setCode(e.target.value)} autoFocus={!department} />}</Field>
        <Field label="Name">{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoFocus={!!department} />}</Field>
      </div>
      {department ? null : (
        <Field label="Parent">
          {(p) => (
            <select {...p} value={parent} onChange={(e) => setParent(e.target.value)}>
              <option value="">(top level)</option>
              <DepartmentOptions />
            </select>
          )}
        </Field>
      )}
      <Field label="Manager">{(p) => <input {...p} value={manager} onChange={(e) => setManager(e.target.value)} />}</Field>
    </Dialog>
  );
}
