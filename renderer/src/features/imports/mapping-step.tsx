import { useEffect, useState } from 'react';
import { importFields, type ImportKind, type ImportOptions, type ImportPlan, type MappingHow, type SheetPlan } from '../../../../shared/imports';
import { periodLabel } from '../../../../shared/periods';
import { useQuery } from '../../api';
import { Segmented } from '../../components/segmented';
import { DepartmentOptions, departmentOptionText } from '../../app/pickers';
import { useApp } from '../../app/store';
import { useImport } from './import-store';

const fieldLabels: Record<string, string> = {
  code: 'Code',
  name: 'Name',
  parentCode: 'Parent code',
  manager: 'Manager',
  type: 'Type',
  active: 'Active',
  title: 'Title',
  departmentCode: 'Department code',
  fte: 'FTE',
  salary: 'Salary',
  startDate: 'Start date',
  endDate: 'End date',
  status: 'Status',
  accountCode: 'Account code',
  accountName: 'Account name',
  period: 'Month (period)',
  amount: 'Amount',
  debit: 'Debit',
  credit: 'Credit',
  month: 'Month column',
  quarter: 'Quarter total (not imported)',
  total: 'Year total (not imported)',
  ignore: 'Ignore',
};

const howLabels: Record<MappingHow, string> = {
  exact: 'exact',
  fuzzy: 'fuzzy',
  remembered: 'remembered',
  given: 'given',
  detected: 'detected',
  none: 'not mapped',
};

/** Sheets whose header rows read the same are shown once: a choice applies to all of them. */
function distinctSheets(plan: ImportPlan): { sheet: SheetPlan; alsoFor: string[] }[] {
  const groups = new Map<string, { sheet: SheetPlan; alsoFor: string[] }>();
  for (const sheet of plan.sheets.filter((s) => s.included)) {
    const key = JSON.stringify(sheet.mapping.map((m) => [m.header, m.field]));
    const group = groups.get(key);
    if (group) group.alsoFor.push(sheet.name);
    else groups.set(key, { sheet, alsoFor: [] });
  }
  return [...groups.values()];
}

/** Step 2: each column's field and how it was found; the plan, department and the rules for unknown codes and duplicates. */
export function MappingStep({ plan }: { plan: ImportPlan }) {
  const options = useImport((s) => s.options);
  const busy = useImport((s) => s.busy);
  const setOptions = useImport((s) => s.setOptions);
  const kind = plan.kind;
  if (kind === null) return <p className="banner error">Choose the kind of file in the first step.</p>;
  const fields = [...importFields[kind], 'ignore'];

  const setField = (header: string, field: string) => {
    const others = (options.mapping ?? []).filter((m) => m.header !== header);
    void setOptions({ mapping: [...others, { header, field }] });
  };

  return (
    <div className="import-step">
      <div className="import-choices">
        {kind === 'budget' ? <PlanChoice plan={plan} /> : null}
        {kind === 'budget' ? <DepartmentChoice plan={plan} /> : null}
        {kind === 'budget' || kind === 'actuals' ? (
          <div className="field">
            <span className="field-label">Several rows for one cell</span>
            <Segmented
              label="Several rows for one cell"
              options={[
                ['sum', 'Sum them'],
                ['refuse', 'Refuse'],
              ]}
              value={plan.duplicates}
              onChange={(duplicates) => void setOptions({ duplicates })}
            />
          </div>
        ) : null}
      </div>
      <UnknownCodes plan={plan} kind={kind} />
      {distinctSheets(plan).map(({ sheet, alsoFor }) => (
        <div key={sheet.name} className="table-wrap">
          <table className="data-table mapping-table" aria-label={`Columns of ${sheet.name}`}>
            <caption>
              {sheet.name}
              {alsoFor.length > 0 ? <span className="muted"> and {alsoFor.join(', ')} (same columns)</span> : null}
              <span className="muted"> · header on row {sheet.headerRow === null ? '?' : sheet.headerRow + 1}
                {sheet.layout ? ` · ${sheet.layout} layout` : ''}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Header in the file</th>
                <th scope="col">Imported as</th>
                <th scope="col">How</th>
              </tr>
            </thead>
            <tbody>
              {sheet.mapping.map((m) => (
                <tr key={m.column} data-header={m.header}>
                  <td className="code">{m.letter}</td>
                  <th scope="row">{m.header}</th>
                  <td>
                    <select
                      aria-label={`Field for ${m.header || `column ${m.letter}`}`}
                      value={m.field}
                      disabled={busy !== null}
                      onChange={(e) => setField(m.header, e.target.value)}
                    >
                      {(fields.includes(m.field) ? fields : [...fields, m.field]).map((f) => (
                        <option key={f} value={f}>
                          {fieldLabels[f] ?? f}
                        </option>
                      ))}
                    </select>
                    {m.period ? <span className="muted"> {periodLabel(m.period)}</span> : null}
                  </td>
                  <td>
                    <span className={`how-tag how-${m.how}`}>{howLabels[m.how]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}

const newPlan = '__new__';

function PlanChoice({ plan }: { plan: ImportPlan }) {
  const plans = useApp((s) => s.plans).filter((p) => p.status !== 'locked');
  const options = useImport((s) => s.options);
  const busy = useImport((s) => s.busy);
  const setOptions = useImport((s) => s.setOptions);
  const creating = options.planName !== undefined || (options.planId === undefined && plan.target?.create === true);
  const [name, setName] = useState(options.planName ?? (plan.target?.create ? plan.target.planName : ''));
  const [picked, setPicked] = useState<string>(options.planId ?? (creating ? newPlan : (plan.target?.planId ?? '')));
  useEffect(() => {
    if (options.planName !== undefined) setName(options.planName);
  }, [options.planName]);

  const applyName = () => {
    const trimmed = name.trim();
    if (trimmed !== '' && trimmed !== options.planName) void setOptions({ planName: trimmed }, ['planId']);
  };

  return (
    <>
      <div className="field">
        <label htmlFor="import-plan">Plan</label>
        <select
          id="import-plan"
          value={picked}
          disabled={busy !== null}
          onChange={(e) => {
            setPicked(e.target.value);
            if (e.target.value === newPlan) return;
            if (e.target.value === '') void setOptions({}, ['planId', 'planName']);
            else void setOptions({ planId: e.target.value }, ['planName']);
          }}
        >
          <option value="">{plan.target && !plan.target.create ? `As found: ${plan.target.planName}` : 'Choose a plan'}</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.status})
            </option>
          ))}
          <option value={newPlan}>New plan…</option>
        </select>
      </div>
      {picked === newPlan ? (
        <div className="field">
          <label htmlFor="import-plan-name">New plan name</label>
          <div className="inline-field">
            <input
              id="import-plan-name"
              value={name}
              placeholder="FY2027 · Base"
              onChange={(e) => setName(e.target.value)}
              onBlur={applyName}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  applyName();
                }
              }}
            />
            <button type="button" className="button" disabled={busy !== null} onClick={applyName}>
              Use this name
            </button>
          </div>
        </div>
      ) : null}
      {plan.target ? (
        <p className="muted import-target">
          Goes to <strong>{plan.target.planName}</strong>
          {plan.target.create ? ' (a new draft plan)' : ''}
        </p>
      ) : plan.planCandidates.length > 0 ? (
        <p className="muted import-target">Candidates: {plan.planCandidates.join(', ')}</p>
      ) : null}
    </>
  );
}

