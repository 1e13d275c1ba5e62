/**
 * The budget grid: accounts × months for one plan and department, edited like a spreadsheet.
 * Column definitions go through @tanstack/react-table; rows are virtualised with
 * @tanstack/react-virtual so hundreds of accounts scroll smoothly. The selected line is always
 * rendered (rangeExtractor), so keyboard focus never falls out of the grid while scrolling.
 */
import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { BudgetGrid, CellEdit } from '../../../../shared/budget';
import { formatForEdit, parseAmount } from '../../../../shared/money';
import { periodLabel } from '../../../../shared/periods';
import type { EditState } from './cell-editor';
import { parseTsv, toTsv } from './clipboard';
import { buildLines, isSelectable, lineValue, pendingAt, pendingKey, type GridLine } from './grid-lines';
import { cellId, GridRowView } from './grid-row';
import { planPaste } from './paste-plan';

interface Pos {
  r: number;
  c: number;
}

export interface BudgetGridProps {
  grid: BudgetGrid;
  /** Writes cells in one undoable change; resolves false when refused (the caller says why). */
  writeCells: (cells: CellEdit[], label?: string) => Promise<boolean>;
  /** Tells the user why nothing happened (read-only grid, bad paste, …). */
  notify: (message: string) => void;
}

const rowHeight = 28;
/** Minimum column widths; months widen to fill a wide window. */
const widths = { account: 200, month: 76, total: 100 };
const totalsReadOnly = 'Totals are worked out from the accounts; edit an account’s months instead.';
/** Keys that start an entry when typed on a cell: anything an amount can begin with. */
const startsAmount = /^[0-9.,()\-+$€£¥]$/;

