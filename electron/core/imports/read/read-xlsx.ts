/**
 * xlsx bytes → WorkbookData, with exceljs (S1: never the `xlsx` package). Values are what the
 * file holds: a formula gives its cached result and is never evaluated (S3); a formula Excel
 * never calculated reads as null and is listed, so the pipeline can say why a cell is empty.
 */
import type ExcelJS from 'exceljs';
import { cellRef, type CellValue, type SheetData, type WorkbookData } from '../model';
import { checkFileSize, refuse, resolveLimits, type ReadLimits } from './limits';
import { RowRules } from './row-rules';
import { isEncryptedCfb, sha256Hex, sniffKind } from './sniff';
import { isWellFormed, toWellFormed } from '../../../../shared/text';
import { type ReadWarning, toNfc } from './text';
import { checkXlsxZip } from './zip-guard';

export async function readXlsx(bytes: Uint8Array, fileName: string, limits?: Partial<ReadLimits>): Promise<WorkbookData> {
  const lim = resolveLimits(limits);
  checkFileSize(bytes, fileName, lim);
  checkSignature(bytes, fileName);
  await checkXlsxZip(bytes, fileName, lim);

  // Loaded on first use: exceljs takes ~200 ms to load, which a CSV read should not pay.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    // exceljs expands data validations and conditional formats to one entry per cell: a rule
    // over a whole column is a million objects. The importer needs neither, so skip them.
    await workbook.xlsx.load(asExceljsBuffer(bytes), {
      ignoreNodes: ['dataValidations', 'conditionalFormatting'],
    });
  } catch (err) {
    throw refuse(fileName, 'could not be read as an Excel workbook: its contents are damaged or not what Excel writes.', {
      cause: err instanceof Error ? err.message : String(err),
    });
  }

  const sheets: SheetData[] = [];
  const warnings: ReadWarning[] = [];
  let rowsSoFar = 0;
  for (const worksheet of workbook.worksheets) {
    const name = sheetName(worksheet.name, fileName, warnings);
    const rules = new RowRules(fileName, name, lim);
    const sheet = readSheet(worksheet, name, excel.ValueType, rules);
    warnings.push(...rules.warnings.done());
    rowsSoFar += sheet.rows.length;
    if (rowsSoFar > lim.maxRows) {
      throw refuse(fileName, `has more than ${lim.maxRows.toLocaleString('en-US')} rows; Quartermaster does not import files that big.`);
    }
    sheets.push(sheet);
  }
  return { fileName, format: 'xlsx', hash: sha256Hex(bytes), sheets, ...(warnings.length > 0 ? { readWarnings: warnings } : {}) };
}

/** A sheet's name as references will show it: well-formed and NFC, like every cell. */
function sheetName(raw: string, fileName: string, warnings: ReadWarning[]): string {
  if (isWellFormed(raw)) return toNfc(raw);
  const name = toNfc(toWellFormed(raw));
  warnings.push({ ref: `${fileName}!${name}`, message: 'the sheet\'s name held broken characters (half of a pair that makes one character); shown as "\u{fffd}"' });
  return name;
}

/** exceljs's typings declare their own `Buffer` (an ArrayBuffer); at runtime it takes Node's. */
function asExceljsBuffer(bytes: Uint8Array): Parameters<ExcelJS.Xlsx['load']>[0] {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<ExcelJS.Xlsx['load']>[0];
}

function checkSignature(bytes: Uint8Array, fileName: string): void {
  const kind = sniffKind(bytes);
  if (kind === 'zip') return;
  if (kind === 'cfb') {
    if (isEncryptedCfb(bytes)) {
      throw refuse(fileName, 'is password-protected; save it without a password and import again.');
    }
    throw refuse(
      fileName,
      'is not an Excel workbook (.xlsx): it is an old Excel 97–2003 file (.xls). Open it in Excel, save it as .xlsx and import again.',
    );
  }
  if (kind === 'text') {
    throw refuse(fileName, 'is not an Excel workbook (.xlsx): it holds plain text. If it is a CSV file, give it a .csv name and import again.');
  }
  throw refuse(fileName, 'is not an Excel workbook (.xlsx).');
}

type ValueTypes = typeof ExcelJS.ValueType;

function readSheet(worksheet: ExcelJS.Worksheet, name: string, types: ValueTypes, rules: RowRules): SheetData {
  const rows: CellValue[][] = [];
  const uncached: string[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // exceljs takes any column number a cell's reference gives; a real workbook stops at XFD.
    rules.checkColumns(row.cellCount, rowNumber - 1);
    const values: CellValue[] = [];
    let chars = 0;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      let value = cellValue(cell, types);
      if (value === uncachedFormula) {
        uncached.push(cellRef(rowNumber - 1, colNumber - 1));
        return;
      }
      if (value === null) return;
      if (typeof value === 'string') {
        value = rules.text(value, rowNumber - 1, colNumber - 1);
        chars += value.length;
      }
      while (values.length < colNumber - 1) values.push(null);
      values[colNumber - 1] = value;
    });
    rules.checkRowText(chars, rowNumber - 1);
    if (values.length === 0) return;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = values;
  });
  const merges = worksheet.model.merges ?? [];
  const sheet: SheetData = { name, rows, merges: [...merges] };
  if (uncached.length > 0) sheet.formulasWithoutResult = uncached;
  return sheet;
}

const uncachedFormula = Symbol('uncached formula');

function cellValue(cell: ExcelJS.Cell, types: ValueTypes): CellValue | typeof uncachedFormula {
  const v = cell.value;
  switch (cell.type) {
    case types.Null:
    case types.Merge:
      // A merged range's value lives in its top-left cell only; the others are empty.
      return null;
    case types.Formula: {
      const result = (v as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue).result;
      return result === undefined || result === null ? uncachedFormula : plain(result);
    }
    default:
      return plain(v);
  }
}

/** Any exceljs value (or formula result) as a plain CellValue; empty text is an empty cell. */
function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean' || v instanceof Date) return v;
  if ('error' in v) return v.error;
  if ('richText' in v) return plain(v.richText.map((run) => run.text).join(''));
  if ('hyperlink' in v) {
    // exceljs hands a hyperlink's text over as rich text when the text is formatted.
    const text: unknown = v.text;
    return typeof text === 'string' ? plain(text) : plain(text as ExcelJS.CellRichTextValue);
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    return result === undefined ? null : plain(result);
  }
  return null;
}
