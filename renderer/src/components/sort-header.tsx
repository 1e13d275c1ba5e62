/**
 * A column heading of a TanStack table that sorts when clicked (or activated from the keyboard),
 * with aria-sort for screen readers and ▲/▼ for the eye. A column that cannot sort is a plain heading.
 */
import { flexRender, type Header } from '@tanstack/react-table';

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

export function SortableHeader<T>({ header, className }: { header: Header<T, unknown>; className?: string | undefined }) {
  const sorted = header.column.getIsSorted();
  const label = flexRender(header.column.columnDef.header, header.getContext());
  return (
    <th scope="col" className={className} aria-sort={sorted ? ariaSort[sorted] : header.column.getCanSort() ? 'none' : undefined}>
      {header.column.getCanSort() ? (
        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
          {label}
          <span aria-hidden="true" className="sort-mark">
            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
          </span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}
