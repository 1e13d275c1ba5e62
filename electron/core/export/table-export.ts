/**
 * The budget grid, the variance table and the import history as xlsx or csv. The figures come
 * from the same services the screens read (budgetGrid, varianceReport, listImportBatches), all
 * inside one read transaction (D9), so a file is one state of the workspace even while another
 * connection writes. Every text cell is neutralised by the writers (S4).
 *
 * - budget: one flat table, a row per department × account, every department of the subtree
 *   (default: the whole company) depth-first with its figures rolled up, the twelve months and a
 *   total. A parent's rows are the sums of its children's, as on screen.
 * - variance: the chosen department's report (default: each top-level department's, stacked),
 *   account rows then a total per account type.
 * - imports: every import batch, newest first, as the history screen lists them.
 */
import type { z } from 'zod';
import { accountTypes, type AccountType } from '../../../shared/budget';
import type { tableExportInputSchema, tableExportSchema } from '../../../shared/report';
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import { requirePlan, type PlanRow } from '../budget/budget-queries';
import { budgetGrid, planMonths } from '../budget/grid-service';
import { varianceReport } from '../budget/variance-service';
import { listImportBatches } from '../imports/history';
import { compareCodes } from '../org/department-service';
import { defaultPeriod, defaultPlan } from '../report/report-settings';
import { resolvePeriod } from '../report/report-period';
import { getSettings } from '../workspace/workspace-service';
import { tableCsvBytes } from './table-csv';
import { fileSafePart, type Table, type TableCell, type TableColumn } from './table-model';
import { tableXlsxBytes } from './table-xlsx';
import { readTransaction } from '../db/transactions';

export type TableExportInput = z.output<typeof tableExportInputSchema>;
export type TableExport = z.infer<typeof tableExportSchema>;

