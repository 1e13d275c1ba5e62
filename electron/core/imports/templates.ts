/**
 * Manager budget templates: an xlsx per leaf department (or one workbook with a sheet each) that a
 * manager fills in and sends back, and that our importer reads with no mapping work. The layout
 * is chosen for the detector: a title block of single merged cells (never taken for a header), a
 * header row of "Account code", "Account name", the plan's months as "Jan 2027" text (the same in
 * every locale, and it survives a save as CSV), "FY total" (a full-year column the importer
 * cross-checks and never imports) and a reference column of last year's actuals (a header no
 * field claims, so it is ignored). Section headings sit in the name column with no code, so they
 * are skipped as notes. The sheet is named "210 Warehouse", which is how the importer finds the
 * department.
 */
import type ExcelJS from 'exceljs';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { writeNewFile } from '../fs/write-new-file';
import { join } from 'node:path';
import { periodLabel } from '../../../shared/periods';
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import { xlsxText } from '../export/cell-text';
import { cellRef } from './model';
import { templateData, type TemplateData, type TemplateDepartment } from './template-data';

export type TemplateLayout = 'per-department-files' | 'one-workbook';

export interface TemplateExportOptions {
  planId: string;
  /** Departments to write templates for (a parent means its leaves); default every leaf. */
  departmentIds?: string[];
  layout: TemplateLayout;
  /** Folder for the files; per-department files always go here. */
  outDir?: string;
  /** one-workbook only: the file to write (default "<plan> budget templates.xlsx" in outDir). */
  outFile?: string;
}

const moneyFormat = '#,##0.00;(#,##0.00)';
/** Rows of the title block; the header row follows a blank row. */
const TITLE_ROWS = 4;
export const TEMPLATE_HEADER_ROW = TITLE_ROWS + 2;
const FIRST_MONTH_COLUMN = 3;

const sectionTitles = { revenue: 'Revenue', expense: 'Expenses', capex: 'Capital expenditure' } as const;

