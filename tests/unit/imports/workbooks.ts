/**
 * Hand-built workbooks for the pipeline's unit tests: the neutral model the readers produce,
 * written out directly so each stage is tested without a parser in the way.
 */
import { createHash } from 'node:crypto';
import type { CellValue, SheetData, WorkbookData } from '../../../electron/core/imports/model';
import type { Ctx } from '../../../electron/core/context';
import { withChange } from '../../../electron/core/history/change';

export function sheet(name: string, rows: CellValue[][], merges: string[] = []): SheetData {
  return { name, rows, merges };
}

export function workbook(fileName: string, ...sheets: SheetData[]): WorkbookData {
  const hash = createHash('sha256').update(JSON.stringify([fileName, sheets])).digest('hex');
  return { fileName, format: fileName.endsWith('.csv') ? 'csv' : 'xlsx', hash, sheets };
}

export const months2027 = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2027, i, 1)));

/** A small org and chart of accounts: 100 (root) → 210 Warehouse, 420 Marketing; accounts 4000, 6000, 6100. */
export function seedOrg(ctx: Ctx): void {
  const at = '2026-11-01T00:00:00.000Z';
  withChange(ctx, 'Seed', (w) => {
    w.insert('departments', { id: 'd100', code: '100', name: 'Larkspur Freight', parentId: null, manager: null, createdAt: at, updatedAt: at });
    w.insert('departments', { id: 'd210', code: '210', name: 'Warehouse', parentId: 'd100', manager: null, createdAt: at, updatedAt: at });
    w.insert('departments', { id: 'd420', code: '420', name: 'Marketing', parentId: 'd100', manager: null, createdAt: at, updatedAt: at });
    for (const [id, code, name, type] of [
      ['a4000', '4000', 'Freight revenue', 'revenue'],
      ['a6000', '6000', 'Salaries & wages', 'expense'],
      ['a6100', '6100', 'Travel', 'expense'],
    ] as const) {
      w.insert('accounts', { id, code, name, type, active: true, createdAt: at, updatedAt: at });
    }
    w.insert('plans', { id: 'p27', name: 'FY2027 · Base', fiscalYear: 2027, scenario: 'Base', status: 'draft', createdAt: at, updatedAt: at });
  });
}
