/**
 * The deep check (quick_check over every page) off the main thread, after the workspace is open:
 * on a 1 GB file it takes about a second, which no one should wait for between a click and the
 * first screen. It runs in a worker thread on its own read-only connection (WAL readers never
 * block the writer), and what it finds is kept for the status the app polls; damage is also
 * passed to `onDamage`, so the shell can say so at once.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { walHoldsChanges, immutableUri } from './connect';
import { oneLine } from './storage-errors';

export type IntegrityState =
  /** Checked while opening (after an unclean shutdown or before an upgrade): sound. */
  | { state: 'ok'; checkedAt: string }
  | { state: 'checking' }
  /** Not checked in this session (the CLI, tests): `check` does it on demand. */
  | { state: 'unchecked' }
  | { state: 'damaged'; detail: string; checkedAt: string }
  /** The check itself could not run (the file went away, the disk failed…). */
  | { state: 'failed'; detail: string };

export interface BackgroundCheck {
  status(): IntegrityState;
  /** Resolves with the final state (for tests and for shells that want to wait). */
  done: Promise<IntegrityState>;
  stop(): void;
}

/** How long the app and serve mode wait after opening before the deep check starts: the first screen comes first. */
export const backgroundCheckDelayMs = 3000;

export interface BackgroundCheckOptions {
  /** Wait this long before starting, so the first screen has the disk and the cores first. */
  delayMs?: number;
  onDamage?: (detail: string) => void;
  now?: () => Date;
}

// CommonJS, run with eval: no file of its own to find or bundle, in the source tree or built.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const options = { readonly: true, fileMustExist: true };
if (workerData.nativeBinding) options.nativeBinding = workerData.nativeBinding;
let db;
try {
  try {
    db = new Database(workerData.path, options);
    db.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get();
  } catch (err) {
    if (db) db.close();
    db = undefined;
    if (err.code !== 'SQLITE_CANTOPEN' || !workerData.uri) throw err;
    db = new Database(workerData.uri, options);
  }
  db.pragma('trusted_schema = OFF');
  db.pragma('busy_timeout = 5000');
  db.pragma('mmap_size = 2147483648');
  const result = db.pragma('quick_check', { simple: true });
  parentPort.postMessage(result === 'ok' ? { ok: true } : { ok: false, damaged: String(result) });
} catch (err) {
  const damaged = /^SQLITE_(CORRUPT|NOTADB)/.test(err.code || '');
  parentPort.postMessage(damaged ? { ok: false, damaged: err.message } : { ok: false, failed: err.message });
} finally {
  if (db) db.close();
}
`;

type WorkerAnswer = { ok: true } | { ok: false; damaged: string } | { ok: false; failed: string };

export function startBackgroundCheck(path: string, options: BackgroundCheckOptions = {}): BackgroundCheck {
  const now = options.now ?? (() => new Date());
  let state: IntegrityState = { state: 'checking' };
  let worker: Worker | null = null;
  let stopped = false;
  let settle: (s: IntegrityState) => void = () => undefined;
  const done = new Promise<IntegrityState>((resolve) => (settle = resolve));
  const finish = (next: IntegrityState) => {
    if (state.state !== 'checking') return;
    state = next;
    settle(next);
    if (next.state === 'damaged') options.onDamage?.(next.detail);
  };
  const run = () => {
    if (stopped) return;
    worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        module: createRequire(import.meta.url).resolve('better-sqlite3'),
        nativeBinding: process.env.QM_SQLITE_BINDING ?? null,
        path,
        // Only where the file alone holds every change (see openReader).
        uri: walHoldsChanges(path) ? null : immutableUri(path),
      },
    });
    worker.unref();
    worker.once('message', (answer: WorkerAnswer) => {
      if (answer.ok) finish({ state: 'ok', checkedAt: now().toISOString() });
      else if ('damaged' in answer) finish({ state: 'damaged', detail: `integrity check: ${oneLine(answer.damaged)}`, checkedAt: now().toISOString() });
      else finish({ state: 'failed', detail: oneLine(answer.failed) });
    });
    worker.once('error', (err) => finish({ state: 'failed', detail: oneLine(err.message) }));
    worker.once('exit', () => {
      worker = null;
      if (!stopped) finish({ state: 'failed', detail: 'the check stopped without an answer' });
    });
  };
  const timer = setTimeout(run, options.delayMs ?? 0);
  timer.unref();
  return {
    status: () => state,
    done,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      void worker?.terminate();
      if (state.state === 'checking') {
        state = { state: 'unchecked' };
        settle(state);
      }
    },
  };
}
