/**
 * The worker thread that reads files sent to it, one message per read, replying to each
 * (see read-contained.ts, which keeps it warm between reads). Each read is a pure function of
 * its message: nothing is kept here between reads. Built as its own
 * entry of the main bundle (out/main/read-worker.js); under tsx/vitest it runs from source.
 */
import { parentPort, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { AppError } from '../../../../shared/result';
import { LongRowScanner, type LongRowSpec } from '../long-rows';
import { resolveLimits } from './limits';
import { readRegularFile } from './regular-file';
import { packRows, type PackedRows } from './packed-rows';
import { readWorkbookStreamed } from './read-workbook';
import { type WorkerControl, type WorkerFault, type WorkerInput, type WorkerReply, type WorkerWarmup } from './worker-protocol';

function loadBytes(input: WorkerInput): Uint8Array {
  if ('bytes' in input.source) return input.source.bytes;
  return readRegularFile(input.source.path, input.fileName, resolveLimits(input.options.limits).maxFileBytes);
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

/** The buffers a packed chunk moves rather than copies. */
function packedBuffers(packed: PackedRows): ArrayBuffer[] {
  return [packed.cells.buffer as ArrayBuffer, packed.rowEnds.buffer as ArrayBuffer];
}

/** A control message from the plan, if one has arrived: only a well-formed spec counts. */
function receiveSpec(control: MessagePort | undefined): LongRowSpec | undefined {
  const received = control ? receiveMessageOnPort(control) : undefined;
  const message = received?.message as Partial<WorkerControl> | undefined;
  return message?.longRows && typeof message.longRows === 'object' ? message.longRows : undefined;
}

async function run(input: WorkerInput): Promise<WorkerReply> {
  const { control } = input;
  // Rows are sent as cells until the plan says how to read them, then read here.
  let scanner: LongRowScanner | undefined;
  let sent = 0;
  try {
    const { workbook, streamed } = await readWorkbookStreamed(loadBytes(input), input.fileName, input.options, (rows, head) => {
      if (!scanner) {
        const spec = receiveSpec(control);
        if (spec) scanner = new LongRowScanner(spec);
      }
      if (scanner) {
        const block = scanner.scan(rows, sent);
        const moved = [block.kinds.buffer, block.texts.buffer, block.amounts.buffer, ...packedBuffers(block.others)] as ArrayBuffer[];
        parentPort?.postMessage({ ok: true, longRows: block } satisfies WorkerReply, moved);
      } else {
        const packed = packRows(rows);
        parentPort?.postMessage({ ok: true, rows: packed, head } satisfies WorkerReply, packedBuffers(packed));
      }
      sent += rows.length;
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
 * and a CSV, made here, are read and thrown away. Nothing of them is kept. The CSV is big enough
 * (50,000 rows, ~60 ms) to get its parse and the reading of long rows compiled, and V8 to grow the
 * young generation to what a big file needs: the first big file then reads twice as fast.
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
  const rows = Array.from({ length: 50_000 }, (_, r) => `2026-0${1 + (r % 9)},${100 + (r % 7)},${5000 + (r % 300)},Account ${r % 300},${r}.50`);
  const csv = ['Period,Cost Center,Account,Description,Amount', ...rows].join('\n');
  // Its rows are packed and read as long rows too: both are what a streamed read does with them.
  const scanner = new LongRowScanner({ department: 1, account: 2, name: 3, period: 0, amount: 4, debit: null, credit: null, labels: [1, 2, 3], givenDepartment: null });
  let start = 0;
  await readWorkbookStreamed(new TextEncoder().encode(csv), 'warm-up.csv', {}, (chunk) => {
    packRows(chunk);
    scanner.scan(chunk, start);
    start += chunk.length;
  });
}

parentPort?.on('message', (input: WorkerInput | WorkerWarmup) => {
  // No reply to a warm-up, and a failed one is only a colder first read.
  if ('warmup' in input) void warmUp().catch(() => undefined);
  else if (input.fault) misbehave(input.fault);
  else
    void run(input).then((reply) => {
      input.control?.close();
      parentPort?.postMessage(reply);
    });
});
