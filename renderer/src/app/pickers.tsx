import type { Department } from '../../../shared/org';
import { StatusBadge } from '../components/status-badge';
import { useApp, useCurrentPlan } from './store';

/** Indents by depth with figure spaces so the tree shows inside a native <select>. */
export function departmentOptionText(d: Department): string {
  return `${'\u2007\u2007'.repeat(d.depth)}${d.name} (${d.code})`;
}

/** The departments as options valued by id, indented as a tree; `disabled` ones cannot be chosen. */
export function DepartmentOptions({ disabled, valueBy = 'id' }: { disabled?: ReadonlySet<string>; valueBy?: 'id' | 'code' }) {
  const departments = useApp((s) => s.departments);
  return departments.map((d) => (
    <option key={d.id} value={valueBy === 'id' ? d.id : d.code} disabled={disabled?.has(d.id)}>
      {departmentOptionText(d)}
    </option>
  ));
}

/** The plan picker (FY × scenario) shared by Budget and Variance; the badge says its status. */
export function PlanPicker() {
  const plans = useApp((s) => s.plans);
  const planId = useApp((s) => s.planId);
  const setPlan = useApp((s) => s.setPlan);
  const plan = useCurrentPlan();
  return (
    <div className="picker plan-picker">
      <label htmlFor="plan-picker">Plan</label>
      <select id="plan-picker" value={planId ?? ''} onChange={(e) => setPlan(e.target.value)} disabled={plans.length === 0}>
        {plans.length === 0 ? <option value="">No plans yet</option> : null}
        {plans.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {plan ? <StatusBadge status={plan.status} /> : null}
    </div>
  );
}

/**
 * The department picker. Option values are cost-centre codes (unique and readable), so a
 * script can pick "210" without knowing ids.
 */
export function DepartmentPicker() {
  const departments = useApp((s) => s.departments);
  const departmentId = useApp((s) => s.departmentId);
  const setDepartment = useApp((s) => s.setDepartment);
  const current = departments.find((d) => d.id === departmentId);
  return (
    <div className="picker">
      <label htmlFor="department-picker">Department</label>
      <select
        id="department-picker"
        value={current?.code ?? ''}
        onChange={(e) => {
          const next = departments.find((d) => d.code === e.target.value);
          if (next) setDepartment(next.id);
        }}
      >
        <DepartmentOptions valueBy="code" />
      </select>
    </div>
  );
}