function DepartmentChoice({ plan }: { plan: ImportPlan }) {
  const options = useImport((s) => s.options);
  const busy = useImport((s) => s.busy);
  const setOptions = useImport((s) => s.setOptions);
  const fromColumn = plan.sheets.some((s) => s.included && s.departmentFrom === 'column');
  if (fromColumn && options.departmentCode === undefined) return null;
  const detected = plan.sheets.find((s) => s.included && s.departmentCode && s.departmentFrom !== 'given');
  return (
    <div className="field">
      <label htmlFor="import-department">Department</label>
      <select
        id="import-department"
        value={options.departmentCode ?? ''}
        disabled={busy !== null}
        onChange={(e) => void (e.target.value ? setOptions({ departmentCode: e.target.value }) : setOptions({}, ['departmentCode']))}
      >
        <option value="">{detected ? `As detected: ${detected.departmentCode} (from ${detected.departmentFrom})` : 'Not detected: choose'}</option>
        <DepartmentOptions valueBy="code" />
      </select>
    </div>
  );
}

type Policy = 'refuse' | 'create' | 'map';

function UnknownCodes({ plan, kind }: { plan: ImportPlan; kind: ImportKind }) {
  const options = useImport((s) => s.options);
  const setOptions = useImport((s) => s.setOptions);
  const departments = useApp((s) => s.departments);
  const accounts = useQuery('accounts.list', kind === 'budget' || kind === 'actuals' ? {} : null);
  const unknown = plan.unknownCodes;
  if (unknown.departments.length + unknown.accounts.length === 0) return null;
  const current = options.unknownCodes ?? 'refuse';
  const policy: Policy = Array.isArray(current) ? 'map' : current;
  const pairs = Array.isArray(current) ? current : [];
  const target = (from: string) => pairs.find((p) => p.from === from)?.to ?? '';

  const setPolicy = (next: Policy) => {
    const value: NonNullable<ImportOptions['unknownCodes']> = next === 'map' ? pairs : next;
    void setOptions({ unknownCodes: value });
  };
  const mapCode = (from: string, to: string) => {
    const rest = pairs.filter((p) => p.from !== from);
    void setOptions({ unknownCodes: to ? [...rest, { from, to }] : rest });
  };

  const rows: { what: 'department' | 'account'; code: string; choices: { code: string; label: string }[] }[] = [
    ...unknown.departments.map((code) => ({
      what: 'department' as const,
      code,
      choices: departments.map((d) => ({ code: d.code, label: departmentOptionText(d).trim() })),
    })),
    ...unknown.accounts.map((code) => ({
      what: 'account' as const,
      code,
      choices: (accounts.data ?? []).filter((a) => a.active).map((a) => ({ code: a.code, label: `${a.code} ${a.name}` })),
    })),
  ];

  return (
    <section className="panel unknown-codes" aria-label="Unknown codes">
      <div className="panel-header">
        <h2>
          {rows.length === 1 ? '1 code is' : `${rows.length} codes are`} not in the workspace:{' '}
          {rows.map((r) => `${r.what} ${r.code}`).join(', ')}
        </h2>
        <Segmented
          label="Unknown codes"
          options={[
            ['refuse', 'Refuse'],
            ['create', 'Create them'],
            ['map', 'Map to existing'],
          ]}
          value={policy}
          onChange={setPolicy}
        />
      </div>
      {policy === 'map' ? (
        <table className="data-table">
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.what}:${r.code}`}>
                <th scope="row">
                  {r.what} {r.code}
                </th>
                <td>
                  <select aria-label={`Map ${r.what} ${r.code} to`} value={target(r.code)} onChange={(e) => mapCode(r.code, e.target.value)}>
                    <option value="">Choose…</option>
                    {r.choices.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