export function BudgetGridView({ grid, writeCells, notify }: BudgetGridProps) {
  const gridId = useId().replace(/:/g, '');
  const months = grid.months;
  const lastCol = months.length;
  const lines = useMemo(() => buildLines(grid), [grid]);
  const firstSelectable = Math.max(0, lines.findIndex(isSelectable));

  const [anchor, setAnchor] = useState<Pos>({ r: firstSelectable, c: 0 });
  const [active, setActive] = useState<Pos>({ r: firstSelectable, c: 0 });
  const [editing, setEditingState] = useState<EditState | null>(null);
  // Mirrors `editing` synchronously: a blur that follows Enter must not commit a second time.
  const editingRef = useRef<EditState | null>(null);
  const setEditing = useCallback((next: EditState | null | ((s: EditState | null) => EditState | null)) => {
    const value = typeof next === 'function' ? next(editingRef.current) : next;
    editingRef.current = value;
    setEditingState(value);
  }, []);
  const [pending, setPending] = useState<Map<string, number | null>>(() => new Map());
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusWanted = useRef(false);

  // A fresh answer from the server replaces whatever was shown while saving.
  useEffect(() => setPending(new Map()), [grid]);

  // Keep the selection on the grid when the lines change (other department, fewer accounts).
  useEffect(() => {
    const clamp = (p: Pos): Pos => {
      let r = Math.min(p.r, lines.length - 1);
      while (r > 0 && !isSelectable(lines[r])) r -= 1;
      if (!isSelectable(lines[r])) r = firstSelectable;
      return { r: Math.max(0, r), c: Math.min(p.c, lastCol) };
    };
    setActive(clamp);
    setAnchor(clamp);
  }, [lines, lastCol, firstSelectable]);

  const [available, setAvailable] = useState(0);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setAvailable(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const monthWidth = Math.max(widths.month, Math.floor((available - widths.account - widths.total) / Math.max(1, months.length)));

  const columns = useMemo<ColumnDef<GridLine>[]>(
    () => [
      { id: 'account', header: 'Account', size: widths.account },
      ...months.map((m, i): ColumnDef<GridLine> => ({ id: `m${i}`, header: periodLabel(m), size: monthWidth })),
      { id: 'total', header: 'FY total', size: widths.total },
    ],
    [months, monthWidth],
  );
  const table = useReactTable({ data: lines, columns, getCoreRowModel: getCoreRowModel(), getRowId: (l) => l.key });
  const leafColumns = table.getVisibleLeafColumns();
  const columnWidths = useMemo(() => leafColumns.map((c) => c.getSize()), [leafColumns]);
  const totalWidth = columnWidths.reduce((a, b) => a + b, 0);
  const tableRows = table.getRowModel().rows;

  const activeRow = active.r;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => {
        const indexes = defaultRangeExtractor(range);
        if (activeRow < range.count && !indexes.includes(activeRow)) {
          indexes.push(activeRow);
          indexes.sort((a, b) => a - b);
        }
        return indexes;
      },
      [activeRow],
    ),
  });

  const isEditable = useCallback(
    (r: number, c: number) => grid.editable && lines[r]?.kind === 'account' && c < lastCol,
    [grid.editable, lines, lastCol],
  );
  const readOnlyWhy = useCallback(
    (r: number, c: number): string => {
      if (!grid.editable) return grid.readOnlyReason ?? 'This grid is read-only.';
      if (lines[r]?.kind !== 'account' || c >= lastCol) return totalsReadOnly;
      return '';
    },
    [grid.editable, grid.readOnlyReason, lines, lastCol],
  );

  const shownValue = useCallback(
    (r: number, c: number): number | null => {
      const line = lines[r];
      if (!line) return null;
      const typed = pendingAt(pending, line, months, c);
      return typed !== undefined ? typed : lineValue(line, c, lastCol);
    },
    [lines, lastCol, months, pending],
  );

  // Focus follows the active cell while the grid has focus; the cell is always mounted.
  useEffect(() => {
    if (editing) return;
    const root = scrollRef.current;
    if (!root) return;
    const hasFocus = root.contains(document.activeElement);
    if (!hasFocus && !focusWanted.current) return;
    focusWanted.current = false;
    const el = document.getElementById(cellId(gridId, active.r, active.c));
    if (el) {
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    } else {
      virtualizer.scrollToIndex(active.r, { align: 'auto' });
    }
  }, [active, editing, gridId, virtualizer]);

  const select = useCallback((pos: Pos, extend: boolean) => {
    setActive(pos);
    if (!extend) setAnchor(pos);
  }, []);

  /** The next selectable line from r in direction dir (headings are skipped), or r itself. */
  const step = useCallback(
    (r: number, dir: 1 | -1, count = 1): number => {
      let at = r;
      let moved = 0;
      let i = r + dir;
      while (i >= 0 && i < lines.length && moved < count) {
        if (isSelectable(lines[i])) {
          at = i;
          moved += 1;
        }
        i += dir;
      }
      return at;
    },
    [lines],
  );

  const rangeBounds = useCallback(() => {
    return {
      r0: Math.min(anchor.r, active.r),
      r1: Math.max(anchor.r, active.r),
      c0: Math.min(anchor.c, active.c),
      c1: Math.max(anchor.c, active.c),
    };
  }, [anchor, active]);

  /**
   * Shows the cells as typed until the server's fresh grid replaces them, and writes them. A
   * refusal takes back only this batch's cells: other writes may still be in flight.
   */
  const write = useCallback(
    (cells: CellEdit[], label?: string) => {
      const typed = cells.map((cell) => [pendingKey(cell.accountId, cell.period), cell.amountMinor] as const);
      setPending((p) => new Map([...p, ...typed]));
      void writeCells(cells, label).then((ok) => {
        if (ok) return;
        setPending((p) => {
          const next = new Map(p);
          for (const [key] of typed) next.delete(key);
          return next;
        });
      });
    },
    [writeCells],
  );

  const commit = useCallback(
    (state: EditState): boolean => {
      const parsed = parseAmount(state.text);
      if (!parsed.ok) {
        setEditing({ ...state, error: `${parsed.message}. Try 1,234.50, (200), -200 or 12k; Escape cancels.` });
        return false;
      }
      const line = lines[state.r];
      const period = months[state.c];
      if (line?.kind !== 'account' || period === undefined) return true;
      if (parsed.minor === shownValue(state.r, state.c)) return true;
      write([{ departmentId: grid.departmentId, accountId: line.row.accountId, period, amountMinor: parsed.minor }]);
      return true;
    },
    [lines, months, grid.departmentId, shownValue, write, setEditing],
  );

  const startEdit = useCallback(
    (pos: Pos, text: string | null) => {
      if (!isEditable(pos.r, pos.c)) {
        notify(readOnlyWhy(pos.r, pos.c));
        return;
      }
      setAnchor(pos);
      setActive(pos);
      setEditing(
        text === null
          ? { r: pos.r, c: pos.c, text: formatForEdit(shownValue(pos.r, pos.c)), mode: 'edit', error: null }
          : { r: pos.r, c: pos.c, text, mode: 'enter', error: null },
      );
    },
    [isEditable, notify, readOnlyWhy, shownValue, setEditing],
  );

  const stopEdit = useCallback(() => {
    focusWanted.current = true;
    setEditing(null);
  }, [setEditing]);

  const clearSelection = useCallback(() => {
    const { r0, r1, c0, c1 } = rangeBounds();
    const cells: CellEdit[] = [];
    let sawEditable = false;
    for (let r = r0; r <= r1; r += 1) {
      const line = lines[r];
      if (line?.kind !== 'account') continue;
      for (let c = c0; c <= Math.min(c1, lastCol - 1); c += 1) {
        if (!isEditable(r, c)) continue;
        sawEditable = true;
        const period = months[c];
        if (period !== undefined && shownValue(r, c) !== null) {
          cells.push({ departmentId: grid.departmentId, accountId: line.row.accountId, period, amountMinor: null });
        }
      }
    }
    if (!sawEditable) {
      notify(readOnlyWhy(active.r, active.c) || totalsReadOnly);
      return;
    }
    if (cells.length === 0) return;
    write(cells, cells.length === 1 ? undefined : `Clear ${cells.length} cells`);
  }, [rangeBounds, lines, lastCol, isEditable, months, shownValue, grid.departmentId, notify, readOnlyWhy, active, write]);

  const paste = useCallback(
    (text: string) => {
      if (!grid.editable) {
        notify(grid.readOnlyReason ?? 'This grid is read-only.');
        return;
      }
      const block = parseTsv(text);
      if (block.length === 0) return;
      const { r0, r1, c0, c1 } = rangeBounds();
      const start = { r: r0, c: c0 };
      if (!isEditable(start.r, start.c)) {
        notify(`Paste starts at the selected cell: select an account’s month first. ${totalsReadOnly}`);
        return;
      }
      const single = block.length === 1 && block[0]?.length === 1;
      let targetRows: number[];
      let width: number;
      if (single) {
        // One value over a selected range fills the range's accounts, as spreadsheets do.
        targetRows = [];
        for (let r = start.r; r <= r1; r += 1) if (lines[r]?.kind === 'account') targetRows.push(r);
        width = Math.min(c1, lastCol - 1) - c0 + 1;
      } else {
        width = Math.max(...block.map((row) => row.length));
        const plan = planPaste(lines, start, block.length, width, lastCol);
        if (!plan.ok) {
          notify(plan.message);
          return;
        }
        targetRows = plan.rows;
      }
      const cells: CellEdit[] = [];
      const bad: string[] = [];
      targetRows.forEach((r, i) => {
        const line = lines[r];
        if (line?.kind !== 'account') return;
        for (let j = 0; j < width; j += 1) {
          const raw = single ? (block[0]?.[0] ?? '') : (block[i]?.[j] ?? '');
          const period = months[start.c + j];
          if (period === undefined) continue;
          const parsed = parseAmount(raw);
          if (!parsed.ok) {
            bad.push(`${line.row.code} ${periodLabel(period)}: “${raw.trim().slice(0, 30)}”`);
            continue;
          }
          cells.push({ departmentId: grid.departmentId, accountId: line.row.accountId, period, amountMinor: parsed.minor });
        }
      });
      if (bad.length > 0) {
        const shown = bad.slice(0, 5).join('; ');
        const more = bad.length > 5 ? ` and ${bad.length - 5} more` : '';
        notify(`Nothing was pasted: ${bad.length} cell${bad.length === 1 ? ' is' : 's are'} not an amount — ${shown}${more}.`);
        return;
      }
      if (cells.length === 0) return;
      const lastRow = targetRows[targetRows.length - 1] ?? start.r;
      setAnchor(start);
      setActive({ r: lastRow, c: start.c + width - 1 });
      write(cells, `Paste ${cells.length} cell${cells.length === 1 ? '' : 's'}`);
    },
    [grid.editable, grid.readOnlyReason, grid.departmentId, notify, rangeBounds, isEditable, lines, lastCol, months, write],
  );

  const copyText = useCallback((): string => {
    const { r0, r1, c0, c1 } = rangeBounds();
    const out: string[][] = [];
    for (let r = r0; r <= r1; r += 1) {
      if (!isSelectable(lines[r])) continue;
      const row: string[] = [];
      for (let c = c0; c <= c1; c += 1) row.push(formatForEdit(shownValue(r, c)));
      out.push(row);
    }
    return toTsv(out);
  }, [rangeBounds, lines, shownValue]);

  // Clipboard events go to whatever has focus, not always the cell, so listen on the document.
  useEffect(() => {
    const inGrid = () => !editing && (scrollRef.current?.contains(document.activeElement) ?? false);
    const onPaste = (e: ClipboardEvent) => {
      if (!inGrid()) return;
      e.preventDefault();
      paste(e.clipboardData?.getData('text/plain') ?? '');
    };
    const onCopy = (e: ClipboardEvent) => {
      if (!inGrid() || !e.clipboardData) return;
      e.preventDefault();
      e.clipboardData.setData('text/plain', copyText());
    };
    document.addEventListener('paste', onPaste);
    document.addEventListener('copy', onCopy);
    return () => {
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('copy', onCopy);
    };
  }, [editing, paste, copyText]);

  const onGridKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (editing || e.defaultPrevented || e.altKey) return;
    const mod = e.ctrlKey || e.metaKey;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 2);
    let next: Pos | null = null;
    let extend = false;
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown': {
        const dir = e.key === 'ArrowUp' ? -1 : 1;
        next = { r: mod ? step(active.r, dir, lines.length) : step(active.r, dir), c: active.c };
        extend = e.shiftKey;
        break;
      }
      case 'ArrowLeft':
      case 'ArrowRight': {
        const dir = e.key === 'ArrowLeft' ? -1 : 1;
        const c = mod ? (dir < 0 ? 0 : lastCol) : Math.min(lastCol, Math.max(0, active.c + dir));
        next = { r: active.r, c };
        extend = e.shiftKey;
        break;
      }
      case 'PageUp':
      case 'PageDown':
        next = { r: step(active.r, e.key === 'PageUp' ? -1 : 1, page), c: active.c };
        extend = e.shiftKey;
        break;
      case 'Home':
        next = mod ? { r: firstSelectable, c: 0 } : { r: active.r, c: 0 };
        extend = e.shiftKey;
        break;
      case 'End':
        next = mod ? { r: step(active.r, 1, lines.length), c: lastCol } : { r: active.r, c: lastCol };
        extend = e.shiftKey;
        break;
      case 'Tab': {
        if (mod) return;
        const dir = e.shiftKey ? -1 : 1;
        const rowEdge = e.shiftKey ? 0 : lastCol;
        // From the first or last cell Tab leaves the grid (no keyboard trap, WCAG 2.1.2): the
        // browser moves focus on, as only the active cell is in the tab order.
        if (active.c === rowEdge && step(active.r, dir) === active.r) return;
        next = active.c === rowEdge ? { r: step(active.r, dir), c: lastCol - rowEdge } : { r: active.r, c: active.c + dir };
        break;
      }
      case 'Enter':
        if (mod) return;
        next = { r: step(active.r, e.shiftKey ? -1 : 1), c: active.c };
        break;
      case 'F2':
        e.preventDefault();
        startEdit(active, null);
        return;
      case 'Delete':
      case 'Backspace':
        if (mod) return;
        e.preventDefault();
        clearSelection();
        return;
      case 'Escape':
        if (anchor.r !== active.r || anchor.c !== active.c) {
          e.preventDefault();
          setAnchor(active);
        }
        return;
      default:
        if (!mod && startsAmount.test(e.key)) {
          e.preventDefault();
          startEdit(active, e.key);
        }
        return;
    }
    e.preventDefault();
    // The key was pressed in the grid, so focus belongs there even if the old cell just unmounted.
    focusWanted.current = true;
    if (next) select(next, extend);
  };

  const onEditorKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const editing = editingRef.current;
    if (!editing) return;
    e.stopPropagation();
    const moveAfter = (to: Pos) => {
      e.preventDefault();
      if (commit(editing)) {
        stopEdit();
        select(to, false);
      }
    };
    switch (e.key) {
      case 'Enter':
        moveAfter({ r: step(editing.r, e.shiftKey ? -1 : 1), c: editing.c });
        return;
      case 'Tab':
        moveAfter({ r: editing.r, c: Math.min(lastCol, Math.max(0, editing.c + (e.shiftKey ? -1 : 1))) });
        return;
      case 'Escape':
        e.preventDefault();
        stopEdit();
        return;
      case 'ArrowUp':
      case 'ArrowDown':
        if (editing.mode === 'enter') moveAfter({ r: step(editing.r, e.key === 'ArrowUp' ? -1 : 1), c: editing.c });
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (editing.mode === 'enter') moveAfter({ r: editing.r, c: Math.min(lastCol, Math.max(0, editing.c + (e.key === 'ArrowLeft' ? -1 : 1))) });
        return;
      default:
        return;
    }
  };

  const onEditorBlur = () => {
    const editing = editingRef.current;
    if (!editing) return;
    // Clicking elsewhere keeps a valid entry (as spreadsheets do) and drops an invalid one.
    const parsed = parseAmount(editing.text);
    if (parsed.ok) commit(editing);
    else notify(`Not saved: ${parsed.message}.`);
    setEditing(null);
  };

  const onCellMouseDown = useCallback(
    (r: number, c: number, shift: boolean) => {
      focusWanted.current = true;
      select({ r, c }, shift);
    },
    [select],
  );
  const onCellMouseEnter = useCallback((r: number, c: number) => setActive({ r, c }), []);
  const onCellDoubleClick = useCallback((r: number, c: number) => startEdit({ r, c }, null), [startEdit]);
  const onEditorChange = useCallback((text: string) => setEditing((s) => (s ? { ...s, text, error: null } : s)), [setEditing]);
  // Rows are memoised; hand them stable functions that call the latest handlers.
  const editorHandlers = useRef({ onEditorKey, onEditorBlur });
  editorHandlers.current = { onEditorKey, onEditorBlur };
  const stableEditorKey = useCallback((e: React.KeyboardEvent<HTMLInputElement>) => editorHandlers.current.onEditorKey(e), []);
  const stableEditorBlur = useCallback(() => editorHandlers.current.onEditorBlur(), []);

  const { r0, r1, c0, c1 } = rangeBounds();
  const items = virtualizer.getVirtualItems();
  // Per row and only where something is pending, so the memoised rows without any stay put.
  const rowPending = (line: GridLine): Map<number, number | null> | null => {
    if (line.kind !== 'account' || pending.size === 0) return null;
    let found: Map<number, number | null> | null = null;
    months.forEach((_, c) => {
      const typed = pendingAt(pending, line, months, c);
      if (typed !== undefined) (found ??= new Map()).set(c, typed);
    });
    return found;
  };

  return (
    <div
      ref={scrollRef}
      className={grid.editable ? 'grid-scroll' : 'grid-scroll read-only'}
      role="grid"
      aria-label="Budget grid"
      data-plan={grid.planId}
      data-department={grid.departmentId}
      aria-readonly={!grid.editable}
      aria-multiselectable="true"
      aria-rowcount={lines.length + 1}
      aria-colcount={lastCol + 2}
      onKeyDown={onGridKeyDown}
      style={{ ['--first-col' as string]: `${widths.account}px`, ['--total-col' as string]: `${widths.total}px` }}
    >
      <div role="rowgroup" className="grid-head" style={{ width: totalWidth }}>
        <div role="row" aria-rowindex={1} className="grid-row head-row">
          {leafColumns.map((col, i) => {
            const month = i >= 1 && i <= lastCol ? months[i - 1] : undefined;
            const showYear = month !== undefined && (i === 1 || month.endsWith('-01'));
            return (
              <div
                key={col.id}
                role="columnheader"
                className={i === 0 ? 'grid-cell account-cell head-cell' : i === lastCol + 1 ? 'grid-cell head-cell num total-cell' : 'grid-cell head-cell num'}
                style={{ width: col.getSize() }}
                aria-label={month ? periodLabel(month) : undefined}
              >
                {month ? (
                  <>
                    <span>{periodLabel(month, true)}</span>
                    <span className="head-year">{showYear ? month.slice(0, 4) : '\u00a0'}</span>
                  </>
                ) : (
                  String(col.columnDef.header)
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
        {items.map((item) => {
          const line = lines[item.index];
          if (!line) return null;
          const r = item.index;
          const inRange = r >= r0 && r <= r1 && isSelectable(line);
          return (
            <GridRowView
              key={line.key}
              line={line}
              r={r}
              months={months}
              widths={columnWidths}
              gridId={gridId}
              top={item.start}
              width={totalWidth}
              height={item.size}
              editable={grid.editable}
              selFrom={inRange ? c0 : -1}
              selTo={inRange ? c1 : -1}
              activeCol={active.r === r ? active.c : null}
              editing={editing && editing.r === r ? editing : null}
              pending={rowPending(line)}
              onCellMouseDown={onCellMouseDown}
              onCellMouseEnter={onCellMouseEnter}
              onCellDoubleClick={onCellDoubleClick}
              onEditorChange={onEditorChange}
              onEditorKey={stableEditorKey}
              onEditorBlur={stableEditorBlur}
            />
          );
        })}
      </div>
    </div>
  );
}
