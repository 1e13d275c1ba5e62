/**
 * Reading a file the app does not trust, contained (S2): the parse runs in a worker thread
 * with its own heap cap and a time limit, so a file that crashes exceljs, eats memory or
 * never finishes costs a refusal and the app carries on. Whatever goes wrong, the caller gets
 * AppError('refused', '<file> …') and never a hang.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/result';
import { type WorkbookData } from '../model';
import { refuse } from './limits';
import { type ReadOptions } from './read-workbook';
import { type WorkerFault, type WorkerInput, type WorkerReply } from './worker-protocol';

export interface ContainedReadOptions extends ReadOptions {
  /** Default 30 s; the worker is terminated when it runs out. */
  timeoutMs?: number;
  /** The worker's old-generation heap cap in MB. Default 2048: exceljs needs ~10× the XML it reads. */
  maxHeapMb?: number;
  /** Tests only: make the worker misbehave. */
  fault?: WorkerFault;
}

const defaultTimeoutMs = 30_000;
const defaultMaxHeapMb = 2048;

export function readWorkbookContained(
  source: string | Uint8Array,
  fileName: string,
  options: ContainedReadOptions = {},
): Promise<WorkbookData> {
  const { timeoutMs = defaultTimeoutMs, maxHeapMb = defaultMaxHeapMb, fault, ...readOptions } = options;
  const input: WorkerInput = {
    source: typeof source === 'string' ? { path: source } : { bytes: source },
    fileName,
    options: readOptions,
    ...(fault ? { fault } : {}),
  };
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startWorker(input, maxHeapMb);
    } catch (err) {
      reject(refuse(fileName, 'could not be read: the reader did not start.', { cause: String(err) }));
      return;
    }
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
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
    worker.on('message', (reply: WorkerReply) => {
      settle(() => {
        if (reply.ok) resolve(reply.workbook);
        else reject(new AppError('refused', reply.error.message, reply.error.details));
      });
    });
    worker.on('error', (err: Error & { code?: string }) => {
      settle(() => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(refuse(fileName, `needs more memory than Quartermaster allows for reading a file (${maxHeapMb} MB); it is too large or damaged.`));
        } else {
          reject(refuse(fileName, 'could not be read: the reader failed on its contents.', { cause: err.message }));
        }
      });
    });
    worker.on('exit', (code) => {
      settle(() => reject(refuse(fileName, `could not be read: the reader stopped unexpectedly (exit code ${code}).`)));
    });
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
function startWorker(workerData: WorkerInput, maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb, stackSizeMb: 4 };
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const entry = new URL('./read-worker.ts', here).href;
    const loader = pathToFileURL(tsxEsmApiPath()).href;
    const script = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(script, { eval: true, workerData, resourceLimits });
  }
  // A variable, not a literal: bundlers rewrite `new URL('literal', import.meta.url)` as an asset.
  const workerFile = 'read-worker.js';
  return new Worker(join(dirname(fileURLToPath(here)), workerFile), { workerData, resourceLimits });
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
