/**
 * Removing a person. Core refuses while continuity or the risk register uses them, naming the
 * plans, processes and risks; the dialog then lists those and offers to hand every one of their
 * roles to someone else and remove them in one step (one undo puts it all back).
 */
import { useState } from 'react';
import type { Person } from '../../../../shared/org';
import type { Usage } from '../../../../shared/continuity';
import { ApiError, call, errorMessage, useQuery } from '../../api';
import { change } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';

function isUsage(value: unknown): value is Usage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v.processes) && Array.isArray(v.plans) && Array.isArray(v.risks);
}

interface PersonDeleteDialogProps {
  person: Person;
  departmentName: string;
  onClose: () => void;
}

export function PersonDeleteDialog({ person, departmentName, onClose }: PersonDeleteDialogProps) {
  const [refusal, setRefusal] = useState<{ message: string; usage: Usage } | null>(null);
  const usage = refusal?.usage ?? null;
  const [to, setTo] = useState('');
  const { busy, error, run } = useSubmitState();
  // Everyone who could take over: only asked for once the removal is refused.
  const everyone = useQuery('org.listPeople', usage ? { departmentId: null } : null);
  const candidates = (everyone.data ?? []).filter((p) => p.id !== person.id && p.status === 'active').sort((a, b) => a.name.localeCompare(b.name));

  const remove = async (reassignTo?: string): Promise<string | null> => {
    try {
      await call('org.deletePerson', { id: person.id, ...(reassignTo ? { reassignTo } : {}) });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'refused' && isUsage(err.details)) {
        setRefusal({ message: err.message, usage: err.details });
        // The dialog now shows the refusal with what uses them; no second error line.
        return null;
      }
      return errorMessage(err);
    }
    const takeover = reassignTo ? candidates.find((p) => p.id === reassignTo)?.name : undefined;
    // Already done: change() only refreshes the lists and says so.
    await change(() => Promise.resolve(null), { done: takeover ? `Removed ${person.name}; ${takeover} took over their roles` : `Removed ${person.name}` });
    onClose();
    return null;
  };

  return (
    <Dialog
      label={usage ? `${person.name} is still needed` : 'Remove person'}
      onClose={onClose}
      submitLabel={usage ? 'Reassign and remove' : 'Remove'}
      danger
      busy={busy}
      error={error}
      onSubmit={() =>
        run(async () => {
          if (!usage) return remove();
          if (!to) return `Choose who takes over ${person.name}'s roles.`;
          return remove(to);
        })
      }
    >
      {usage ? (
        <>
          <p role="alert" className="banner read-only">
            {refusal?.message}
          </p>
          <dl className="facts person-usage" aria-label={`Where ${person.name} is named`}>
            {(
              [
                ['Plans', usage.plans],
                ['Processes', usage.processes],
                ['Risks', usage.risks],
              ] as const
            )
              .filter(([, names]) => names.length > 0)
              .map(([label, names]) => (
                <div key={label} className="person-usage-group">
                  <dt>{label}</dt>
                  <dd>{names.join(', ')}</dd>
                </div>
              ))}
          </dl>
          <Field label="Reassign to" hint={`Every role of ${person.name} moves to this person and ${person.name} is removed, in one step you can undo.`}>
            {(p) => (
              <select {...p} value={to} onChange={(e) => setTo(e.target.value)} autoFocus>
                <option value="">Choose…</option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title ? `${c.name} — ${c.title}` : c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      ) : (
        <p>
          Remove {person.name} from {departmentName}? You can undo this.
        </p>
      )}
    </Dialog>
  );
}
