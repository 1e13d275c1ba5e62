import { useMemo, useRef, useState } from 'react';
import { TableHead } from '../../components/table-head';
import type { Department } from '../../../../shared/org';
import { subtreeIds } from './department-tree-utils';

interface DepartmentTreeProps {
  departments: readonly Department[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Moves a department under a new parent (null = top level); drag-and-drop calls it. */
  onMove: (id: string, parentId: string | null) => void;
}

const dragType = 'application/x-quartermaster-department';

/**
 * The department tree as a treegrid: name (indented by depth), code, manager and counts.
 * Arrow keys move the selection; a row can be dragged onto another department to move it.
 */
export function DepartmentTree({ departments, selectedId, onSelect, onMove }: DepartmentTreeProps) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const blocked = useMemo(() => (dragging ? subtreeIds(departments, dragging) : new Set<string>()), [departments, dragging]);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const byId = useMemo(() => new Map(departments.map((d) => [d.id, d])), [departments]);

  const focusRow = (id: string) => {
    onSelect(id);
    requestAnimationFrame(() => bodyRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus());
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const index = departments.findIndex((d) => d.id === selectedId);
    let next: Department | undefined;
    if (e.key === 'ArrowDown') next = departments[Math.min(departments.length - 1, index + 1)];
    else if (e.key === 'ArrowUp') next = departments[Math.max(0, index - 1)];
    else if (e.key === 'Home') next = departments[0];
    else if (e.key === 'End') next = departments[departments.length - 1];
    else if (e.key === 'ArrowLeft') next = byId.get(departments[index]?.parentId ?? '');
    else return;
    e.preventDefault();
    if (next) focusRow(next.id);
  };

  const endDrag = () => {
    setDragging(null);
    setDropTarget(null);
  };

  const drop = (e: React.DragEvent, parentId: string | null) => {
    e.preventDefault();
    const id = e.dataTransfer.getData(dragType) || dragging;
    endDrag();
    if (!id || (parentId !== null && subtreeIds(departments, id).has(parentId))) return;
    if ((byId.get(id)?.parentId ?? null) === parentId) return;
    onMove(id, parentId);
  };

  return (
    <div className="tree-wrap">
      <div
        className={dragging ? (dropTarget === '' ? 'top-drop visible over' : 'top-drop visible') : 'top-drop'}
        aria-hidden={!dragging}
        onDragOver={(e) => {
          if (!dragging) return;
          e.preventDefault();
          setDropTarget('');
        }}
        onDragLeave={() => setDropTarget(null)}
        onDrop={(e) => drop(e, null)}
      >
        <span>Drop here to move to the top level</span>
      </div>
      <table className="data-table tree" role="treegrid" aria-label="Departments">
        <TableHead columns={['Department', 'Code', 'Manager', { label: 'People', num: true }, { label: 'Sub-depts', num: true }, { label: 'Budget lines', num: true }]} />
        <tbody ref={bodyRef} onKeyDown={onKeyDown}>
          {departments.map((d) => {
            const selected = d.id === selectedId;
            const classes = ['tree-row'];
            if (selected) classes.push('selected');
            if (dropTarget === d.id) classes.push('drop-over');
            if (dragging && blocked.has(d.id)) classes.push('drop-blocked');
            return (
              <tr
                key={d.id}
                data-id={d.id}
                data-code={d.code}
                aria-level={d.depth + 1}
                aria-selected={selected}
                aria-expanded={d.childCount > 0 ? true : undefined}
                tabIndex={selected || (selectedId === null && d === departments[0]) ? 0 : -1}
                className={classes.join(' ')}
                draggable
                onClick={() => onSelect(d.id)}
                onFocus={() => {
                  if (!selected) onSelect(d.id);
                }}
                onDragStart={(e) => {
                  e.dataTransfer.setData(dragType, d.id);
                  e.dataTransfer.setData('text/plain', `${d.code} ${d.name}`);
                  e.dataTransfer.effectAllowed = 'move';
                  setDragging(d.id);
                }}
                onDragEnd={endDrag}
                onDragOver={(e) => {
                  if (!dragging || blocked.has(d.id)) return;
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                  setDropTarget(d.id);
                }}
                onDragLeave={() => setDropTarget((t) => (t === d.id ? null : t))}
                onDrop={(e) => drop(e, d.id)}
              >
                <td>
                  <span className="tree-name" style={{ paddingLeft: d.depth * 18 }}>
                    <span className="tree-twisty" aria-hidden="true">
                      {d.childCount > 0 ? '▾' : '·'}
                    </span>
                    {d.name}
                  </span>
                </td>
                <td className="code">{d.code}</td>
                <td>{d.manager ?? <span className="muted">—</span>}</td>
                <td className="num">{d.peopleCount}</td>
                <td className="num">{d.childCount}</td>
                <td className="num">{d.budgetLineCount.toLocaleString('en-US')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
