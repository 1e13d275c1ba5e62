/**
 * csv bytes → WorkbookData with one sheet, with papaparse. Cells stay text: amounts, dates and
 * decimal commas are the pipeline's to interpret; this only detects and reports the conventions.
 * Rows are plain arrays, so a header called `__proto__` is just a string in rows[0] (S3).
 */
import Papa from 'papaparse';
import { type CellValue, type WorkbookData } from '../model';
import { decodeCsvText, detectDecimalComma, type CsvEncoding } from './csv-detect';
import { checkFileSize, refuse, resolveLimits, type ReadLimits } from './limits';
import { RowRules } from './row-rules';
import { baseNameWithoutExtension, looksLikeUtf16, sha256Hex, sniffKind } from './sniff';
import { type EncodingEvidence, toNfc } from './text';

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

interface PreparedCsv {
  lim: ReadLimits;
  text: string;
  encoding: CsvEncoding;
  evidence: EncodingEvidence;
  delimiter: string;
  /** The checks every row passes, and the warnings of this read (the encoding's among them). */
  rules: RowRules;
}

/** Everything before the parse: size and kind checks, decoding, the delimiter. */
function prepareCsv(bytes: Uint8Array, fileName: string, options: CsvOptions, limits?: Partial<ReadLimits>): PreparedCsv {
  const lim = resolveLimits(limits);
  checkFileSize(bytes, fileName, lim);
  if (looksLikeUtf16(bytes)) {
    throw refuse(fileName, 'is saved as UTF-16 ("Unicode text"); save it as "CSV UTF-8" and import again.');
  }
  if (sniffKind(bytes) === 'binary') {
    throw refuse(fileName, 'is not a CSV file: it holds binary data, not text.');
  }
  const decoded = decodeCsvText(bytes, options.encoding);
  // Decoded text is well-formed; NFC is made here once for the whole text (cheap when it already is).
  const text = decoded.evidence.reason === 'ascii' ? decoded.text : toNfc(decoded.text);
  const rules = new RowRules(fileName, baseNameWithoutExtension(fileName), lim);
  rules.encoding(decoded.encoding, decoded.evidence);
  return { lim, text, encoding: decoded.encoding, evidence: decoded.evidence, delimiter: options.delimiter ?? guessDelimiter(text), rules };
}

function tooLong(fileName: string, lim: ReadLimits): Error {
  return refuse(fileName, `has more than ${lim.maxRows.toLocaleString('en-US')} rows; Quartermaster does not import files that big.`);
}

export function readCsv(bytes: Uint8Array, fileName: string, options: CsvOptions = {}, limits?: Partial<ReadLimits>): WorkbookData {
  const { lim, text, encoding, evidence, delimiter: chosenDelimiter, rules } = prepareCsv(bytes, fileName, options, limits);
  // One past the cap, so "exactly at the cap" and "over it" can be told apart without
  // parsing the rest of a huge file.
  const parsed = Papa.parse<(string | null)[]>(text, {
    delimiter: chosenDelimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    preview: lim.maxRows + 1,
  });
  const rows = parsed.data as CellValue[][];
  if (parsed.meta.truncated && /\S/.test(text.slice(parsed.meta.cursor))) throw tooLong(fileName, lim);
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const line = quoteError.row === undefined ? '' : ` near row ${quoteError.row + 1}`;
    throw refuse(fileName, `has a quoted cell that is never closed or is malformed${line}; fix the quotes and import again.`, {
      cause: quoteError.message,
    });
  }

  for (let r = 0; r < rows.length; r++) rows[r] = rules.csvRow(rows[r] as (string | null)[], r);
  // A file ending in a newline (or several) has no rows after it, only blank lines.
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  if (rows.length > lim.maxRows) throw tooLong(fileName, lim);
  if (rows.length === 0) throw refuse(fileName, 'is empty: there is nothing to import.');

  const delimiter = parsed.meta.delimiter;
  const decimalComma = options.decimalComma ?? detectDecimalComma(rows, delimiter);
  return withWarnings(
    {
      fileName,
      format: 'csv',
      hash: sha256Hex(bytes),
      sheets: [{ name: baseNameWithoutExtension(fileName), rows, merges: [] }],
      csv: { encoding, delimiter, decimalComma, evidence },
    },
    rules,
  );
}

/** The read's warnings, when it has any, on the workbook (model.ts: readWarnings). */
function withWarnings(workbook: WorkbookData, rules: RowRules): WorkbookData {
  const warnings = rules.warnings.done();
  if (warnings.length > 0) workbook.readWarnings = warnings;
  return workbook;
}

/** What a streamed CSV's rows belong to, sent with its first rows. */
export interface CsvStreamHead {
  sheetName: string;
  csv: NonNullable<WorkbookData['csv']>;
}

/** Receives a streamed CSV's rows in order, each row exactly once; `head` comes with the first rows. */
export type CsvRowSink = (rows: CellValue[][], head: CsvStreamHead) => void;

/** Text parsed per step of a streamed read: small enough to overlap, big enough to keep messages few. */
const STREAM_CHUNK_CHARS = 128 * 1024;
/** Rows detectDecimalComma looks at: held back until the convention is known. */
const DECIMAL_SAMPLE_ROWS = 5000;

