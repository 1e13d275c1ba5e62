/**
 * One entry for every reader: picks xlsx or csv by what the bytes are first and the name
 * second, so a workbook renamed .csv still reads and a CSV renamed .xlsx gets a clear answer.
 * In the app this runs inside the worker (read-contained.ts); tests call it directly.
 */
import { type WorkbookData } from '../model';
import { type CsvOptions, type CsvRowSink, readCsv, readCsvStreamed } from './read-csv';
import { readXlsx } from './read-xlsx';
import { checkFileSize, refuse, resolveLimits, type ReadLimits } from './limits';
import { extensionOf, sniffKind } from './sniff';

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  /** Overrides for csv files (chosen in the preview or on the CLI); detected when absent. */
  csv?: CsvOptions;
}

const workbookExtensions = new Set(['xlsx', 'xlsm', 'xls']);
const textExtensions = new Set(['csv', 'tsv', 'txt', '']);

export async function readWorkbook(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<WorkbookData> {
  const limits = resolveLimits(options.limits);
  checkFileSize(bytes, fileName, limits);
  const kind = sniffKind(bytes);
  const ext = extensionOf(fileName);
  if (kind === 'zip' || kind === 'cfb' || workbookExtensions.has(ext)) return readXlsx(bytes, fileName, limits);
  if (textExtensions.has(ext)) return readCsv(bytes, fileName, options.csv, limits);
  throw refuse(fileName, 'is not a file Quartermaster can import: send an Excel workbook (.xlsx) or a CSV file (.csv).');
}

/**
 * readWorkbook for a reader that can pass rows on as they are parsed: a CSV's rows go to `sink`
 * while it is read (see readCsvStreamed; `streamed` says whether they did), a workbook comes whole.
 */
export async function readWorkbookStreamed(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions,
  sink: CsvRowSink,
): Promise<{ workbook: WorkbookData; streamed: boolean }> {
  const limits = resolveLimits(options.limits);
  checkFileSize(bytes, fileName, limits);
  const kind = sniffKind(bytes);
  const ext = extensionOf(fileName);
  if (kind === 'zip' || kind === 'cfb' || workbookExtensions.has(ext)) return { workbook: await readXlsx(bytes, fileName, limits), streamed: false };
  if (textExtensions.has(ext)) return readCsvStreamed(bytes, fileName, options.csv ?? {}, limits, sink);
  throw refuse(fileName, 'is not a file Quartermaster can import: send an Excel workbook (.xlsx) or a CSV file (.csv).');
}
