/**
 * What crosses the worker boundary, both ways. Structured clone carries WorkbookData as is
 * (Dates stay Dates); errors cross as data, like everywhere else in the app.
 */
import { type AppErrorData } from '../../../../shared/result';
import { type WorkbookData } from '../model';
import { type ReadOptions } from './read-workbook';

/** Ways to make the worker misbehave, for tests proving a failing reader cannot take the app down. */
export type WorkerFault = 'throw' | 'exit' | 'hang' | 'oom';

export interface WorkerInput {
  source: { path: string } | { bytes: Uint8Array };
  fileName: string;
  options: ReadOptions;
  fault?: WorkerFault;
}

export type WorkerReply = { ok: true; workbook: WorkbookData } | { ok: false; error: AppErrorData };
