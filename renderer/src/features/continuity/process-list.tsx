/**
 * The critical processes with tier, objectives, owner and readiness. Sorted by any column
 * (header buttons); the rows are a roving-tabindex list: arrows move, Enter opens.
 */
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { ContinuityOverview, ProcessOverview } from '../../../../shared/continuity';
import { GapBadges, ScoreChip } from './badges';
import { ScenarioPlans } from './scenario-plans';
import { useContinuity } from './continuity-store';
import { formatHours } from './durations';
import { showDate } from '../../app/dates';
import { ProcessDialog } from './process-dialog';
import { SortableHeader } from '../../components/sort-header';

/** Nulls sort last whichever way. */
const hoursSort = (a: number | null, b: number | null) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY);

const columns: ColumnDef<ProcessOverview>[] = [
  { id: 'name', header: 'Process', accessorFn: (p) => p.name.toLowerCase(), cell: ({ row }) => <span className="cont-process-name">{row.original.name}</span> },
  { id: 'tier', header: 'Tier', accessorFn: (p) => p.tier, cell: ({ row }) => <span className={`cont-tier tier-${row.original.tier}`}>Tier {row.original.tier}</span> },
  ...(['rto', 'rpo', 'mtpd'] as const).map(
    (k): ColumnDef<ProcessOverview> => ({
      id: k,
      header: k.toUpperCase(),
      accessorFn: (p) => p[`${k}Hours`],
      sortingFn: (a, b) => hoursSort(a.original[`${k}Hours`], b.original[`${k}Hours`]),
      cell: ({ row }) => formatHours(row.original[`${k}Hours`]),
      meta: { num: true },
    }),
  ),
  {
    id: 'owner',
    header: 'Owner',
    accessorFn: (p) => (p.ownerPersonName ?? p.ownerDepartmentName ?? '').toLowerCase(),
    cell: ({ row }) => {
      const p = row.original;
      if (!p.ownerPersonName && !p.ownerDepartmentName) return <span className="muted">No owner</span>;
      return (
        <span className="cont-owner">
          {p.ownerPersonName ?? ''}
          {p.ownerDepartmentName ? <span className="muted">{p.ownerPersonName ? ` · ${p.ownerDepartmentName}` : p.ownerDepartmentName}</span> : null}
        </span>
      );
    },
  },
  { id: 'plans', header: 'Plans', accessorFn: (p) => p.planCount, meta: { num: true } },
  {
    id: 'nextExercise',
    header: 'Next exercise',
    accessorFn: (p) => p.nextExerciseDue ?? '',
    cell: ({ row }) => (row.original.nextExerciseDue ? showDate(row.original.nextExerciseDue) : <span className="muted">Never exercised</span>),
  },
  { id: 'score', header: 'Readiness', accessorFn: (p) => p.readiness.score, cell: ({ row }) => <ScoreChip score={row.original.readiness.score} gaps={row.original.readiness.gaps} /> },
  { id: 'gaps', header: 'Gaps', accessorFn: (p) => p.readiness.gaps.length, cell: ({ row }) => <GapBadges gaps={row.original.readiness.gaps} />, sortDescFirst: true },
];

export function ProcessList({ overview, loading }: { overview: ContinuityOverview | null; loading: boolean }) {
  const sorting = useContinuity((s) => s.sorting);
  const setSorting = useContinuity((s) => s.setSorting);
  const openProcess = useContinuity((s) => s.openProcess);
  const [adding, setAdding] = useState(false);
  const [focused, setFocused] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);

  const table = useReactTable({
    data: overview?.processes ?? [],
    columns,
    state: { sorting },
    onSortingChange: (updater) => setSorting(typeof updater === 'function' ? updater(sorting) : updater),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (p) => p.id,
  });
  const rows = table.getRowModel().rows;
  const current = Math.min(focused, Math.max(0, rows.length - 1));

  const onKeyDown = (e: KeyboardEvent) => {
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = Math.min(rows.length - 1, current + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, current - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = rows.length - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      const row = rows[current];
      if (row) {
        e.preventDefault();
        openProcess(row.original.id);
      }
      return;
    }
    if (next === null) return;
    e.preventDefault();
    setFocused(next);
    body.current?.querySelectorAll<HTMLElement>('tr')[next]?.focus();
  };

  return (
    <div className="cont-list">
      <div className="cont-toolbar">
        <p className="muted">Arrow keys move through the processes; Enter opens one.</p>
        <button type="button" className="button primary" onClick={() => setAdding(true)}>
          Add process
        </button>
      </div>
      <div className="table-wrap">
        <table className="data-table cont-table" aria-label="Critical processes">
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => (
                  <SortableHeader key={h.id} header={h} className={(h.column.columnDef.meta as { num?: boolean } | undefined)?.num ? 'num' : undefined} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody ref={body} onKeyDown={onKeyDown}>
            {rows.map((row, i) => (
              <tr
                key={row.id}
                className="clickable cont-row"
                data-process={row.original.name}
                tabIndex={i === current ? 0 : -1}
                aria-label={`${row.original.name}, tier ${row.original.tier}, readiness ${row.original.readiness.score}`}
                onFocus={() => setFocused(i)}
                onClick={() => openProcess(row.original.id)}
              >
                {row.getVisibleCells().map((cell) => {
                  const num = (cell.column.columnDef.meta as { num?: boolean } | undefined)?.num;
                  return (
                    <td key={cell.id} className={num ? 'num' : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {overview && overview.processes.length === 0 ? (
          <div className="empty-state">
            <p>No critical processes yet. Start with what must keep running: dispatch, payroll, customer service…</p>
          </div>
        ) : null}
        {!overview && loading ? <p className="loading cont-pad">Loading…</p> : null}
      </div>
      {overview ? <ScenarioPlans overview={overview} /> : null}
      {adding ? <ProcessDialog onClose={() => setAdding(false)} onCreated={(id) => openProcess(id)} /> : null}
    </div>
  );
}
