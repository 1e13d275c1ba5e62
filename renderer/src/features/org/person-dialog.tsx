import { useState } from 'react';
import type { Person } from '../../../../shared/org';
import { formatForEdit, parseAmount } from '../../../../shared/money';
import { call } from '../../api';
import { change } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';

interface PersonDialogProps {
  departmentId: string;
  /** null adds a person or an open role. */
  person: Person | null;
  currency: string;
  onClose: () => void;
}

export function PersonDialog({ departmentId, person, currency, onClose }: PersonDialogProps) {
  const [name, setName] = useState(person?.name ?? '');
  const [title, setTitle] = useState(person?.title ?? '');
  const [fte, setFte] = useState(String(person?.fte ?? 1));
  const [salary, setSalary] = useState(person?.annualSalaryMinor != null ? formatForEdit(person.annualSalaryMinor) : '');
  const [startDate, setStartDate] = useState(person?.startDate ?? '');
  const [endDate, setEndDate] = useState(person?.endDate ?? '');
  const [status, setStatus] = useState<Person['status']>(person?.status ?? 'active');
  const { busy, error, run } = useSubmitState();

  const submit = () =>
    run(async () => {
      if (name.trim() === '') return status === 'open' ? 'Name the open role, for example “Open role – Dispatcher”.' : 'Give the person a name.';
      const fteValue = Number(fte);
      if (!Number.isFinite(fteValue) || fteValue < 0 || fteValue > 1.5) return 'FTE is a number from 0 to 1.5, such as 1 or 0.5.';
      const parsed = parseAmount(salary);
      if (!parsed.ok) return `Annual salary: ${parsed.message}.`;
      if (parsed.minor !== null && parsed.minor < 0) return 'Annual salary cannot be negative.';
      if (startDate && endDate && endDate < startDate) return 'The end date is before the start date.';
      const fields = {
        departmentId,
        name: name.trim(),
        title: title.trim() === '' ? null : title.trim(),
        fte: fteValue,
        annualSalaryMinor: parsed.minor,
        startDate: startDate || null,
        endDate: endDate || null,
        status,
      };
      const result = person
        ? await change(() => call('org.updatePerson', { id: person.id, ...fields }), { quiet: true, done: `Saved ${fields.name}` })
        : await change(() => call('org.createPerson', fields), { quiet: true, done: `Added ${fields.name}` });
      if (!result.ok) return result.message;
      onClose();
      return null;
    });

  return (
    <Dialog label={person ? `Edit ${person.name}` : 'Add person'} onClose={onClose} onSubmit={submit} submitLabel={person ? 'Save' : 'Add person'} busy={busy} error={error}>
      <div className="field-row">
        <Field label="Name">{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}</Field>
        <Field label="Title">{(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
      </div>
      <div className="field-row">
        <Field label="Status">
          {(p) => (
            <select {...p} value={status} onChange={(e) => setStatus(e.target.value === 'open' ? 'open' : 'active')}>
              <option value="active">Active</option>
              <option value="open">Open role</option>
            </select>
          )}
        </Field>
        <Field label="FTE">{(p) => <input {...p} className="num" inputMode="decimal" value={fte} onChange={(e) => setFte(e.target.value)} />}</Field>
        <Field label={`Annual salary (${currency})`}>
          {(p) => <input {...p} className="num" inputMode="decimal" value={salary} onChange={(e) => setSalary(e.target.value)} placeholder="85,000" />}
        </Field>
      </div>
      <div className="field-row">
        <Field label="Start date">{(p) => <input {...p} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />}</Field>
        <Field label="End date">{(p) => <input {...p} type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />}</Field>
      </div>
    </Dialog>
  );
}
