/**
 * Turns the server's grid (rows + subtotals) into the lines the screen draws: a heading per
 * account type, its accounts, then its subtotal. Totals come from the server; nothing is
 * summed here.
 */
import { accountTypes, type AccountType, type BudgetGrid, type GridRow } from '../../../../shared/budget';

export const typeLabels: Record<AccountType, string> = { revenue: 'Revenue', expense: 'Expenses', capex: 'Capital expenditure' };

export type GridLine =
  | { kind: 'group'; key: string; type: AccountType; label: string }
  | { kind: 'account'; key: string; row: GridRow }
  | { kind: 'subtotal'; key: string; type: AccountType; label: string; values: number[]; total: number };

export function buildLines(grid: BudgetGrid): GridLine[] {
  const lines: GridLine[] = [];
  for (const type of accountTypes) {
    const rows = grid.rows.filter((r) => r.type === type);
    const subtotal = grid.subtotals.find((s) => s.type === type);
    if (rows.length === 0 && !subtotal) continue;
    lines.push({ kind: 'group', key: `group:${type}`, type, label: typeLabels[type] });
    for (const row of rows) lines.push({ kind: 'account', key: row.accountId, row });
    if (subtotal) {
      lines.push({
        kind: 'subtotal',
        key: `subtotal:${type}`,
        type,
        label: `Total ${typeLabels[type].toLowerCase()}`,
        values: subtotal.values,
        total: subtotal.total,
      });
    }
  }
  return lines;
}

/** Lines the selection can land on (headings are skipped). */
export function isSelectable(line: GridLine | undefined): boolean {
  return line !== undefined && line.kind !== 'group';
}

/** The value a line shows in column c (0–11 months, 12 the year total). */
export function lineValue(line: GridLine, c: number, months: number): number | null {
  if (line.kind === 'group') return null;
  if (line.kind === 'account') return c >= months ? line.row.total : (line.row.values[c] ?? null);
  return c >= months ? line.total : (line.values[c] ?? null);
}

/** Values typed but not yet confirmed by the server, by pendingKey; null clears the cell. */
export type Pending = ReadonlyMap<string, number | null>;

export function pendingKey(accountId: string, period: string): string {
  return `${accountId}|${period}`;
}

/** The value typed into month c of an account line and not yet saved; undefined when none. */
export function pendingAt(pending: Pending, line: GridLine, months: readonly string[], c: number): number | null | undefined {
  const period = months[c];
  if (line.kind !== 'account' || period === undefined) return undefined;
  return pending.get(pendingKey(line.row.accountId, period));
}
