import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { mitigationStatusLabels, riskCategoryLabels, scoreBand, scoreBandLabels, type MitigationStatus, type Risk } from '../../../../shared/risks';
import { EditRemoveCell } from '../../components/row-actions';
import { SortableHeader } from '../../components/sort-header';
import { showDate } from '../../app/dates';

interface RiskTableProps {
  risks: Risk[];
  sorting: SortingState;
  onSort: (sorting: SortingState) => void;
  onEdit: (risk: Risk) => void;
  onDelete: (risk: Risk) => void;
}

function Score({ score, label }: { score: number; label: string }) {
  const band = scoreBand(score);
  return (
    <span className={`score-chip band-${band}`} title={`${label} score ${score}, ${scoreBandLabels[band].toLowerCase()}`}>
      {score}
      <span className="visually-hidden"> ({scoreBandLabels[band]})</span>
    </span>
  );
}

function StatusChips({ risk }: { risk: Risk }) {
  const c = risk.mitigationCounts;
  const counts: [MitigationStatus, number][] = [
    ['done', c.done],
    ['in_progress', c.inProgress],
    ['planned', c.planned],
  ];
  const shown = counts.filter(([, n]) => n > 0);
  if (shown.length === 0) return <span className="muted">None</span>;
  return (
    <span className="chip-row">
      {shown.map(([status, n]) => (
        <span key={status} className={`status-chip mitigation-${status}`}>
          {n} {mitigationStatusLabels[status].toLowerCase()}
        </span>
      ))}
    </span>
  );
}

/** The owner's name, and "has left" beside it (in words, coloured too) when their end date has passed. */
function Owner({ risk }: { risk: Risk }) {
  if (risk.ownerName === null) return <span className="muted">No owner</span>;
  return (
    <span className="risk-owner">
      {risk.ownerName}
      {risk.ownerLeftOn ? (
        <span className="left-badge" title={`Left on ${showDate(risk.ownerLeftOn)}: give the risk a new owner`} data-testid="owner-left">
          has left
        </span>
      ) : null}
    </span>
  );
}

const columns: ColumnDef<Risk>[] = [
  {
    id: 'title',
    header: 'Risk',
    accessorFn: (r) => r.title.toLowerCase(),
    cell: ({ row }) => (
      <span className="risk-title">
        {row.original.title}
        {row.original.description ? <span className="risk-description">{row.original.description}</span> : null}
      </span>
    ),
  },
  { id: 'category', header: 'Category', accessorFn: (r) => riskCategoryLabels[r.category], cell: ({ getValue }) => getValue<string>() },
  {
    id: 'owner',
    header: 'Owner',
    accessorFn: (r) => r.ownerName ?? '',
    cell: ({ row }) => <Owner risk={row.original} />,
  },
  {
    id: 'residual',
    header: 'Inherent → residual',
    // Sorts by residual score, then inherent, like the register's own order.
    accessorFn: (r) => r.residual.score * 100 + r.inherent.score,
    sortDescFirst: true,
    cell: ({ row }) => (
      <span className="score-pair" aria-label={`Inherent ${row.original.inherent.score}, residual ${row.original.residual.score}`}>
        <Score score={row.original.inherent.score} label="Inherent" />
        <span aria-hidden="true" className="arrow">
          →
        </span>
        <Score score={row.original.residual.score} label="Residual" />
      </span>
    ),
  },
  {
    id: 'appetite',
    header: 'Appetite',
    accessorFn: (r) => (r.aboveAppetite ? 1 : 0),
    sortDescFirst: true,
    cell: ({ row }) =>
      row.original.aboveAppetite ? (
        <span className="badge above-appetite" data-testid="appetite-flag">
          ▲ Above appetite
        </span>
      ) : (
        <span className="badge within-appetite" data-testid="appetite-flag">
          Within appetite
        </span>
      ),
  },
  {
    id: 'mitigations',
    header: 'Mitigations',
    accessorFn: (r) => r.mitigationCounts.done * 1000 + r.mitigationCounts.inProgress * 10 + r.mitigationCounts.planned,
    cell: ({ row }) => <StatusChips risk={row.original} />,
  },
  {
    id: 'links',
    header: 'Threatens',
    enableSorting: false,
    cell: ({ row }) =>
      row.original.links.length === 0 ? (
        <span className="muted">—</span>
      ) : (
        <span className="links-cell" title={row.original.links.map((l) => l.name).join(', ')}>
          {row.original.links.map((l) => l.name).join(', ')}
        </span>
      ),
  },
  {
    id: 'review',
    header: 'Review',
    accessorFn: (r) => r.reviewDate ?? '9999-12-31',
    cell: ({ row }) =>
      row.original.reviewDate === null ? (
        <span className="muted">—</span>
      ) : (
        <span className={row.original.reviewOverdue ? 'review overdue' : 'review'}>
          {showDate(row.original.reviewDate)}
          {row.original.reviewOverdue ? <span className="overdue-word"> overdue</span> : null}
        </span>
      ),
  },
];

/** The register: one row per risk, sortable by any heading (Enter or click on it). */
export function RiskTable({ risks, sorting, onSort, onEdit, onDelete }: RiskTableProps) {
  const table = useReactTable({
    data: risks,
    columns,
    state: { sorting },
    onSortingChange: (updater) => onSort(typeof updater === 'function' ? updater(sorting) : updater),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.id,
  });
  const headerGroup = table.getHeaderGroups()[0]!;
  const rows = table.getRowModel().rows;

  return (
    <table className="data-table risk-table" aria-label="Risk register">
      <thead>
        <tr>
          {headerGroup.headers.map((h) => (
            <SortableHeader key={h.id} header={h} className={h.id === 'residual' ? 'col-score' : undefined} />
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-risk={row.original.title} className={row.original.aboveAppetite ? 'above' : undefined}>
            {row.getVisibleCells().map((cell, i) =>
              i === 0 ? (
                <th key={cell.id} scope="row">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </th>
              ) : (
                <td key={cell.id} className={`col-${cell.column.id}`}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ),
            )}
            <EditRemoveCell name={row.original.title} onEdit={() => onEdit(row.original)} onRemove={() => onDelete(row.original)} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
