/**
 * The worker thread that reads files sent to it, one message per read, replying to each
 * (see read-contained.ts, which keeps it warm between reads). Each read is a pure function of
 * its message: nothing is kept here between reads. Built as its own
 * entry of the main bundle (out/main/read-worker.js); under tsx/vitest it runs from source.
 */
import { readFileSync, statSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../../shared/result';
import { refuse, resolveLimits, formatMegabytes } from './limits';
import { packRows } from './packed-rows';
import { readWorkbookStreamed } from './read-workbook';
import { type WorkerFault, type WorkerInput, type WorkerReply, type WorkerWarmup } from './worker-protocol';

function loadBytes(input: WorkerInput): Uint8Array {
  if ('bytes' in input.source) return input.source.bytes;
  const { maxFileBytes } = resolveLimits(input.options.limits);
  // Look at the size before reading, so a huge file is refused without loading it.
  const size = statSync(input.source.path).size;
  if (size > maxFileBytes) {
    throw refuse(input.fileName, `is larger than ${formatMegabytes(maxFileBytes)}; Quartermaster does not import files that big.`);
  }
  return readFileSync(input.source.path);
}

function misbehave(fault: WorkerFault): void {
  if (fault === 'throw') {
    setImmediate(() => {
      throw new Error('reader fault injected by a test');
    });
  } else if (fault === 'exit') {
    process.exit(3);
  } else if (fault === 'hang') {
    for (;;) {
      // Busy forever: only terminate() ends this, which is the point.
    }
  } else {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array<number>(1_000_000).fill(hoard.length));
  }
}

async function run(input: WorkerInput): Promise<WorkerReply> {
  try {
    const { workbook, streamed } = await readWorkbookStreamed(loadBytes(input), input.fileName, input.options, (rows, head) => {
      const packed = packRows(rows);
      parentPort?.postMessage({ ok: true, rows: packed, head } satisfies WorkerReply, [packed.cells.buffer as ArrayBuffer, packed.rowEnds.buffer as ArrayBuffer]);
    });
    return { ok: true, workbook, streamed };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toData() };
    const cause = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: { code: 'refused', message: `${input.fileName} could not be read: the reader failed on its contents.`, details: { cause } },
    };
  }
}

/**
 * Readies the readers while no file is waiting: exceljs takes ~200 ms to load, and the first file
 * each reader reads pays for compiling its code (~500 ms for a big workbook). So a small workbook
 * and a small CSV, made here, are read and thrown away. Nothing of them is kept.
 */
async function warmUp(): Promise<void> {
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  const sheet = book.addWorksheet('Warm-up');
  sheet.addRow(['Warm-up — FY2027 budget']);
  sheet.mergeCells('A1:D1');
  sheet.addRow(['Account', 'Name', 'Jan 2027', 'Total']);
  for (let r = 0; r < 200; r++) sheet.addRow([String(5000 + r), `Account ${r}`, r + 0.25, { formula: `C${r + 3}`, result: r + 0.25 }]);
  await readWorkbookStreamed(new Uint8Array(await book.xlsx.writeBuffer()), 'warm-up.xlsx', {}, () => undefined);
  const csv = ['Period,Cost Center,Account,Amount', ...Array.from({ length: 2000 }, (_, r) => `2026-01,${r % 7},${5000 + r},${r}.50`)].join('\n');
  await readWorkbookStreamed(new TextEncoder().encode(csv), 'warm-up.csv', {}, () => undefined);
}

parentPort?.on('message', (input: WorkerInput | WorkerWarmup) => {
  // No reply to a warm-up, and a failed one is only a colder first read.
  if ('warmup' in input) void warmUp().catch(() => undefined);
  else if (input.fault) misbehave(input.fault);
  else void run(input).then((reply) => parentPort?.postMessage(reply));
});
