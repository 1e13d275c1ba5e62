/**
 * csv bytes → WorkbookData with one sheet, with papaparse. Cells stay text: amounts, dates and
 * decimal commas are the pipeline's to interpret; this only detects and reports the conventions.
 * Rows are plain arrays, so a header called `__proto__` is just a string in rows[0] (S3).
 */
import Papa from 'papaparse';
import { type CellValue, type WorkbookData } from '../model';
import { decodeCsvText, detectDecimalComma, type CsvEncoding } from './csv-detect';
import { checkFileSize, refuse, resolveLimits, type ReadLimits } from './limits';
import { baseNameWithoutExtension, looksLikeUtf16, sha256Hex, sniffKind } from './sniff';

export interface CsvOptions {
  encoding?: CsvEncoding;
  delimiter?: string;
  decimalComma?: boolean;
}

const delimitersToGuess = [',', ';', '\t', '|'];

/**
 * papaparse's own guess, made on the first lines without blank ones: its guess compares field
 * counts row to row, and a blank line (there is one at the end of most files) spoils it.
 */
function guessDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  const guess = Papa.parse<string[]>(sample, { delimiter: '', delimitersToGuess, skipEmptyLines: 'greedy', preview: 20 });
  return guess.meta.delimiter;
}

export function readCsv(bytes: Uint8Array, fileName: string, options: CsvOptions = {}, limits?: Partial<ReadLimits>): WorkbookData {
  const lim = resolveLimits(limits);
  checkFileSize(bytes, fileName, lim);
  if (looksLikeUtf16(bytes)) {
    throw refuse(fileName, 'is saved as UTF-16 ("Unicode text"); save it as "CSV UTF-8" and import again.');
  }
  if (sniffKind(bytes) === 'binary') {
    throw refuse(fileName, 'is not a CSV file: it holds binary data, not text.');
  }

  const { text, encoding } = decodeCsvText(bytes, options.encoding);
  const tooLong = (): Error =>
    refuse(fileName, `has more than ${lim.maxRows.toLocaleString('en-US')} rows; Quartermaster does not import files that big.`);
  // One past the cap, so "exactly at the cap" and "over it" can be told apart without
  // parsing the rest of a huge file.
  const parsed = Papa.parse<(string | null)[]>(text, {
    delimiter: options.delimiter ?? guessDelimiter(text),
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    preview: lim.maxRows + 1,
  });
  const rows = parsed.data;
  if (parsed.meta.truncated && /\S/.test(text.slice(parsed.meta.cursor))) throw tooLong();
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const line = quoteError.row === undefined ? '' : ` near row ${quoteError.row + 1}`;
    throw refuse(fileName, `has a quoted cell that is never closed or is malformed${line}; fix the quotes and import again.`, {
      cause: quoteError.message,
    });
  }

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let empty = true;
    for (let c = 0; c < row.length; c++) {
      if (row[c] === '') row[c] = null;
      else empty = false;
    }
    if (empty) rows[r] = [];
  }
  // A file ending in a newline (or several) has no rows after it, only blank lines.
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  if (rows.length > lim.maxRows) throw tooLong();
  if (rows.length === 0) throw refuse(fileName, 'is empty: there is nothing to import.');

  const delimiter = parsed.meta.delimiter;
  const decimalComma = options.decimalComma ?? detectDecimalComma(rows, delimiter);
  return {
    fileName,
    format: 'csv',
    hash: sha256Hex(bytes),
    sheets: [{ name: baseNameWithoutExtension(fileName), rows: rows as CellValue[][], merges: [] }],
    csv: { encoding, delimiter, decimalComma },
  };
}
