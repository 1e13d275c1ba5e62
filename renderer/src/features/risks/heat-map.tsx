import { useRef, useState, type KeyboardEvent } from 'react';
import {
  impactLabels,
  isAboveAppetite,
  likelihoodLabels,
  ratingLabel,
  scoreBand,
  scoreBandLabels,
  scoreBandRanges,
  scoreBands,
  type HeatCell,
} from '../../../../shared/risks';
import type { CellChoice, HeatMode } from './risk-filters';

interface HeatMapProps {
  cells: HeatCell[];
  mode: HeatMode;
  appetite: number;
  chosen: CellChoice | null;
  onChoose: (cell: CellChoice) => void;
}

const moves: Record<string, (row: number, col: number) => [number, number]> = {
  ArrowUp: (r, c) => [Math.max(0, r - 1), c],
  ArrowDown: (r, c) => [Math.min(4, r + 1), c],
  ArrowLeft: (r, c) => [r, Math.max(0, c - 1)],
  ArrowRight: (r, c) => [r, Math.min(4, c + 1)],
  Home: (r) => [r, 0],
  End: (r) => [r, 4],
};

function cellWords(cell: HeatCell, mode: HeatMode, appetite: number): string {
  const risks = cell.count === 0 ? 'no risks' : cell.count === 1 ? '1 risk' : `${cell.count} risks`;
  const flag = isAboveAppetite(cell.score, appetite) ? 'above appetite' : 'within appetite';
  return `${ratingLabel('likelihood', cell.likelihood)} likelihood, ${ratingLabel('impact', cell.impact)} impact: ${risks}, ${mode} score ${cell.score}, ${scoreBandLabels[scoreBand(cell.score)].toLowerCase()}, ${flag}`;
}

/**
 * The 5 × 5 map: likelihood up, impact across, each cell a button with its count. The appetite is
 * drawn as a heavy line around the cells whose score is above it (and those cells are hatched and
 * say so in their names), so it does not rest on colour. One Tab stop: arrow keys move between
 * cells, Enter or Space chooses one (the register then shows only its risks).
 */
export function HeatMap({ cells, mode, appetite, chosen, onChoose }: HeatMapProps) {
  const grid = useRef<HTMLDivElement>(null);
  // Tab lands on the chosen cell, else the top-right (the worst) one.
  const [focus, setFocus] = useState<[number, number]>(() => (chosen && chosen.mode === mode ? [5 - chosen.likelihood, chosen.impact - 1] : [0, 4]));
  const rows = [0, 1, 2, 3, 4].map((r) => cells.slice(r * 5, r * 5 + 5));
  const above = (l: number, i: number) => l >= 1 && i >= 1 && isAboveAppetite(l * i, appetite);

  const onKeyDown = (e: KeyboardEvent) => {
    const move = moves[e.key];
    if (!move || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const next = move(focus[0], focus[1]);
    setFocus(next);
    grid.current?.querySelector<HTMLElement>(`[data-cell="${next[0]}-${next[1]}"]`)?.focus();
  };

  return (
    <div className="heat-map">
      <div className="heat-axis-y" aria-hidden="true">
        Likelihood
      </div>
      <div ref={grid} className="heat-grid" role="grid" aria-label={`Risk heat map, ${mode} scores`} aria-describedby="heat-map-legend" onKeyDown={onKeyDown}>
        {rows.map((row, r) => (
          <div role="row" className="heat-row" key={r}>
            <span role="rowheader" className="heat-row-label">
              <span className="heat-rating">{5 - r}</span> {likelihoodLabels[4 - r]}
            </span>
            {row.map((cell, c) => {
              const isAbove = above(cell.likelihood, cell.impact);
              // The appetite line: on the edge between a cell above appetite and one within it.
              const edgeLeft = isAbove && c > 0 && !above(cell.likelihood, cell.impact - 1);
              const edgeBottom = isAbove && r < 4 && !above(cell.likelihood - 1, cell.impact);
              const isChosen = chosen !== null && chosen.mode === mode && chosen.likelihood === cell.likelihood && chosen.impact === cell.impact;
              const classes = [
                'heat-cell',
                `band-${scoreBand(cell.score)}`,
                isAbove ? 'over' : '',
                edgeLeft ? 'edge-left' : '',
                edgeBottom ? 'edge-bottom' : '',
                // At the map's outer edges the line stops at the cell instead of running into the gap.
                r === 0 ? 'top-row' : '',
                c === 4 ? 'last-col' : '',
                isChosen ? 'chosen' : '',
                cell.count === 0 ? 'empty' : '',
              ];
              return (
                <span role="gridcell" key={c} className="heat-gridcell">
                  <button
                    type="button"
                    className={classes.filter(Boolean).join(' ')}
                    data-cell={`${r}-${c}`}
                    data-likelihood={cell.likelihood}
                    data-impact={cell.impact}
                    tabIndex={focus[0] === r && focus[1] === c ? 0 : -1}
                    aria-pressed={isChosen}
                    aria-label={cellWords(cell, mode, appetite)}
                    title={cellWords(cell, mode, appetite)}
                    onFocus={() => setFocus([r, c])}
                    onClick={() => onChoose({ mode, likelihood: cell.likelihood, impact: cell.impact })}
                  >
                    {/* An empty cell shows only its score: a grid of zeros is noise; its name says "no risks". */}
                    <span className="heat-count">{cell.count > 0 ? cell.count : ''}</span>
                    <span className="heat-score" aria-hidden="true">
                      {cell.score}
                    </span>
                  </button>
                </span>
              );
            })}
          </div>
        ))}
        <div role="row" className="heat-row heat-impact-row">
          <span role="columnheader" className="heat-row-label" />
          {impactLabels.map((label, i) => (
            <span role="columnheader" className="heat-col-label" key={label}>
              <span className="heat-rating">{i + 1}</span> {label}
            </span>
          ))}
        </div>
      </div>
      <div className="heat-axis-x" aria-hidden="true">
        Impact
      </div>
      <HeatLegend appetite={appetite} />
    </div>
  );
}

function HeatLegend({ appetite }: { appetite: number }) {
  return (
    <div id="heat-map-legend" className="heat-legend">
      <ul className="heat-bands" aria-label="Score bands">
        {scoreBands.map((band) => (
          <li key={band}>
            <span className={`heat-swatch band-${band}`} aria-hidden="true" />
            {scoreBandLabels[band]} <span className="muted">{scoreBandRanges[band]}</span>
          </li>
        ))}
      </ul>
      <p className="heat-appetite-key">
        <span className="heat-line-sample" aria-hidden="true" />
        Appetite {appetite}: hatched cells beyond the line score above it. Each cell shows its count of risks (blank: none); the small figure is its score.
      </p>
    </div>
  );
}
