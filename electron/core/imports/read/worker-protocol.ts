/**
 * What crosses the worker boundary, both ways. Structured clone carries WorkbookData as is
 * (Dates stay Dates); a CSV's rows cross ahead of it, packed (packed-rows.ts), as they are
 * parsed — or, once the plan has asked for it on the read's control port, read as long figure
 * rows (long-rows.ts); errors cross as data, like everywhere else in the app.
 */
import type { MessagePort } from 'node:worker_threads';
import { type AppErrorData } from '../../../../shared/result';
import { type LongRowBlock, type LongRowSpec } from '../long-rows';
import { type WorkbookData } from '../model';
import { type PackedRows } from './packed-rows';
import { type CsvStreamHead } from './read-csv';
import { type ReadOptions } from './read-workbook';

/** Ways to make the worker misbehave, for tests proving a failing reader cannot take the app down. */
export type WorkerFault = 'throw' | 'exit' | 'hang' | 'oom';

/** Sent ahead of any read: load the parsers now, so the first read does not wait for them. */
export interface WorkerWarmup {
  warmup: true;
}

export interface WorkerInput {
  source: { path: string } | { bytes: Uint8Array };
  fileName: string;
  options: ReadOptions;
  fault?: WorkerFault;
  /** A streamed read's port for messages from the plan while the file is read (WorkerControl). */
  control?: MessagePort;
}

/** Sent on a read's control port: read the rows still to come by this spec. */
export interface WorkerControl {
  longRows: LongRowSpec;
}

/**
 * Replies to one read: any number of `rows` messages (a CSV's rows, in order, as they are parsed),
 * then, once a WorkerControl has arrived, `longRows` messages for the rows after them, then exactly
 * one answer. `streamed: true` says the rows came ahead and the answer's sheet holds none.
 */
export type WorkerReply =
  | { ok: true; rows: PackedRows; head: CsvStreamHead }
  | { ok: true; longRows: LongRowBlock }
  | { ok: true; workbook: WorkbookData; streamed: boolean }
  | { ok: false; error: AppErrorData };
