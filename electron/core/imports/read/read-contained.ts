/**
 * Reading a file the app does not trust, contained (S2): the parse runs in a worker thread
 * with its own heap cap and a time limit, so a file that crashes exceljs, eats memory or
 * never finishes costs a refusal and the app carries on. Whatever goes wrong, the caller gets
 * AppError('refused', '<file> …') and never a hang.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/result';
import { type LongRowBlock, type LongRowSpec } from '../long-rows';
import { type WorkbookData } from '../model';
import { refuse } from './limits';
import { unpackRows } from './packed-rows';
import { type ReadOptions } from './read-workbook';
import { checkRegularFile } from './regular-file';
import { type WorkerControl, type WorkerFault, type WorkerInput, type WorkerReply, type WorkerWarmup } from './worker-protocol';

export interface ContainedReadOptions extends ReadOptions {
  /** Default 30 s; the worker is terminated when it runs out. */
  timeoutMs?: number;
  /**
   * The worker's old-generation heap cap in MB. Default 2048: exceljs needs ~10× the XML it reads.
   * A cap is fixed when a worker starts, so a read asking for another cap gets a fresh worker.
   */
  maxHeapMb?: number;
  /** Tests only: make the worker misbehave. */
  fault?: WorkerFault;
  /**
   * Called each time rows of a CSV arrive, while the worker is still parsing the rest, with the
   * workbook as read so far (the same object every time; its one sheet's rows grow, in order,
   * never changing what was given before; its hash is filled in at the end). The promise then
   * resolves with that same object, complete — or, if the reader had to start over (see
   * readCsvStreamed), with another one, which is the one to trust. Once `stream.readLongRows` is
   * called, the rows after those given so far come to its listener instead, read in the worker,
   * and the sheet's rows stop growing.
   */
  onRows?: (partial: WorkbookData, stream: StreamedRead) => void;
}

/** A CSV read in progress, as onRows sees it. */
export interface StreamedRead {
  /**
   * Asks the worker to read the rows it has not sent yet as long figure rows by `spec`, and hand
   * them, in blocks, to `onBlock` (long-rows.ts). Only the first call counts.
   */
  readLongRows(spec: LongRowSpec, onBlock: (block: LongRowBlock) => void): void;
}

const defaultTimeoutMs = 30_000;
const defaultMaxHeapMb = 2048;
/**
 * The worker's young generation (V8 makes a third of it each semi-space: 32 MB, twice V8's
 * default). A parse makes rows faster than V8's default lets them die young: with 16 MB
 * semi-spaces a 100,000-row CSV's rows were copied and promoted by the million, and its parse took
 * twice as long; with 32 MB they die where they were made.
 */
const youngGenerationMb = 96;
/** A warm reader is kept this long after its last read, then ended so it does not hold memory. */
const idleMs = 30_000;
/** A reader started ahead of a file waits longer: the user is still choosing the file. */
const prewarmIdleMs = 5 * 60_000;

/**
 * One warm worker per process: starting one costs ~300 ms (loading the bundle and exceljs), and
 * the import wizard reads again on every mapping change. Containment is unchanged: a read that
 * fails in any way other than a reply (time-out, crash, exit, out of memory) ends the worker,
 * and the next read starts a fresh one. The worker keeps no state between reads.
 */
interface Warm {
  worker: Worker;
  maxHeapMb: number;
  idleTimer?: ReturnType<typeof setTimeout>;
}
let warm: Warm | undefined;
/** One read at a time per worker: each read waits for the previous one to settle. */
let queue: Promise<unknown> = Promise.resolve();
let workersStarted = 0;

/** Tests and benches: end the warm reader (after any read in progress), so the next read starts one. */
export function stopReader(): Promise<void> {
  const stopped = queue.then(() => {
    if (warm) discard(warm.worker);
  });
  queue = stopped.catch(() => undefined);
  return stopped;
}

