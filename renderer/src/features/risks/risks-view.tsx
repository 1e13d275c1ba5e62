import { useState } from 'react';
import { riskCategories, riskCategoryLabels, scoreBandLabels, scoreBandRanges, scoreBands, type Risk, type RiskCategory, type ScoreBand } from '../../../../shared/risks';
import { call, useQuery } from '../../api';
import { change } from '../../app/store';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorBanner } from '../../components/error-banner';
import { Segmented } from '../../components/segmented';
import '../../styles/risks.css';
import { AppetiteControl } from './appetite-control';
import { HeatMap } from './heat-map';
import { RiskDialog } from './risk-dialog';
import { cellRiskIds, describeCell, filterRisks, isFiltered, ownersOf, type HeatMode } from './risk-filters';
import { useRiskView } from './risk-store';
import { RiskTable } from './risk-table';

const modeOptions = [
  ['residual', 'Residual'],
  ['inherent', 'Inherent'],
] as const satisfies readonly (readonly [HeatMode, string])[];

/** The risk register: a 5 × 5 heat map beside the sortable, filterable register, and the appetite. */
export function RisksView() {
  const listQuery = useQuery('risks.list', {});
  const mapQuery = useQuery('risks.heatMap', {});
  const { filters, mode, sorting, setFilters, clearFilters, setMode, toggleCell, setSorting } = useRiskView();
  const [editing, setEditing] = useState<Risk | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Risk | null>(null);

  const list = listQuery.data;
  const risks = list?.risks ?? [];
  const appetite = list?.appetite ?? mapQuery.data?.appetite ?? 12;
  const shown = filterRisks(risks, filters, cellRiskIds(mapQuery.data, filters.cell));
  const aboveCount = risks.filter((r) => r.aboveAppetite).length;
  const owners = ownersOf(risks);

  return (
    <section className="view risks-view" aria-label="Risks">
      <header className="view-header">
        <div className="view-title">
          <h1>Risk register</h1>
          <p className="view-subtitle">
            {list ? (
              <>
                <strong>{risks.length}</strong> {risks.length === 1 ? 'risk' : 'risks'} · <strong data-testid="above-count">{aboveCount}</strong> above the appetite of{' '}
                {appetite}
              </>
            ) : (
              'Likelihood × impact, before and after mitigation.'
            )}
          </p>
        </div>
        <AppetiteControl appetite={appetite} />
        <button type="button" className="button primary" onClick={() => setEditing('new')}>
          Add risk
        </button>
      </header>
      <ErrorBanner message={listQuery.error ?? mapQuery.error} />

      <div className="risks-layout">
        <section className="panel heat-panel" aria-label="Heat map">
          <header className="panel-header">
            <h2>Heat map</h2>
            <Segmented label="Scores on the map" options={modeOptions} value={mode} onChange={setMode} />
          </header>
          {mapQuery.data ? (
            <HeatMap cells={mapQuery.data[mode]} mode={mode} appetite={appetite} chosen={filters.cell} onChoose={toggleCell} />
          ) : mapQuery.loading ? (
            <p className="loading">Loading…</p>
          ) : null}
        </section>

        <section className="panel register-panel" aria-label="Register">
          <div className="risk-filters" role="group" aria-label="Filter the register">
            <div className="field search-field">
              <label htmlFor="risk-search">Search</label>
              <input id="risk-search" type="search" placeholder="Title, owner, mitigation, process…" value={filters.text} onChange={(e) => setFilters({ text: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="risk-category">Category</label>
              <select id="risk-category" value={filters.category} onChange={(e) => setFilters({ category: e.target.value as RiskCategory | 'all' })}>
                <option value="all">All categories</option>
                {riskCategories.map((c) => (
                  <option key={c} value={c}>
                    {riskCategoryLabels[c]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="risk-owner">Owner</label>
              <select id="risk-owner" value={filters.owner} onChange={(e) => setFilters({ owner: e.target.value })}>
                <option value="all">Everyone</option>
                <option value="none">No owner</option>
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="risk-band">Residual score</label>
              <select id="risk-band" value={filters.band} onChange={(e) => setFilters({ band: e.target.value as ScoreBand | 'all' })}>
                <option value="all">Any score</option>
                {scoreBands.map((b) => (
                  <option key={b} value={b}>
                    {scoreBandLabels[b]} ({scoreBandRanges[b]})
                  </option>
                ))}
              </select>
            </div>
            <label className="check above-only">
              <input type="checkbox" checked={filters.aboveOnly} onChange={(e) => setFilters({ aboveOnly: e.target.checked })} />
              Above appetite only
            </label>
          </div>

          <p className="filter-summary" role="status" data-testid="filter-summary">
            {isFiltered(filters) ? `Showing ${shown.length} of ${risks.length}` : `${risks.length} ${risks.length === 1 ? 'risk' : 'risks'}`}
            {filters.cell ? (
              <>
                {' '}
                · in the <strong>{describeCell(filters.cell)}</strong> cell{' '}
              </>
            ) : null}
            {isFiltered(filters) ? (
              <button type="button" className="link-button" onClick={clearFilters}>
                Clear filters
              </button>
            ) : null}
          </p>

          <div className="table-wrap">
            <RiskTable risks={shown} sorting={sorting} onSort={setSorting} onEdit={setEditing} onDelete={setDeleting} />
            {list && risks.length === 0 ? (
              <p className="empty-state">
                The register is empty. Add the risks that could stop the company working: a key supplier failing, a site lost, the one person who knows payroll
                leaving.
              </p>
            ) : list && shown.length === 0 ? (
              <p className="empty-state">No risk matches these filters.</p>
            ) : null}
          </div>
        </section>
      </div>

      {editing ? <RiskDialog risk={editing === 'new' ? null : editing} appetite={appetite} onClose={() => setEditing(null)} /> : null}
      {deleting ? (
        <ConfirmDialog
          label="Delete risk"
          message={`Delete the risk “${deleting.title}” with its ${deleting.mitigations.length} mitigations and ${deleting.links.length} links? You can undo this.`}
          confirmLabel="Delete risk"
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            const gone = deleting;
            const result = await change(() => call('risks.delete', { id: gone.id }), { quiet: true, done: `Deleted risk “${gone.title}”` });
            return result.ok ? null : result.message;
          }}
        />
      ) : null}
    </section>
  );
}
