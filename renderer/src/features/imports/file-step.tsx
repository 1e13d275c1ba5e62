import { useState, type DragEvent } from 'react';
import { importKinds, type ImportKind, type ImportPlan } from '../../../../shared/imports';
import { maxFileLabel, useImport } from './import-store';
import { plural } from './plan-summary';

export const kindLabels: Record<ImportKind, string> = {
  departments: 'Departments (org)',
  accounts: 'Accounts (chart of accounts)',
  people: 'People (HR export)',
  budget: 'Budget',
  actuals: 'Actuals (GL export)',
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Step 1: the file (picked or dropped), its kind, the sheets to import and, for csv, the decimal mark. */
export function FileStep() {
  const file = useImport((s) => s.file);
  const plan = useImport((s) => s.plan);
  const pickFile = useImport((s) => s.pickFile);
  const [over, setOver] = useState(false);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    // The window-wide drop handler would take it too; this one is enough.
    e.stopPropagation();
    setOver(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) void pickFile(dropped);
  };

  return (
    <div className="import-step">
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>
          {file ? (
            <>
              <strong>{file.name}</strong> <span className="muted">· {formatSize(file.size)}</span>
            </>
          ) : (
            'Drop a spreadsheet here, or anywhere on the window.'
          )}
        </p>
        <label className="button" htmlFor="import-file">
          {file ? 'Choose another file…' : 'Choose a file…'}
        </label>
        <input
          id="import-file"
          className="visually-hidden"
          type="file"
          accept=".xlsx,.xlsm,.csv,.tsv,.txt"
          aria-label="Spreadsheet file"
          onChange={(e) => {
            const picked = e.target.files?.[0];
            if (picked) void pickFile(picked);
            // The same file picked again after a cancel must still fire onChange.
            e.target.value = '';
          }}
        />
        <p className="muted small">xlsx or csv, up to {maxFileLabel}. Nothing is written until the last step.</p>
      </div>
      {plan ? <FileChoices plan={plan} /> : null}
    </div>
  );
}

function FileChoices({ plan }: { plan: ImportPlan }) {
  const options = useImport((s) => s.options);
  const busy = useImport((s) => s.busy);
  const setOptions = useImport((s) => s.setOptions);
  const chosen = plan.sheets.filter((s) => s.included).map((s) => s.name);

  const toggleSheet = (name: string, on: boolean) => {
    const next = on ? [...chosen, name] : chosen.filter((n) => n !== name);
    // Keep workbook order whatever order they were ticked in.
    const ordered = plan.sheets.map((s) => s.name).filter((n) => next.includes(n));
    void setOptions({ sheets: ordered });
  };

  return (
    <div className="import-choices">
      <div className="field">
        <label htmlFor="import-kind">Kind</label>
        <select
          id="import-kind"
          value={options.kind ?? plan.kind ?? ''}
          disabled={busy !== null}
          onChange={(e) =>
            // Fields differ per kind: a mapping chosen for another kind would not apply.
            void setOptions({ kind: e.target.value as ImportKind }, ['mapping'])
          }
        >
          {plan.kind === null && options.kind === undefined ? <option value="">Not recognised: choose</option> : null}
          {importKinds.map((k) => (
            <option key={k} value={k}>
              {kindLabels[k]}
              {options.kind === undefined && plan.kind === k ? ' — detected' : ''}
            </option>
          ))}
        </select>
      </div>
      {plan.format === 'csv' ? (
        <label className="check">
          <input
            type="checkbox"
            checked={plan.decimalComma}
            disabled={busy !== null}
            onChange={(e) => void setOptions({ decimalComma: e.target.checked })}
          />{' '}
          Decimal comma (1.234,50){options.decimalComma === undefined ? ' — as detected' : ''}
        </label>
      ) : null}
      <fieldset className="sheet-list">
        <legend>Sheets to import</legend>
        {plan.sheets.map((s) => (
          <label key={s.name} className="check">
            <input type="checkbox" checked={s.included} disabled={busy !== null} onChange={(e) => toggleSheet(s.name, e.target.checked)} />{' '}
            {s.name}
            <span className="muted">
              {s.included ? ` · ${plural(s.dataRows, 'row')}${s.departmentCode ? ` · department ${s.departmentCode} (from ${s.departmentFrom})` : ''}` : ''}
              {s.skippedReason ? ` · ${s.skippedReason}` : ''}
            </span>
          </label>
        ))}
      </fieldset>
      {plan.notes.length > 0 ? (
        <ul className="import-notes">
          {plan.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
