import { useState } from 'react';
import type { Person } from '../../../../shared/org';
import { formatForEdit } from '../../../../shared/money';
import { call } from '../../api';
import { DepartmentOptions } from '../../app/pickers';
import { change, useApp } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';
import { parseFte, parseSalary } from './person-fields';

interface PersonDialogProps {
  /** Where a new person goes; an edited person can be moved to another department. */
  departmentId: string;
  /** null adds a person or an open role. */
  person: Person | null;
  currency: string;
  onClose: () => void;
}

export function PersonDialog({ departmentId, person, currency, onClose }: PersonDialogProps) {
  const departments = useApp((s) => s.departments);
  const [name, setName] = useState(person?.name ?? '');
  const [title, setTitle] = useState(person?.title ?? '');
  const [department, setDepartment] = useState(person?.departmentId ?? departmentId);
  const [fte, setFte] = useState(String(person?.fte ?? 1));
  const [salary, setSalary] = useState(person?.annualSalaryMinor != null ? formatForEdit(person.annualSalaryMinor) : '');
  const [startDate, setStartDate] = useState(person?.startDate ?? '');
  const [endDate, setEndDate] = useState(person?.endDate ?? '');
  const [status, setStatus] = useState<Person['status']>(person?.status ?? 'active');
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [fieldErrors, setFieldErrors] = useState<{ fte: string | null; salary: string | null }>({ fte: null, salary: null });
  const { busy, error, run } = useSubmitState();

  const submit = () =>
    run(async () => {
      const fteValue = parseFte(fte);
      const salaryValue = parseSalary(salary);
      setFieldErrors({ fte: fteValue.ok ? null : fteValue.message, salary: salaryValue.ok ? null : salaryValue.message });
      if (name.trim() === '') return status === 'open' ? 'Name the open role, for example “Open role – Dispatcher”.' : 'Give the person a name.';
      if (startDate && endDate && endDate < startDate) return 'The end date is before the start date.';
      if (!fteValue.ok || !salaryValue.ok) return null;
      const fields = {
        departmentId: department,
        name: name.trim(),
        title: title.trim() === '' ? null : title.trim(),
        fte: fteValue.value,
        annualSalaryMinor: salaryValue.value,
        startDate: startDate || null,
        endDate: endDate || null,
        status,
        phone: phone.trim() === '' ? null : phone.trim(),
      };
      const movedTo = person && department !== person.departmentId ? departments.find((d) => d.id === department) : undefined;
      const result = person
        ? await change(() => call('org.updatePerson', { id: person.id, ...fields }), {
            quiet: true,
            done: movedTo ? `Moved ${fields.name} to ${movedTo.name}` : `Saved ${fields.name}`,
          })
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
      <Field label="Department">
        {(p) => (
          <select {...p} value={department} onChange={(e) => setDepartment(e.target.value)}>
            <DepartmentOptions />
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field label="Status">
          {(p) => (
            <select {...p} value={status} onChange={(e) => setStatus(e.target.value === 'open' ? 'open' : 'active')}>
              <option value="active">Active</option>
              <option value="open">Open role</option>
            </select>
          )}
        </Field>
        <Field label="FTE" error={fieldErrors.fte}>
          {(p) => <input {...p} className="num" inputMode="decimal" value={fte} onChange={(e) => setFte(e.target.value)} />}
        </Field>
        <Field label={`Annual salary (${currency})`} error={fieldErrors.salary}>
          {(p) => <input {...p} className="num" inputMode="decimal" value={salary} onChange={(e) => setSalary(e.target.value)} placeholder="85,000" />}
        </Field>
      </div>
      <div className="field-row">
        <Field label="Start date">{(p) => <input {...p} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />}</Field>
        <Field label="End date">{(p) => <input {...p} type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />}</Field>
      </div>
      <Field label="Phone (for call trees)">
        {(p) => <input {...p} type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="+1 555 0100" />}
      </Field>
    </Dialog>
  );
}