/** Excel's rules for sheet names: at most 31 characters, none of \ / ? * [ ] :, no apostrophe at either end. */
export function sheetNameFor(department: Pick<TemplateDepartment, 'code' | 'name'>, taken: Set<string>): string {
  const base =
    `${department.code} ${department.name}`
      .replace(/[\\/?*[\]:\u0000-\u001f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .slice(0, 31)
      .trim() || department.code.slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** A file name any desktop system accepts. */
function fileSafe(text: string): string {
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/\s+/g, ' ').trim();
}

function major(minor: number): number {
  return minor / 100;
}

/** Fills one sheet; returns the worksheet so the caller can protect it (which is async in exceljs). */
function fillSheet(book: ExcelJS.Workbook, data: TemplateData, department: TemplateDepartment, sheetName: string): ExcelJS.Worksheet {
  const monthCount = data.months.length;
  const totalColumn = FIRST_MONTH_COLUMN + monthCount;
  const referenceColumn = totalColumn + 1;
  const ws = book.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: TEMPLATE_HEADER_ROW }],
    properties: { defaultRowHeight: 15 },
  });
  // Every text cell from the workspace goes through xlsxText (S4, with control characters dropped and _xHHHH_ escapes disarmed); only "FY total" is a formula, and we write it as one.
  const text = (value: string) => xlsxText(value);
  const through = data.referenceThrough ? `, posted through ${periodLabel(data.referenceThrough)}` : '';
  const titles = [
    text(data.company),
    text(`${data.planName} — budget template`),
    text(`${department.code} ${department.name}`),
    `Fill in the month columns in ${data.currency} (revenue and spend both as positive amounts). ` +
      `Do not add, remove or move rows, columns or sheets. FY${data.referenceYear} actual is last year's actuals for reference${through}.`,
  ];
  titles.forEach((title, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = title;
    ws.mergeCells(i + 1, 1, i + 1, referenceColumn);
    row.getCell(1).font = i === 0 ? { bold: true, size: 14 } : i === 1 ? { bold: true, size: 12 } : i === 3 ? { italic: true, color: { argb: 'FF555555' } } : { bold: true };
    if (i === 3) row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  });
  ws.getRow(4).height = 30;

  const header = ws.getRow(TEMPLATE_HEADER_ROW);
  const headers = ['Account code', 'Account name', ...data.months.map((m) => periodLabel(m)), 'FY total', `FY${data.referenceYear} actual`];
  headers.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: i < 2 ? 'left' : 'right' };
    cell.border = { bottom: { style: 'thin' } };
  });

  let r = TEMPLATE_HEADER_ROW + 1;
  for (const type of ['revenue', 'expense', 'capex'] as const) {
    const accounts = department.accounts.filter((a) => a.type === type);
    if (accounts.length === 0) continue;
    // A heading in the name column with no code: the importer skips it as a note.
    const heading = ws.getRow(r++).getCell(2);
    heading.value = sectionTitles[type];
    heading.font = { bold: true, italic: true };
    for (const account of accounts) {
      const row = ws.getRow(r);
      row.getCell(1).value = text(account.code);
      row.getCell(2).value = text(account.name);
      let sum = 0;
      account.values.forEach((v, m) => {
        const cell = row.getCell(FIRST_MONTH_COLUMN + m);
        if (v !== null) {
          cell.value = major(v);
          sum += v;
        }
        cell.numFmt = moneyFormat;
        // The only cells a manager may change.
        cell.protection = { locked: false };
      });
      const first = cellRef(r - 1, FIRST_MONTH_COLUMN - 1);
      const last = cellRef(r - 1, totalColumn - 2);
      const total = row.getCell(totalColumn);
      // A cached result, so readers that never calculate (ours included) see the right total.
      total.value = { formula: `SUM(${first}:${last})`, result: major(sum) };
      total.numFmt = moneyFormat;
      total.font = { bold: true };
      const reference = row.getCell(referenceColumn);
      if (account.reference !== null) reference.value = major(account.reference);
      reference.numFmt = moneyFormat;
      reference.font = { color: { argb: 'FF777777' } };
      r++;
    }
  }
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 34;
  for (let c = FIRST_MONTH_COLUMN; c < totalColumn; c++) ws.getColumn(c).width = 13;
  ws.getColumn(totalColumn).width = 15;
  ws.getColumn(referenceColumn).width = 16;
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${TEMPLATE_HEADER_ROW}:${TEMPLATE_HEADER_ROW}` };
  return ws;
}

/** Protection options: structure and every locked cell fixed, month cells editable, columns resizable. */
export const templateProtection: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: false,
  formatColumns: true,
  formatRows: true,
  insertColumns: false,
  insertRows: false,
  insertHyperlinks: false,
  deleteColumns: false,
  deleteRows: false,
  sort: false,
  autoFilter: false,
  pivotTables: false,
  objects: false,
  scenarios: false,
};

/** The workbook for some departments of the template data (one sheet each). */
export async function buildTemplateWorkbook(data: TemplateData, departments: readonly TemplateDepartment[]): Promise<ExcelJS.Workbook> {
  // Loaded on first use, as in the reader: exceljs is slow to load and most commands never need it.
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = 'Quartermaster';
  book.title = `${data.planName} budget template`;
  // Excel recalculates the FY totals when the manager opens the file.
  book.calcProperties.fullCalcOnLoad = true;
  const taken = new Set<string>();
  for (const d of departments) {
    const ws = fillSheet(book, data, d, sheetNameFor(d, taken));
    // No password on purpose: protection here prevents accidents (a deleted row, a typed-over
    // code), not attacks, and a manager who must change the layout can unprotect it.
    await ws.protect('', templateProtection);
  }
  return book;
}

export function templateFileName(data: Pick<TemplateData, 'planName'>, department: Pick<TemplateDepartment, 'code' | 'name'> | null): string {
  return department === null
    ? fileSafe(`${data.planName} — budget templates.xlsx`)
    : fileSafe(`${data.planName} budget — ${department.code} ${department.name}.xlsx`.slice(0, 200));
}

async function workbookBytes(data: TemplateData, departments: readonly TemplateDepartment[]): Promise<Buffer> {
  const book = await buildTemplateWorkbook(data, departments);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * The 'one-workbook' template in memory (a sheet per leaf department) and the name to save it
 * under. The app uses this: it hands the bytes to the page, which saves them where the user says,
 * so the core never picks a folder on the user's behalf.
 */
export async function budgetTemplateWorkbook(ctx: Ctx, options: Pick<TemplateExportOptions, 'planId' | 'departmentIds'>): Promise<{ fileName: string; bytes: Buffer }> {
  const data = templateData(ctx, options.planId, options.departmentIds);
  return { fileName: templateFileName(data, null), bytes: await workbookBytes(data, data.departments) };
}

/**
 * Writes the templates and returns the files written. Every target is checked before the first
 * is written, so an existing file refuses the whole export rather than leaving half of it.
 */
export async function exportBudgetTemplates(ctx: Ctx, options: TemplateExportOptions): Promise<{ files: string[] }> {
  const data = templateData(ctx, options.planId, options.departmentIds);
  const jobs: Array<{ file: string; departments: TemplateDepartment[] }> = [];
  if (options.layout === 'one-workbook') {
    const file = options.outFile ?? (options.outDir !== undefined ? join(options.outDir, templateFileName(data, null)) : undefined);
    if (file === undefined) throw new AppError('invalid_input', 'Choose a folder or a file for the templates.');
    jobs.push({ file, departments: data.departments });
  } else {
    if (options.outDir === undefined) throw new AppError('invalid_input', 'Choose a folder for the templates.');
    for (const d of data.departments) jobs.push({ file: join(options.outDir, templateFileName(data, d)), departments: [d] });
  }
  const existing = jobs.find((j) => existsSync(j.file));
  if (existing) throw new AppError('refused', `${existing.file} already exists; templates never overwrite a file. Nothing was written.`);
  if (options.outDir !== undefined) mkdirSync(options.outDir, { recursive: true });
  // Every workbook is built before the first is written, and a failed write takes back the
  // files this call already wrote: an export leaves all its files or none.
  const built = await Promise.all(jobs.map(async (job) => ({ file: job.file, bytes: await workbookBytes(data, job.departments) })));
  const files: string[] = [];
  try {
    for (const { file, bytes } of built) {
      writeNewFile(file, bytes);
      files.push(file);
    }
  } catch (err) {
    for (const file of files) rmSync(file, { force: true });
    throw err;
  }
  return { files };
}
