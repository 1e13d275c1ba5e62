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
import { readWorkbook } from './read-workbook';
import { type WorkerFault, type WorkerInput, type WorkerReply } from './worker-protocol';

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
    const workbook = await readWorkbook(loadBytes(input), input.fileName, input.options);
    return { ok: true, workbook };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toData() };
    const cause = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: { code: 'refused', message: `${input.fileName} could not be read: the reader failed on its contents.`, details: { cause } },
    };
  }
}

parentPort?.on('message', (input: WorkerInput) => {
  if (input.fault) misbehave(input.fault);
  else void run(input).then((reply) => parentPort?.postMessage(reply));
});
