import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { MethodInput } from '../../../../shared/contract';
import { call, errorMessage } from '../../api';
import { useApp } from '../../app/store';
import { saveExport } from './save-export';

export type TableExportInput = Omit<MethodInput<'exports.table'>, 'format'>;

const formats = [
  { format: 'xlsx', label: 'Excel workbook (.xlsx)' },
  { format: 'csv', label: 'CSV file (.csv)' },
] as const;

/** A big plan's grid takes a moment to write; more than a query's usual deadline. */
const exportTimeoutMs = 120_000;

interface ExportTableMenuProps {
  /** What is exported, as the button's accessible name says it ("variance table"). */
  what: string;
  input: TableExportInput | null;
}

/**
 * "Export ▾": a small menu (WAI-ARIA menu button) offering xlsx and csv of the table on screen.
 * The workspace writes the file (a query: nothing changes); the page saves it.
 */
export function ExportTableMenu({ what, input }: ExportTableMenuProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const run = async (format: 'xlsx' | 'csv') => {
    setOpen(false);
    button.current?.focus();
    if (!input || busy) return;
    setBusy(format);
    try {
      const file = await call('exports.table', { ...input, format }, { timeoutMs: exportTimeoutMs });
      await saveExport(file.fileName, file.base64, `${what} (${file.rows.toLocaleString('en-US')} ${file.rows === 1 ? 'row' : 'rows'})`);
    } catch (err) {
      useApp.getState().toast('error', errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      items[e.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      setOpen(false);
      if (e.key === 'Escape') button.current?.focus();
    }
  };

  return (
    <div className="menu-button">
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Export ${what}`}
        disabled={!input}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {busy ? `Exporting ${busy}…` : 'Export'} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <ul ref={menu} id={menuId} className="menu" role="menu" aria-label={`Export ${what} as`} onKeyDown={onMenuKey}>
          {formats.map((f) => (
            <li key={f.format} role="none">
              <button type="button" role="menuitem" className="menu-item" tabIndex={-1} onClick={() => void run(f.format)}>
                {f.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
