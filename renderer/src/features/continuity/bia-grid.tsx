/**
 * The business impact analysis, edited like the budget grid: arrows (and Tab, Home/End, Enter)
 * move, a digit 1–5 rates the cell, Delete or Backspace clears it. Each edit saves the whole
 * table with continuity.setBia as one change, so the app's Undo takes back exactly that edit.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { impactDimensions, impactHorizonLabels, impactHorizons, type ProcessDetail } from '../../../../shared/continuity';
import { call } from '../../api';
import { change } from '../../app/store';
import { colCount, fromRows, moveCursor, ratingOfKey, ratingWords, rowCount, sameRatings, setCell, toRows, type Cell, type Ratings } from './bia-logic';
import { formatHours } from './durations';

const dimensionLabels: Record<(typeof impactDimensions)[number], string> = {
  financial: 'Financial',
  customer: 'Customer',
  regulatory: 'Regulatory',
  reputational: 'Reputational',
  safety: 'Safety',
};

export function BiaGrid({ detail }: { detail: ProcessDetail }) {
  const gridId = useId().replace(/:/g, '');
  const stored = fromRows(detail.bia.rows);
  const [draft, setDraft] = useState<Ratings>(stored);
  const [active, setActive] = useState<Cell>({ r: 0, c: 0 });
  const [problem, setProblem] = useState<string | null>(null);
  const inFlight = useRef(0);
  const wantFocus = useRef(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const tolerance = detail.bia.tolerance;

  // The server's table replaces the draft once no save is under way (a save's own answer, an undo).
  const storedKey = JSON.stringify(detail.bia.rows);
  useEffect(() => {
    if (inFlight.current === 0) setDraft(fromRows(JSON.parse(storedKey) as ProcessDetail['bia']['rows']));
  }, [storedKey]);

  useEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    document.getElementById(`${gridId}-${active.r}-${active.c}`)?.focus();
  }, [active, gridId]);

  const write = async (next: Ratings) => {
    if (sameRatings(next, draft)) return;
    setDraft(next);
    setProblem(null);
    inFlight.current += 1;
    const result = await change(() => call('continuity.setBia', { processId: detail.process.id, rows: toRows(next) }), { quiet: true });
    inFlight.current -= 1;
    if (!result.ok) {
      setProblem(result.message);
      if (inFlight.current === 0) setDraft(stored);
    } else if (inFlight.current === 0) {
      setDraft(fromRows(result.value.bia.rows));
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Tab') {
      // Tab walks the cells and leaves the grid at either end.
      const index = active.r * colCount + active.c + (e.shiftKey ? -1 : 1);
      if (index < 0 || index >= rowCount * colCount) return;
      e.preventDefault();
      wantFocus.current = true;
      setActive({ r: Math.floor(index / colCount), c: index % colCount });
      return;
    }
    const moved = moveCursor(active, e.key, e.shiftKey);
    if (moved) {
      e.preventDefault();
      wantFocus.current = true;
      setActive(moved);
      return;
    }
    const rating = ratingOfKey(e.key);
    if (rating !== null) {
      e.preventDefault();
      void write(setCell(draft, active, rating));
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void write(setCell(draft, active, null));
    }
  };

  const suggestedRow = detail.bia.suggested.hours === null ? -1 : impactHorizons.indexOf(detail.bia.suggested.hours as (typeof impactHorizons)[number]);

  return (
    <section className="panel cont-card" aria-label="Business impact analysis">
      <header className="panel-header">
        <h3>Business impact analysis</h3>
        <span className="muted">
          {detail.bia.ratedCells} of 25 rated · tolerance {tolerance}: ratings at or above it are not tolerable (marked ▲)
        </span>
      </header>
      <p className="muted cont-help">Arrow keys move, type 1–5 to rate (1 minimal … 5 severe), Delete clears. Each edit saves; Ctrl+Z undoes it.</p>
      <table ref={tableRef} className="cont-bia" role="grid" aria-label="Impact ratings" onKeyDown={onKeyDown}>
        <thead>
          <tr>
            <th scope="col">Outage lasting</th>
            {impactDimensions.map((d) => (
              <th key={d} scope="col">
                {dimensionLabels[d]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {impactHorizons.map((h, r) => (
            <tr key={h} className={r === suggestedRow ? 'suggested' : undefined}>
              <th scope="row">
                {impactHorizonLabels[h]}
                {r === suggestedRow ? <span className="cont-rto-mark">suggested RTO</span> : null}
              </th>
              {impactDimensions.map((d, c) => {
                const value = draft[r]?.[c] ?? null;
                const isActive = active.r === r && active.c === c;
                const over = value !== null && value >= tolerance;
                const saved = stored[r]?.[c] ?? null;
                return (
                  <td
                    key={d}
                    id={`${gridId}-${r}-${c}`}
                    role="gridcell"
                    tabIndex={isActive ? 0 : -1}
                    aria-label={`${dimensionLabels[d]} impact at ${impactHorizonLabels[h]}: ${value === null ? 'not rated' : `${value}, ${ratingWords[value]}`}${over ? ', not tolerable' : ''}`}
                    title={value === null ? 'Not rated' : `${value} — ${ratingWords[value]}`}
                    className={['cont-bia-cell', value === null ? 'empty' : `rating-${value}`, isActive ? 'active' : '', over ? 'over' : '', value !== saved ? 'pending' : '']
                      .filter(Boolean)
                      .join(' ')}
                    data-cell={`${h}-${d}`}
                    onClick={() => {
                      setActive({ r, c });
                      wantFocus.current = true;
                    }}
                  >
                    {value ?? ''}
                    {over ? (
                      <span className="cont-over-mark" aria-hidden="true">
                        ▲
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {problem ? (
        <p className="banner error" role="alert">
          {problem}
        </p>
      ) : null}
      <p className="muted">
        {detail.bia.suggested.hours !== null
          ? `Suggested RTO ${formatHours(detail.bia.suggested.hours)}: ${detail.bia.suggested.reason}`
          : detail.bia.suggested.reason}
        {detail.bia.overridden ? ` The RTO is set to ${formatHours(detail.bia.rtoHours)} instead${detail.bia.rtoReason ? `: ${detail.bia.rtoReason}` : ''}.` : ''}
      </p>
    </section>
  );
}