/**
 * readCsv, handing rows to `sink` as they are parsed (papaparse's chunked mode), so that whoever
 * waits for them can start before the whole file is read. The rows sent, in order, are exactly
 * readCsv's rows: the first rows are held back until the decimal convention is known (when it is
 * decided on them: not for a comma-separated file), and blank rows until a row with something in
 * it follows (a file's trailing
 * blank lines are not rows). Refusals are readCsv's, word for word: when anything unusual turns
 * up (a quote error, more rows than the cap, a row longer than a chunk), the file is read again
 * with readCsv itself, and its answer — a refusal or all the rows — is returned with
 * `streamed: false`. `streamed: true` means the rows went to the sink, and the workbook returned
 * holds none.
 */
export function readCsvStreamed(
  bytes: Uint8Array,
  fileName: string,
  options: CsvOptions,
  limits: Partial<ReadLimits> | undefined,
  sink: CsvRowSink,
  /** Tests only: smaller chunks, to put chunk boundaries everywhere. */
  chunkChars = STREAM_CHUNK_CHARS,
): { workbook: WorkbookData; streamed: boolean } {
  const { lim, text, encoding, evidence, delimiter, rules } = prepareCsv(bytes, fileName, options, limits);
  // papaparse guesses line endings from the first 1 MB of what it is given first: ask it once for
  // the whole text, so every chunk is split the way a one-piece parse would split it. Its guess is
  // "\n" whenever that first 1 MB holds no "\r" (most files): then it need not be asked.
  const start = text.slice(0, 1024 * 1024);
  const newline = start.includes('\r') ? (Papa.parse<string[]>(start, { delimiter, preview: 1 }).meta.linebreak as '\n' | '\r\n' | '\r') : '\n';
  const sheetName = baseNameWithoutExtension(fileName);
  let held: CellValue[][] = [];
  let head: CsvStreamHead | undefined;
  let parsedRows = 0;
  let sentRows = 0;
  let rowlessChunks = 0;
  let unusual = false;
  // A row the rules refuse (rules.csvRow), thrown once the parser has stopped.
  let refusal: unknown;
  // The delimiter papaparse used, as readCsv reports it (an unusable one chosen by hand reads as ",").
  let usedDelimiter = delimiter;
  const headOf = (rows: CellValue[][]): CsvStreamHead => ({
    sheetName,
    csv: { encoding, delimiter: usedDelimiter, decimalComma: options.decimalComma ?? detectDecimalComma(rows, usedDelimiter), evidence },
  });
  /** Sends the held rows up to the last one with something in it. */
  const send = (h: CsvStreamHead): void => {
    let end = held.length;
    while (end > 0 && held[end - 1]!.length === 0) end--;
    if (end === 0) return;
    const rows = end === held.length ? held : held.slice(0, end);
    held = end === held.length ? [] : held.slice(end);
    sentRows += rows.length;
    sink(rows, h);
  };
  Papa.parse<(string | null)[]>(text, {
    delimiter,
    newline,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    chunkSize: chunkChars,
    // papaparse streams a string synchronously, chunk by chunk; its typings only know files.
    complete: () => undefined,
    chunk: (results: Papa.ParseResult<(string | null)[]>, parser: Papa.Parser) => {
      rowlessChunks = results.data.length === 0 ? rowlessChunks + 1 : 0;
      if (results.errors.some((e) => e.type === 'Quotes') || parsedRows + results.data.length > lim.maxRows + 1 || rowlessChunks > 1) {
        unusual = true;
        parser.abort();
        return;
      }
      if (parsedRows === 0) usedDelimiter = results.meta.delimiter;
      parsedRows += results.data.length;
      const first = parsedRows - results.data.length;
      try {
        for (let i = 0; i < results.data.length; i++) held.push(rules.csvRow(results.data[i]!, first + i));
      } catch (err) {
        refusal = err;
        parser.abort();
        return;
      }
      // detectDecimalComma looks at rows only when it has to: a comma-separated file, or a choice
      // made in the preview, settles the convention before any row is read.
      const settled = options.decimalComma !== undefined || usedDelimiter === ',';
      if (head === undefined && (settled || held.length >= DECIMAL_SAMPLE_ROWS)) head = headOf(held);
      if (head !== undefined) send(head);
    },
  });
  if (refusal) throw refusal;
  if (unusual) return { workbook: readCsv(bytes, fileName, options, limits), streamed: false };

  while (held.length > 0 && held[held.length - 1]!.length === 0) held.pop();
  if (sentRows + held.length > lim.maxRows) throw tooLong(fileName, lim);
  if (sentRows + held.length === 0) throw refuse(fileName, 'is empty: there is nothing to import.');
  if (sentRows === 0) {
    // A small file: all of it in one answer.
    const { csv } = headOf(held);
    return { workbook: withWarnings({ fileName, format: 'csv', hash: sha256Hex(bytes), sheets: [{ name: sheetName, rows: held, merges: [] }], csv }, rules), streamed: false };
  }
  // The last rows before the hash: whoever reads them need not wait for it.
  send(head!);
  return { workbook: withWarnings({ fileName, format: 'csv', hash: sha256Hex(bytes), sheets: [{ name: sheetName, rows: [], merges: [] }], csv: head!.csv }, rules), streamed: true };
}
