import { useMemo, useState } from 'react';
import type { Department } from '../../../../shared/org';
import { DepartmentOptions } from '../../app/pickers';
import { useApp } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';
import { subtreeIds } from './department-tree-utils';

interface MoveDialogProps {
  department: Department;
  onMove: (parentId: string | null) => Promise<string | null>;
  onClose: () => void;
}

/** The keyboard way to do what drag-and-drop does in the tree. */
export function MoveDialog({ department, onMove, onClose }: MoveDialogProps) {
  const departments = useApp((s) => s.departments);
  const blocked = useMemo(() => subtreeIds(departments, department.id), [departments, department.id]);
  const [parent, setParent] = useState(department.parentId ?? '');
  const { busy, error, run } = useSubmitState();
  return (
    <Dialog
      label={`Move ${department.name}`}
      onClose={onClose}
      submitLabel="Move"
      busy={busy}
      error={error}
      onSubmit={() =>
        run(async () => {
          const problem = await onMove(parent || null);
          if (problem === null) onClose();
          return problem;
        })
      }
    >
      <Field label="New parent" hint="Its people, budgets and sub-departments move with it.">
        {(p) => (
          <select {...p} value={parent} onChange={(e) => setParent(e.target.value)} autoFocus>
            <option value="">(top level)</option>
            <DepartmentOptions disabled={blocked} />
          </select>
        )}
      </Field>
    </Dialog>
  );
}