interface DepartmentNode {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

const typeTotalNames: Record<AccountType, string> = {
  revenue: 'Total revenue',
  expense: 'Total expenses',
  capex: 'Total capital expenditure',
};

/** The plan asked for, or the one the board pack would take: the default period's approved plan. */
export function exportPlan(ctx: Ctx, planId: string | undefined): PlanRow {
  if (planId !== undefined) return requirePlan(ctx, planId);
  const period = defaultPeriod(ctx);
  if (period === null) throw new AppError('not_found', 'There is no plan to export yet: create or import one first.');
  return defaultPlan(ctx, resolvePeriod(period, getSettings(ctx).fiscalYearStartMonth));
}

function allDepartments(ctx: Ctx): DepartmentNode[] {
  return ctx.db.$client.prepare('SELECT id, code, name, parent_id AS parentId FROM departments').all() as DepartmentNode[];
}

/**
 * The subtree under `rootId` (default: every top-level department), depth-first with siblings in
 * code order, as the department tree shows them. A seen-set guards against a cycle in a damaged file.
 */
function departmentsDepthFirst(all: readonly DepartmentNode[], rootId: string | undefined): DepartmentNode[] {
  const ids = new Set(all.map((d) => d.id));
  const children = new Map<string | null, DepartmentNode[]>();
  for (const d of all) {
    const key = d.parentId !== null && ids.has(d.parentId) ? d.parentId : null;
    const list = children.get(key);
    if (list) list.push(d);
    else children.set(key, [d]);
  }
  for (const list of children.values()) list.sort((a, b) => compareCodes(a.code, b.code));
  const out: DepartmentNode[] = [];
  const seen = new Set<string>();
  const visit = (d: DepartmentNode) => {
    if (seen.has(d.id)) return;
    seen.add(d.id);
    out.push(d);
    for (const child of children.get(d.id) ?? []) visit(child);
  };
  const roots = rootId === undefined ? topLevel(all) : all.filter((d) => d.id === rootId);
  for (const root of roots) visit(root);
  return out;
}

/** Departments without a parent, in code order: each heads a separate tree of its own. */
function topLevel(all: readonly DepartmentNode[]): DepartmentNode[] {
  const ids = new Set(all.map((d) => d.id));
  return all.filter((d) => d.parentId === null || !ids.has(d.parentId)).sort((a, b) => compareCodes(a.code, b.code));
}

function requireDepartmentNode(all: readonly DepartmentNode[], departmentId: string | undefined): DepartmentNode | undefined {
  if (departmentId === undefined) return undefined;
  const found = all.find((d) => d.id === departmentId);
  if (!found) throw new AppError('not_found', 'That department no longer exists.');
  return found;
}

function stem(...parts: string[]): string {
  return parts.map(fileSafePart).filter((p) => p !== '').join('-');
}

function budgetTable(ctx: Ctx, input: TableExportInput): Table {
  const plan = exportPlan(ctx, input.planId);
  const all = allDepartments(ctx);
  const chosen = requireDepartmentNode(all, input.departmentId);
  const codes = new Map(all.map((d) => [d.id, d.code]));
  const rows: TableCell[][] = [];
  let months: string[] | null = null;
  for (const d of departmentsDepthFirst(all, chosen?.id)) {
    const grid = budgetGrid(ctx, { planId: plan.id, departmentId: d.id });
    months ??= grid.months;
    const parentCode = d.parentId === null ? null : (codes.get(d.parentId) ?? null);
    for (const r of grid.rows) rows.push([d.code, d.name, parentCode, r.code, r.name, r.type, ...r.values, r.total]);
  }
  // Without departments there is no grid to ask; the plan's months still head the columns.
  months ??= planMonths(ctx, plan);
  const columns: TableColumn[] = [
    { header: 'Department code', kind: 'text' },
    { header: 'Department name', kind: 'text' },
    { header: 'Parent code', kind: 'text' },
    { header: 'Account code', kind: 'text' },
    { header: 'Account name', kind: 'text' },
    { header: 'Type', kind: 'text' },
    ...months.map((m): TableColumn => ({ header: m, kind: 'money' })),
    { header: 'Total', kind: 'money' },
  ];
  const where = chosen ? `${chosen.code} ${chosen.name}` : 'all departments';
  return {
    sheetName: `Budget ${plan.name}`,
    title: `Budget ${plan.name}, ${where}`,
    fileStem: stem('budget', plan.name, chosen?.code ?? ''),
    columns,
    rows,
  };
}

function favourableText(favourable: boolean | null): string {
  return favourable === null ? 'On budget' : favourable ? 'Fav' : 'Unfav';
}

function varianceTable(ctx: Ctx, input: TableExportInput): Table {
  const plan = exportPlan(ctx, input.planId);
  const all = allDepartments(ctx);
  const chosen = requireDepartmentNode(all, input.departmentId);
  const departments = chosen ? [chosen] : topLevel(all);
  const rows: TableCell[][] = [];
  let range: { from: string; to: string } | null = null;
  for (const d of departments) {
    const report = varianceReport(ctx, { planId: plan.id, departmentId: d.id, from: input.from, to: input.to });
    range ??= { from: report.from, to: report.to };
    for (const r of report.rows) {
      rows.push([d.code, d.name, r.code, r.name, r.type, r.budget, r.actual, r.variance, r.variancePct, favourableText(r.favourable)]);
    }
    for (const type of accountTypes) {
      const s = report.subtotals.find((x) => x.type === type);
      if (!s) continue;
      rows.push([d.code, d.name, null, typeTotalNames[type], type, s.budget, s.actual, s.variance, s.variancePct, favourableText(s.favourable)]);
    }
  }
  const columns: TableColumn[] = [
    { header: 'Department code', kind: 'text' },
    { header: 'Department name', kind: 'text' },
    { header: 'Account code', kind: 'text' },
    { header: 'Account name', kind: 'text' },
    { header: 'Type', kind: 'text' },
    { header: 'Budget', kind: 'money' },
    { header: 'Actual', kind: 'money' },
    { header: 'Variance', kind: 'money' },
    { header: 'Variance %', kind: 'percent' },
    { header: 'Fav/Unfav', kind: 'text' },
  ];
  const span = range ? `${range.from} to ${range.to}` : '';
  return {
    sheetName: `Variance ${plan.name}`,
    title: `Budget vs actual ${plan.name}, ${chosen ? `${chosen.code} ${chosen.name}` : 'all departments'}${span ? `, ${span}` : ''}`,
    fileStem: stem('variance', plan.name, chosen?.code ?? '', range ? `${range.from}-${range.to}` : ''),
    columns,
    rows,
  };
}

function importsTable(ctx: Ctx): Table {
  const rows: TableCell[][] = listImportBatches(ctx).map((b) => [
    b.seq,
    b.createdAt,
    b.kind,
    b.fileName,
    b.fileHash,
    b.sheets.join(', '),
    b.planName,
    b.departmentCodes.join(', '),
    b.rowsImported,
    b.cellsImported,
    b.origin,
    b.undoneAt,
  ]);
  const columns: TableColumn[] = [
    { header: 'Seq', kind: 'count' },
    { header: 'Date (UTC)', kind: 'instant' },
    { header: 'Kind', kind: 'text' },
    { header: 'File', kind: 'text' },
    { header: 'Hash', kind: 'text' },
    { header: 'Sheets', kind: 'text' },
    { header: 'Plan', kind: 'text' },
    { header: 'Departments', kind: 'text' },
    { header: 'Rows', kind: 'count' },
    { header: 'Cells', kind: 'count' },
    { header: 'Who', kind: 'text' },
    { header: 'Undone (UTC)', kind: 'instant' },
  ];
  return { sheetName: 'Import history', title: `Import history, ${getSettings(ctx).name}`, fileStem: 'import-history', columns, rows };
}

/** The table the export writes, read in one transaction. Exported for tests. */
export function readExportTable(ctx: Ctx, input: TableExportInput): Table {
  // DEFERRED takes the read snapshot at the first SELECT and holds it until the last.
  return readTransaction(ctx.db, (): Table => {
    switch (input.view) {
      case 'budget':
        return budgetTable(ctx, input);
      case 'variance':
        return varianceTable(ctx, input);
      case 'imports':
        return importsTable(ctx);
    }
  });
}

export async function exportTable(ctx: Ctx, input: TableExportInput): Promise<TableExport> {
  const table = readExportTable(ctx, input);
  const bytes = input.format === 'xlsx' ? await tableXlsxBytes(table) : tableCsvBytes(table);
  return { fileName: `${table.fileStem || input.view}.${input.format}`, base64: bytes.toString('base64'), rows: table.rows.length };
}
