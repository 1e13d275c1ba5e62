/**
 * `export`: the workspace as JSON (to standard output or atomically to a file), or one table —
 * the budget grid, the variance table or the import history — as xlsx or csv. A table file is
 * never written over an existing one; an xlsx is never written to standard output.
 * Exit 0 written, 1 refused, 2 usage.
 */
import { existsSync } from 'node:fs';
import { periodSchema } from '../../shared/periods';
import { tableViews } from '../../shared/report';
import { AppError } from '../../shared/result';
import { exportJson } from '../core/export/json-export';
import { exportTable } from '../core/export/table-export';
import { writeNewFile } from '../core/fs/write-new-file';
import { openSession } from '../core/session';
import { exitOk, onePositional, parseCommandArgs, planByName, UsageError, writeAtomically, type CliIo } from './cli-io';

export const exportFormats = ['json', 'xlsx', 'csv'] as const;
type TableFormat = 'xlsx' | 'csv';
type TableView = (typeof tableViews)[number];

interface TableArgs {
  workspace: string;
  format: TableFormat;
  view: TableView;
  plan: string | undefined;
  department: string | undefined;
  from: string | undefined;
  to: string | undefined;
  out: string | undefined;
}

function nonEmpty(value: string | undefined, flag: string, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError(`${flag} needs ${what}`);
  return value.trim();
}

function monthOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!periodSchema.safeParse(value).success) throw new UsageError(`${flag} must be a month as YYYY-MM, not "${value}"`);
  return value;
}

function parseTableArgs(workspace: string, format: TableFormat, values: Record<string, string | undefined>): TableArgs {
  const view = values.view;
  if (view === undefined) throw new UsageError(`--format ${format} needs --view ${tableViews.join('|')}`);
  if (!(tableViews as readonly string[]).includes(view)) throw new UsageError(`--view must be one of: ${tableViews.join(', ')} (not "${view}")`);
  const plan = nonEmpty(values.plan, '--plan', 'a plan name, e.g. "FY2026 · Base"');
  const department = nonEmpty(values.department, '--department', 'a department code');
  const from = monthOption(values.from, '--from');
  const to = monthOption(values.to, '--to');
  if (view === 'imports' && (plan ?? department ?? from ?? to) !== undefined) {
    throw new UsageError('--view imports takes no --plan, --department, --from or --to: it lists every import');
  }
  if (view === 'budget' && (from ?? to) !== undefined) throw new UsageError('--from and --to apply to --view variance only (the budget is the whole plan year)');
  if (format === 'xlsx' && values.out === undefined) throw new UsageError('--format xlsx needs --out FILE (a workbook is never written to standard output)');
  return { workspace, format, view: view as TableView, plan, department, from, to, out: values.out };
}

function departmentIdByCode(session: ReturnType<typeof openSession>, code: string): string {
  const id = session.ctx.db.$client.prepare('SELECT id FROM departments WHERE code = ?').pluck().get(code) as string | undefined;
  if (id === undefined) throw new AppError('not_found', `There is no department ${code}.`);
  return id;
}

async function writeTable(a: TableArgs, io: CliIo): Promise<number> {
  // Refused before anything is read: the answer would be thrown away.
  if (a.out !== undefined && existsSync(a.out)) {
    throw new AppError('refused', `${a.out} already exists; Quartermaster never replaces a file. Nothing was written.`);
  }
  const session = openSession(a.workspace, { origin: 'cli' });
  let result: Awaited<ReturnType<typeof exportTable>>;
  try {
    result = await exportTable(session.ctx, {
      view: a.view,
      format: a.format,
      ...(a.plan !== undefined ? { planId: planByName(session.ctx, a.plan).id } : {}),
      ...(a.department !== undefined ? { departmentId: departmentIdByCode(session, a.department) } : {}),
      ...(a.from !== undefined ? { from: a.from } : {}),
      ...(a.to !== undefined ? { to: a.to } : {}),
    });
  } finally {
    session.close();
  }
  const bytes = Buffer.from(result.base64, 'base64');
  if (a.out === undefined) {
    // csv only (xlsx needs --out): the same text the file would hold, its last line end from io.out.
    io.out(bytes.toString('utf8').replace(/\r\n$/, ''));
  } else {
    writeNewFile(a.out, bytes);
    io.err(`wrote ${a.out} (${result.rows} row${result.rows === 1 ? '' : 's'})`);
  }
  return exitOk;
}

function writeJson(file: string, out: string | undefined, io: CliIo): number {
  const session = openSession(file, { origin: 'cli' });
  let text: string;
  try {
    text = `${JSON.stringify(exportJson(session.ctx), null, 2)}\n`;
  } finally {
    session.close();
  }
  if (out === undefined) {
    io.out(text.trimEnd());
  } else {
    writeAtomically(out, text);
    io.err(`wrote ${out}`);
  }
  return exitOk;
}

export function runExport(args: string[], io: CliIo): number | Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    view: { type: 'string' },
    plan: { type: 'string' },
    department: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
  });
  const file = onePositional(positionals, 'workspace file (export <file.sqlite>)');
  const format = values.format ?? 'json';
  if (!(exportFormats as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of: ${exportFormats.join(', ')} (not "${format}")`);
  }
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a file name');
  if (format === 'json') {
    const tableOnly = (['view', 'plan', 'department', 'from', 'to'] as const).filter((k) => values[k] !== undefined);
    if (tableOnly.length > 0) throw new UsageError(`--${tableOnly[0]} applies to --format xlsx or csv only`);
    return writeJson(file, values.out, io);
  }
  // Arguments are checked before the workspace is opened, so a usage error touches nothing.
  return writeTable(parseTableArgs(file, format as TableFormat, values), io);
}
