import { useEffect, useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { paperSizes, type PaperSize, type ReportChoices, type ReportSectionId } from '../../../../shared/report';
import { useQuery, useRevision } from '../../api';
import { useApp } from '../../app/store';
import { ErrorBanner } from '../../components/error-banner';
import { Segmented } from '../../components/segmented';
import { StatusBadge } from '../../components/status-badge';
import { CommentaryEditor } from './commentary-editor';
import { CoverSettings } from './cover-settings';
import { ExportPanel } from './export-pdf';
import { fiscalYearOfReportPeriod, planForPeriod, plansForPeriod, renderOptions, toggleSection } from './report-logic';
import { PreviewPages } from './report-preview';
import { isCommentaryDirty, loadCommentary, saveCommentary, useReport } from './report-store';
import { previewKey, useReportPreview } from './use-report-preview';

const paperLabels: Record<PaperSize, string> = { a4: 'A4', letter: 'US Letter' };
const paperOptions = paperSizes.map((p) => [p, paperLabels[p]] as const);

/** The board pack: what goes in it, the director's words, a live preview and the PDF. */
export function ReportsView() {
  const choicesQuery = useQuery('report.choices', {});
  const choices = choicesQuery.data;

  if (!choices) {
    return (
      <section className="view reports-view" aria-label="Reports">
        <ReportsHeader />
        <ErrorBanner message={choicesQuery.error} />
        {choicesQuery.loading ? <p className="loading">Loading…</p> : null}
      </section>
    );
  }
  if (choices.periods.length === 0 || choices.defaultPeriod === null) {
    return (
      <section className="view reports-view" aria-label="Reports">
        <ReportsHeader />
        <p className="empty-state">A board pack needs a plan to report on. Create or import a plan first.</p>
      </section>
    );
  }
  return <ReportsWorkspace choices={choices} />;
}

function ReportsHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="view-header">
      <div className="view-title">
        <h1>Board pack</h1>
        <p className="view-subtitle">Cover and contents always print; choose the rest. The preview follows your choices.</p>
      </div>
      {children}
    </header>
  );
}

function ReportsWorkspace({ choices }: { choices: ReportChoices }) {
  const fiscalStart = useApp((s) => s.workspace?.fiscalYearStartMonth ?? 1);
  const period = useReport((s) => s.period);
  const planId = useReport((s) => s.planId);
  const chosenSections = useReport((s) => s.sections);
  const paper = useReport((s) => s.paper);
  const choose = useReport((s) => s.choose);
  const commentaryRevision = useRevision('report.commentary');

  // The first visit, or a period or plan that no longer exists (an undone import, say): the defaults.
  const periodKey = period && choices.periods.some((p) => p.key === period) ? period : choices.defaultPeriod!;
  const fiscalYear = fiscalYearOfReportPeriod(periodKey, fiscalStart);
  const plans = plansForPeriod(choices.plans, fiscalYear);
  const planKey = planForPeriod(choices.plans, fiscalYear, planId && choices.plans.some((p) => p.id === planId) ? planId : choices.defaultPlanId);
  useEffect(() => {
    if (periodKey !== period || planKey !== planId) choose({ period: periodKey, planId: planKey });
  }, [periodKey, planKey, period, planId, choose]);

  useEffect(() => {
    void loadCommentary(periodKey);
  }, [periodKey, commentaryRevision]);

  const offered = useMemo(() => choices.sections.map((s) => s.id), [choices.sections]);
  const sections = chosenSections ?? offered;
  const periodLabel = choices.periods.find((p) => p.key === periodKey)?.label ?? periodKey;
  const options = useMemo(
    () => (planKey ? renderOptions({ period: periodKey, planId: planKey, sections, paper }, offered) : null),
    [periodKey, planKey, sections, paper, offered],
  );
  const { preview, rendering, error } = useReportPreview(options);
  const renderRevision = useRevision('report.render');
  const upToDate = preview && options && preview.key === previewKey(options, renderRevision) && !rendering ? preview.report : null;

  /** Switching period never loses the commentary being written: it is saved first. */
  const choosePeriod = (next: string) => {
    if (next === periodKey) return;
    if (isCommentaryDirty(useReport.getState(), periodKey)) void saveCommentary(periodKey, periodLabel);
    const nextYear = fiscalYearOfReportPeriod(next, fiscalStart);
    choose({ period: next, planId: planForPeriod(choices.plans, nextYear, planKey) });
  };

  // Ctrl+S saves the commentary from anywhere in the view, not only from inside the text box.
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's' && !e.defaultPrevented) {
      e.preventDefault();
      void saveCommentary(periodKey, periodLabel);
    }
  };

  const plan = choices.plans.find((p) => p.id === planKey) ?? null;

  return (
    <section className="view reports-view" aria-label="Reports" onKeyDown={onKeyDown}>
      <ReportsHeader>
        <ExportPanel options={options} ready={upToDate} commentary={{ period: periodKey, label: periodLabel }} />
      </ReportsHeader>
      <div className="reports-layout">
        <div className="report-options">
          <section className="panel" aria-label="Pack options">
            <div className="field">
              <label htmlFor="report-period">Period</label>
              <select id="report-period" value={periodKey} onChange={(e) => choosePeriod(e.target.value)}>
                {choices.periods.map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="report-plan">Plan and scenario</label>
              <div className="select-with-badge">
                <select id="report-plan" value={planKey ?? ''} onChange={(e) => choose({ planId: e.target.value })} disabled={plans.length === 0}>
                  {plans.length === 0 ? <option value="">No plan for this fiscal year</option> : null}
                  {plans.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                {plan && isPlanStatus(plan.status) ? <StatusBadge status={plan.status} /> : null}
              </div>
            </div>
            <div className="field">
              <span className="field-label" aria-hidden="true">
                Paper size
              </span>
              <Segmented label="Paper size" options={paperOptions} value={paper} onChange={(p) => choose({ paper: p })} />
            </div>
            <fieldset className="section-choices">
              <legend>Sections</legend>
              <label className="check">
                <input type="checkbox" checked disabled /> Cover and contents <span className="muted">(always)</span>
              </label>
              {choices.sections.map((s) => (
                <label key={s.id} className="check">
                  <input
                    type="checkbox"
                    checked={sections.includes(s.id)}
                    onChange={(e) => choose({ sections: toggleSection(sections, s.id as ReportSectionId, e.target.checked) })}
                  />
                  {s.title}
                </label>
              ))}
            </fieldset>
          </section>
          <CommentaryEditor period={periodKey} periodLabel={periodLabel} />
          <section className="panel" aria-label="Cover">
            <header className="panel-header">
              <h2>Cover</h2>
            </header>
            <CoverSettings preparedBy={choices.preparedBy} confidentiality={choices.confidentiality} />
          </section>
        </div>
        <div className="report-preview-column">
          <ErrorBanner message={planKey ? error : `There is no plan for the fiscal year of ${periodLabel}.`} />
          <PreviewPages preview={preview} rendering={rendering} />
        </div>
      </div>
    </section>
  );
}

function isPlanStatus(status: string): status is 'draft' | 'approved' | 'locked' {
  return status === 'draft' || status === 'approved' || status === 'locked';
}
