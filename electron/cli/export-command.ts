/** `export`: the workspace as JSON, to standard output or atomically to a file. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { exportJson } from '../core/export/json-export';
import { openSession } from '../core/session';
import { exitOk, onePositional, parseCommandArgs, UsageError, type CliIo } from './cli-io';

export const exportFormats = ['json'] as const;

/** Temp file beside the target, then rename: a reader never sees half a file. */
export function writeAtomically(target: string, text: string): void {
  const temp = `${target}.${process.pid}.partial`;
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

export function runExport(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const file = onePositional(positionals, 'workspace file (export <file.sqlite>)');
  const format = values.format ?? 'json';
  if (!(exportFormats as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of: ${exportFormats.join(', ')} (not "${format}")`);
  }
  if (values.out === '') throw new UsageError('--out needs a file name');

  const session = openSession(file, { origin: 'cli' });
  let text: string;
  try {
    text = `${JSON.stringify(exportJson(session.ctx), null, 2)}\n`;
  } finally {
    session.close();
  }
  if (values.out === undefined) {
    io.out(text.trimEnd());
  } else {
    writeAtomically(values.out, text);
    io.err(`wrote ${values.out}`);
  }
  return exitOk;
}
