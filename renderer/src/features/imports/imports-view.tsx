import type { ImportResult } from '../../../../shared/imports';
import { formatMoney } from '../../../../shared/money';
import { Segmented } from '../../components/segmented';
import { useApp } from '../../app/store';
import { DiffStep } from './diff-step';
import { FileStep } from './file-step';
import { HistoryTable } from './history-table';
import { useImport, wizardSteps, type WizardStep } from './import-store';
import { MappingStep } from './mapping-step';
import { plural } from './plan-summary';
import { PreviewStep } from './preview-step';

export function ImportsView() {
  const tab = useImport((s) => s.tab);
  const setTab = useImport((s) => s.setTab);
  return (
    <section className="view imports-view" aria-label="Import">
      <header className="view-header">
        <div className="view-title">
          <h1>Import a spreadsheet</h1>
          <p className="view-subtitle">Departments, accounts, people, budgets and actuals from xlsx or csv. Every step can be cancelled; nothing is written until you import.</p>
        </div>
        <Segmented
          label="Import or history"
          options={[
            ['wizard', 'Import a file'],
            ['history', 'Import history'],
          ]}
          value={tab}
          onChange={setTab}
        />
      </header>
      {tab === 'wizard' ? <Wizard /> : <HistoryTable />}
    </section>
  );
}

const order: readonly WizardStep[] = wizardSteps.map((s) => s.id);

function Wizard() {
  const step = useImport((s) => s.step);
  const plan = useImport((s) => s.plan);
  const busy = useImport((s) => s.busy);
  const error = useImport((s) => s.error);
  const result = useImport((s) => s.result);
  const { go, cancel, commit } = useImport.getState();
  const at = order.indexOf(step);
  const back = at > 0 && step !== 'done' ? order[at - 1] : undefined;

  let next: { label: string; disabled: boolean; why?: string; run: () => void } | null = null;
  if (step === 'file') next = { label: 'Next: mapping', disabled: !plan || plan.kind === null, run: () => go('mapping') };
  else if (step === 'mapping') next = { label: 'Next: preview', disabled: !plan, run: () => go('preview') };
  else if (step === 'preview' && plan) {
    const blocked = plan.errorCount > 0;
    next = {
      label: 'Next: changes',
      disabled: blocked,
      ...(blocked ? { why: `${plural(plan.errorCount, 'error')} must be fixed first.` } : {}),
      run: () => go('diff'),
    };
  } else if (step === 'diff' && plan) {
    const blocked = plan.errorCount > 0 || plan.identical;
    next = {
      label: plan.identical ? 'Nothing to import' : 'Commit import',
      disabled: blocked,
      ...(plan.errorCount > 0 ? { why: `${plural(plan.errorCount, 'error')} must be fixed first.` } : {}),
      run: () => void commit(),
    };
  }

  return (
    <div className="wizard">
      <ol className="wizard-steps" aria-label="Import steps">
        {wizardSteps.map((s, i) => (
          <li key={s.id} className={i < at ? 'done' : i === at ? 'current' : undefined} aria-current={i === at ? 'step' : undefined}>
            <span className="step-number">{i + 1}</span> {s.label}
          </li>
        ))}
      </ol>
      <div className="wizard-body" aria-busy={busy !== null}>
        {busy ? (
          <p className="busy" role="status">
            <span className="spinner" aria-hidden="true" /> {busy}
          </p>
        ) : null}
        {error ? (
          <p className="banner error" role="alert">
            {error}
          </p>
        ) : null}
        {step === 'file' ? <FileStep /> : null}
        {step === 'mapping' && plan ? <MappingStep plan={plan} /> : null}
        {step === 'preview' && plan ? <PreviewStep plan={plan} /> : null}
        {step === 'diff' && plan ? <DiffStep plan={plan} /> : null}
        {step === 'done' && result ? <DoneStep result={result} /> : null}
      </div>
      <div className="wizard-actions">
        {step === 'done' ? (
          <button type="button" className="button primary" onClick={cancel}>
            Import another file
          </button>
        ) : (
          <>
            <button type="button" className="button" disabled={!back} onClick={() => back && go(back)}>
              Back
            </button>
            <button type="button" className="button" onClick={cancel} disabled={step === 'file' && !plan && !error && !busy}>
              Cancel
            </button>
            {busy !== null ? (
              <span className="wizard-progress" role="status" aria-label="Progress">
                <span className="spinner" aria-hidden="true" /> {busy}
              </span>
            ) : null}
            <span className="wizard-why">{next?.why ?? ''}</span>
            {next ? (
              <button type="button" className="button primary" disabled={next.disabled || busy !== null} onClick={next.run}>
                {next.label}
              </button>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}

function DoneStep({ result }: { result: ImportResult }) {
  const fileName = useImport((s) => s.plan?.fileName ?? 'the file');
  const plans = useApp((s) => s.plans);
  const departments = useApp((s) => s.departments);
  const figures = result.kind === 'budget' || result.kind === 'actuals';
  const plan = result.planName ? plans.find((p) => p.name === result.planName) : undefined;
  const department = departments.find((d) => d.code === result.perDepartment[0]?.code);

  const openBudget = () => {
    const app = useApp.getState();
    if (plan) app.setPlan(plan.id);
    if (department) app.setDepartment(department.id);
    app.setView(result.kind === 'actuals' ? 'variance' : 'budget');
  };

  if (result.identical || result.batch === null) {
    return <p className="banner notice">Nothing was imported: the workspace already holds exactly this file’s contents.</p>;
  }
  return (
    <div className="import-step done-step">
      <p className="import-result" role="status">
        Imported {fileName} as import <strong>{result.batch}</strong>: {plural(result.rowsImported, 'row')},{' '}
        {figures ? plural(result.cellsImported, 'cell') : plural(result.cellsImported, 'record')}
        {result.planName ? ` into ${result.planName}${result.planCreated ? ' (a new draft plan)' : ''}` : ''}.
      </p>
      {result.perDepartment.length > 0 ? (
        <ul className="code-list">
          {result.perDepartment.map((d) => (
            <li key={d.code}>
              {d.code}: {figures ? `${plural(d.rows, 'cell')}, ${formatMoney(d.amountMinor, { decimals: 2 })}` : plural(d.rows, 'row')}
            </li>
          ))}
        </ul>
      ) : null}
      {result.created.departments.length + result.created.accounts.length > 0 ? (
        <p>Created {[...result.created.departments.map((c) => `department ${c}`), ...result.created.accounts.map((c) => `account ${c}`)].join(', ')}.</p>
      ) : null}
      {result.warnings.length > 0 ? <p className="muted">{plural(result.warnings.length, 'warning')} noted in the preview.</p> : null}
      {figures ? (
        <button type="button" className="link-button" onClick={openBudget}>
          {result.kind === 'actuals'
            ? `Open Variance${department ? ` for ${department.code} ${department.name}` : ''}`
            : `Open Budget: ${result.planName ?? ''}${department ? ` · ${department.code} ${department.name}` : ''}`}
        </button>
      ) : null}
      <p className="muted">Changed your mind? Undo it from Import history, or with Undo ({result.changeLabel}).</p>
    </div>
  );
}