/** Tests only: how many reader workers this process has started. */
export function readerWorkersStarted(): number {
  return workersStarted;
}

export function readWorkbookContained(
  source: string | Uint8Array,
  fileName: string,
  options: ContainedReadOptions = {},
): Promise<WorkbookData> {
  const { timeoutMs = defaultTimeoutMs, maxHeapMb = defaultMaxHeapMb, fault, onRows, ...readOptions } = options;
  // A pipe or a device is refused here, before a reader starts; the worker checks again on the
  // file it opens (regular-file.ts), so a swap in between is refused too.
  if (typeof source === 'string') {
    try {
      checkRegularFile(source, fileName);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }
  const input: WorkerInput = {
    source: typeof source === 'string' ? { path: source } : { bytes: source },
    fileName,
    options: readOptions,
    ...(fault ? { fault } : {}),
  };
  const read = queue.then(() => readOnce(input, timeoutMs, maxHeapMb, onRows));
  queue = read.catch(() => undefined);
  return read;
}

/**
 * Starts the reader (and has it load its parsers) before a file arrives, so the first read of a
 * session pays neither: call it when an import is likely (the import view opened). It is kept
 * like any warm reader, and ended after `idleMs` without a read (default 5 minutes).
 */
export function prewarmReader(options: { maxHeapMb?: number; idleMs?: number } = {}): void {
  const { maxHeapMb = defaultMaxHeapMb, idleMs: keepMs = prewarmIdleMs } = options;
  // Queued like a read, so it never swaps a worker out from under a read in progress.
  queue = queue.then(() => {
    if (warm?.maxHeapMb === maxHeapMb) return;
    let worker: Worker;
    try {
      worker = acquire(maxHeapMb);
      worker.postMessage({ warmup: true } satisfies WorkerWarmup);
    } catch {
      // A reader that cannot start now is started, and its failure reported, by the next read.
      return;
    }
    release(worker, keepMs);
  });
}

/** The warm worker if it has the heap cap this read asks for; otherwise a fresh one. */
function acquire(maxHeapMb: number): Worker {
  if (warm) {
    clearTimeout(warm.idleTimer);
    if (warm.maxHeapMb === maxHeapMb) return warm.worker;
    discard(warm.worker);
  }
  const worker = startWorker(maxHeapMb);
  workersStarted++;
  // Failures are reported by the read in progress; these only keep an idle worker's death harmless.
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    if (warm?.worker === worker) warm = undefined;
  });
  warm = { worker, maxHeapMb };
  return worker;
}

function discard(worker: Worker): void {
  if (warm?.worker === worker) {
    clearTimeout(warm.idleTimer);
    warm = undefined;
  }
  void worker.terminate();
}

/** After a clean reply: keep the worker, but never let it (or its idle timer) hold the process open. */
function release(worker: Worker, keepMs = idleMs): void {
  if (warm?.worker !== worker) return;
  worker.unref();
  warm.idleTimer = setTimeout(() => discard(worker), keepMs);
  warm.idleTimer.unref();
}

