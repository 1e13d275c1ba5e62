import { memo, type CSSProperties } from 'react';
import { describeSource } from '../../../../shared/budget';
import { formatMoney } from '../../../../shared/money';
import { periodLabel } from '../../../../shared/periods';
import { CellEditor, type EditState } from './cell-editor';
import { lineValue, type GridLine } from './grid-lines';

export interface RowProps {
  line: GridLine;
  r: number;
  months: readonly string[];
  widths: readonly number[];
  gridId: string;
  top: number;
  height: number;
  width: number;
  editable: boolean;
  /** Selected columns of this row, inclusive; -1 when none. */
  selFrom: number;
  selTo: number;
  activeCol: number | null;
  editing: EditState | null;
  /** Values typed but not yet confirmed by the server, by column. */
  pending: ReadonlyMap<number, number | null> | null;
  onCellMouseDown: (r: number, c: number, shift: boolean) => void;
  onCellMouseEnter: (r: number, c: number) => void;
  onCellDoubleClick: (r: number, c: number) => void;
  onEditorChange: (text: string) => void;
  onEditorKey: (e: React.KeyboardEvent<HTMLInputElement>) => void;
  onEditorBlur: () => void;
}

export function cellId(gridId: string, r: number, c: number): string {
  return `${gridId}-r${r}-c${c}`;
}

/** One line of the budget grid. Memoised: moving the selection re-renders two rows, not all. */
export const GridRowView = memo(function GridRowView(props: RowProps) {
  const { line, r, months, widths, top, height, width } = props;
  // The row being edited sits above its neighbours so the inline error can overlap them.
  const style: CSSProperties = { transform: `translateY(${top}px)`, height, width, zIndex: props.editing ? 2 : undefined };
  const first = widths[0] ?? 0;

  if (line.kind === 'group') {
    return (
      <div role="row" aria-rowindex={r + 2} className="grid-row group-row" style={style}>
        <div role="rowheader" aria-colspan={months.length + 2} className="grid-cell account-cell group-label" style={{ width: first }}>
          {line.label}
        </div>
      </div>
    );
  }

  const name = line.kind === 'account' ? `${line.row.code} ${line.row.name}` : line.label;
  const inactive = line.kind === 'account' && !line.row.active;
  return (
    <div role="row" aria-rowindex={r + 2} className={`grid-row ${line.kind}-row`} style={style}>
      <div role="rowheader" className="grid-cell account-cell" style={{ width: first }} title={name}>
        {line.kind === 'account' ? (
          <>
            <span className="account-code">{line.row.code}</span>
            <span className="account-name">{line.row.name}</span>
            {inactive ? <span className="tag">inactive</span> : null}
          </>
        ) : (
          <span className="account-name">{line.label}</span>
        )}
      </div>
      {Array.from({ length: months.length + 1 }, (_, c) => {
        const isTotal = c === months.length;
        const period = months[c];
        const typed = props.pending?.get(c);
        const isPending = typed !== undefined;
        const value = isPending ? typed : lineValue(line, c, months.length);
        const source = line.kind === 'account' && !isTotal && !isPending ? (line.row.sources[c] ?? null) : null;
        const cellEditable = props.editable && line.kind === 'account' && !isTotal;
        const isSelected = props.selFrom >= 0 && c >= props.selFrom && c <= props.selTo;
        const isActive = props.activeCol === c;
        const isEditing = props.editing !== null && props.editing.c === c;
        const where = isTotal ? 'FY total' : periodLabel(period ?? '');
        const classes = ['grid-cell', 'num'];
        if (isTotal) classes.push('total-cell');
        if (!cellEditable) classes.push('ro');
        if (isSelected) classes.push('selected');
        if (isActive) classes.push('active');
        if (isPending) classes.push('pending');
        if (value !== null && value < 0) classes.push('negative');
        return (
          <div
            key={c}
            id={cellId(props.gridId, r, c)}
            role="gridcell"
            aria-label={`${name}, ${where}`}
            aria-description={value === null ? 'empty' : formatMoney(value)}
            aria-selected={isSelected}
            aria-readonly={!cellEditable}
            aria-invalid={isEditing && props.editing?.error ? true : undefined}
            data-account={line.kind === 'account' ? line.row.code : undefined}
            data-period={isTotal ? 'total' : period}
            tabIndex={isActive ? 0 : -1}
            className={classes.join(' ')}
            style={{ width: widths[c + 1] }}
            title={source ? describeSource(source) : isPending ? 'Saving…' : undefined}
            onMouseDown={(e) => {
              if (e.button !== 0 || isEditing) return;
              props.onCellMouseDown(r, c, e.shiftKey);
            }}
            onMouseEnter={(e) => {
              if (e.buttons === 1) props.onCellMouseEnter(r, c);
            }}
            onDoubleClick={() => props.onCellDoubleClick(r, c)}
          >
            {isEditing && props.editing ? (
              <CellEditor
                state={props.editing}
                label={`${name}, ${where}`}
                onChange={props.onEditorChange}
                onKeyDown={props.onEditorKey}
                onBlur={props.onEditorBlur}
              />
            ) : value === null ? (
              ''
            ) : (
              formatMoney(value)
            )}
          </div>
        );
      })}
    </div>
  );
});
