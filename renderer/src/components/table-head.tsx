import type { ReactNode } from 'react';

/** A column heading: plain text, or right-aligned for figures. */
export type Column = string | { label: ReactNode; num: true };

/**
 * The header row of a data table. `actions` adds the last column that holds row buttons,
 * named for screen readers but not drawn.
 */
export function TableHead({ columns, actions = false }: { columns: Column[]; actions?: boolean }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) =>
          typeof c === 'string' ? (
            <th key={i} scope="col">
              {c}
            </th>
          ) : (
            <th key={i} scope="col" className="num">
              {c.label}
            </th>
          ),
        )}
        {actions ? (
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
