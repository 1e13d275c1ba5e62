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
  note: 'Cell note',
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

/** A budget with no month columns: its quarter or year columns are data, spread to months. */
function spreadLabel(sheet: SheetPlan, field: string): string | null {
  if (sheet.kind !== 'budget' || sheet.layout !== 'wide' || sheet.mapping.some((m) => m.field === 'month')) return null;
  if (field === 'quarter') return 'Quarter (spread to months)';
  if (field === 'total') return 'Year (spread to months)';
  return null;
}

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
      <ApprovedPlan plan={plan} />
      <SignsChoice plan={plan} />
      <NameMatches plan={plan} />
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
                <th scope="col">Sample values</th>
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
                          {spreadLabel(sheet, f) ?? fieldLabels[f] ?? f}
                        </option>
                      ))}
                    </select>
                    {m.period ? <span className="muted"> {periodLabel(m.period)}</span> : null}
                  </td>
                  <td>
                    <span className={`how-tag how-${m.how}`}>{howLabels[m.how]}</span>
                  </td>
                  <td className="mapping-samples" title={(m.samples ?? []).join(' · ')}>
                    {(m.samples ?? []).join(' · ')}
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

/** The amount column's sign convention: shown with its evidence; one that is not as stored waits for the user's word. */
function SignsChoice({ plan }: { plan: ImportPlan }) {
  const options = useImport((s) => s.options);
  const busy = useImport((s) => s.busy);
  const setOptions = useImport((s) => s.setOptions);
  const signs = plan.signs;
  if (!signs || (signs.detected === 'as-stored' && options.signs === undefined)) return null;
  return (
    <section className="panel banner notice" aria-label="Signs of the amounts">
      <label>
        Signs in the file{' '}
        <select
          value={options.signs ?? ''}
          disabled={busy !== null}
          onChange={(e) =>
            void (e.target.value === ''
              ? setOptions({}, ['signs'])
              : setOptions({ signs: e.target.value as NonNullable<ImportOptions['signs']> }))
          }
        >
          <option value="">Choose…</option>
          <option value="as-stored">Revenue and expenses both positive</option>
          <option value="credits-negative">Credits negative (revenue written negative)</option>
          <option value="expenses-negative">Expenses written negative</option>
        </select>
      </label>
      <p className="muted">
        The amounts read like {signs.detected === null ? 'no one convention' : signs.description} ({signs.reason}). They are stored with revenue and spend both positive.
      </p>
    </section>
  );
}

/** An approved plan is written into only when the user says so. */
function ApprovedPlan({ plan }: { plan: ImportPlan }) {
  const options = useImport((s) => s.options);
  const busy = useImport((s) => s.busy);
  const setOptions = useImport((s) => s.setOptions);
  if (plan.target?.status !== 'approved') return null;
  return (
    <section className="panel banner notice" aria-label="Approved plan">
      <label>
        <input
          type="checkbox"
          checked={options.intoApproved === true}
          disabled={busy !== null}
          onChange={(e) => void (e.target.checked ? setOptions({ intoApproved: true }) : setOptions({}, ['intoApproved']))}
        />{' '}
        Import into the approved plan {plan.target.planName} (it changes the approved figures; no new plan is made)
      </label>
    </section>
  );
}

/**
 * Departments and accounts the file names rather than codes: what each was matched to, and the
 * near misses to confirm — one click adds the match to the confirmed list (remembered on commit).
 */
function NameMatches({ plan }: { plan: ImportPlan }) {
  const options = useImport((s) => s.options);
  const busy = useImport((s) => s.busy);
  const setOptions = useImport((s) => s.setOptions);
  const matches = plan.matches.filter((m) => m.status !== 'none');
  if (matches.length === 0) return null;
  const pairs = Array.isArray(options.unknownCodes) ? options.unknownCodes : [];
  const confirm = (text: string, code: string) => void setOptions({ unknownCodes: [...pairs.filter((p) => p.from !== text), { from: text, to: code }] });
  const open = matches.filter((m) => m.status === 'suggest').length;
  return (
    <section className="panel name-matches" aria-label="Names matched">
      <div className="panel-header">
        <h2>
          Names matched to codes{open > 0 ? ` — ${open === 1 ? '1 needs' : `${open} need`} your confirmation` : ''}
        </h2>
      </div>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">In the file</th>
            <th scope="col">Matched to</th>
            <th scope="col">How</th>
          </tr>
        </thead>
        <tbody>
          {matches.map((m) => (
            <tr key={`${m.entity}:${m.text}`} data-match={m.status}>
              <th scope="row">
                {m.entity} “{m.text}” <span className="muted">{m.ref.split('!').pop()}</span>
              </th>
              <td>
                {m.status === 'suggest'
                  ? m.suggestions.map((x) => (
                      <button key={x.code} type="button" className="button" disabled={busy !== null} title={x.why} onClick={() => confirm(m.text, x.code)}>
                        Use {x.code} {x.name}
                      </button>
                    ))
                  : m.code}
              </td>
              <td>{m.status === 'suggest' ? 'did you mean… (confirm one)' : m.status === 'confirmed' ? 'confirmed by you' : (m.how ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
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