function readOnce(input: WorkerInput, timeoutMs: number, maxHeapMb: number, onRows?: ContainedReadOptions['onRows']): Promise<WorkbookData> {
  const { fileName } = input;
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = acquire(maxHeapMb);
    } catch (err) {
      reject(refuse(fileName, 'could not be read: the reader did not start.', { cause: String(err) }));
      return;
    }
    worker.ref();
    // A streamed read's line to the worker while it reads (see StreamedRead).
    const control = onRows ? new MessageChannel() : undefined;
    let onBlock: ((block: LongRowBlock) => void) | undefined;
    const stream: StreamedRead = {
      readLongRows(spec, listener) {
        if (onBlock || !control) return;
        onBlock = listener;
        control.port1.postMessage({ longRows: spec } satisfies WorkerControl);
      },
    };
    let settled = false;
    const settle = (outcome: () => void, keep = false): void => {
      if (settled) return;
      settled = true;
      control?.port1.close();
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep) release(worker);
      else discard(worker);
      outcome();
    };
    const timer = setTimeout(() => {
      settle(() =>
        reject(
          refuse(
            fileName,
            `took longer than ${formatSeconds(timeoutMs)} to read, so Quartermaster stopped; it is too large or damaged.`,
          ),
        ),
      );
    }, timeoutMs);
    // A streamed CSV, put together as its rows arrive.
    let partial: WorkbookData | undefined;
    const onMessage = (reply: WorkerReply): void => {
      if (settled) return;
      if (reply.ok && 'rows' in reply) {
        if (!partial) {
          partial = { fileName, format: 'csv', hash: '', sheets: [{ name: reply.head.sheetName, rows: [], merges: [] }], csv: reply.head.csv };
        }
        const rows = partial.sheets[0]!.rows;
        for (const row of unpackRows(reply.rows)) rows.push(row);
        // The listener's failures are its own to report: the read goes on.
        try {
          onRows?.(partial, stream);
        } catch {
          onRows = undefined;
        }
        return;
      }
      if (reply.ok && 'longRows' in reply) {
        try {
          onBlock?.(reply.longRows);
        } catch {
          onBlock = () => undefined;
        }
        return;
      }
      // A reply, even a refusal, means the worker is healthy: keep it for the next read.
      settle(() => {
        if (!reply.ok) reject(new AppError('refused', reply.error.message, reply.error.details));
        else if (!reply.streamed) resolve(reply.workbook);
        else if (partial) {
          partial.hash = reply.workbook.hash;
          if (reply.workbook.readWarnings) partial.readWarnings = reply.workbook.readWarnings;
          resolve(partial);
        } else reject(refuse(fileName, 'could not be read: the reader lost its rows on the way.'));
      }, true);
    };
    const onError = (err: Error & { code?: string }): void => {
      settle(() => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(refuse(fileName, `needs more memory than Quartermaster allows for reading a file (${maxHeapMb} MB); it is too large or damaged.`));
        } else {
          reject(refuse(fileName, 'could not be read: the reader failed on its contents.', { cause: err.message }));
        }
      });
    };
    const onExit = (code: number): void => {
      settle(() => reject(refuse(fileName, `could not be read: the reader stopped unexpectedly (exit code ${code}).`)));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    try {
      if (control) worker.postMessage({ ...input, control: control.port2 }, [control.port2]);
      else worker.postMessage(input);
    } catch (err) {
      settle(() => reject(refuse(fileName, 'could not be read: the reader did not start.', { cause: String(err) })));
    }
  });
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

/**
 * Built, this module sits in out/main/ next to read-worker.js (its own entry in
 * electron.vite.config.ts). From source (vitest, tsx for the CLI) there is no .js file: the
 * worker starts tsx's loader and imports read-worker.ts. `--import tsx` in execArgv does not
 * reach a worker's entry on Node 20, hence the small loader script.
 */
function startWorker(maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: youngGenerationMb, stackSizeMb: 4 };
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const entry = new URL('./read-worker.ts', here).href;
    const loader = pathToFileURL(tsxEsmApiPath()).href;
    const script = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(script, { eval: true, resourceLimits });
  }
  // A variable, not a literal: bundlers rewrite `new URL('literal', import.meta.url)` as an asset.
  const workerFile = 'read-worker.js';
  return new Worker(join(dirname(fileURLToPath(here)), workerFile), { resourceLimits });
}

/** tsx's ESM register API, found through its package.json exports (it is a dev dependency). */
function tsxEsmApiPath(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = require(pkgPath) as { exports: Record<string, { import: { default: string } }> };
  const api = pkg.exports['./esm/api'];
  if (!api) throw new Error('tsx has no ./esm/api export');
  return join(dirname(pkgPath), api.import.default);
}
