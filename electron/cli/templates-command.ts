/**
 * `templates`: writes the manager budget templates of a plan (one xlsx per leaf department, or
 * one workbook with --one-workbook) into --out. Refuses an existing file rather than overwrite it.
 * Exit 0 written, 1 refused, 2 usage.
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../shared/result';
import { exportBudgetTemplates } from '../core/imports/templates';
import { openSession } from '../core/session';
import { exitOk, exitRefused, parseCommandArgs, UsageError, type CliIo } from './cli-io';

interface TemplateArgs {
  workspace: string;
  plan: string;
  out: string;
  departments: string[] | undefined;
  oneWorkbook: boolean;
}

function parseTemplateArgs(args: string[]): TemplateArgs {
  const { values, positionals } = parseCommandArgs(args, {
    plan: { type: 'string' },
    out: { type: 'string' },
    department: { type: 'string', multiple: true },
    'one-workbook': { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('templates needs a workspace (templates <workspace.sqlite> --plan "FY2027 · Base" --out DIR)');
  if (positionals.length > 1) throw new UsageError(`unexpected argument: ${positionals[1]}`);
  if (values.plan === undefined || values.plan.trim() === '') throw new UsageError('--plan needs a plan name, e.g. "FY2027 · Base"');
  if (values.out === undefined || values.out.trim() === '') throw new UsageError('--out needs a folder');
  if (values.department?.some((d) => d.trim() === '')) throw new UsageError('--department needs a department code');
  return {
    workspace: positionals[0]!,
    plan: values.plan.trim(),
    out: values.out,
    departments: values.department?.map((d) => d.trim()),
    oneWorkbook: values['one-workbook'] ?? false,
  };
}

async function writeTemplates(a: TemplateArgs, io: CliIo): Promise<number> {
  if (!existsSync(a.workspace)) {
    io.err(`no workspace at ${a.workspace}`);
    return exitRefused;
  }
  const session = openSession(a.workspace, { origin: 'cli' });
  try {
    const sqlite = session.ctx.db.$client;
    const plan = sqlite.prepare('SELECT id FROM plans WHERE name = ? COLLATE NOCASE').get(a.plan) as { id: string } | undefined;
    if (!plan) {
      const names = (sqlite.prepare('SELECT name FROM plans ORDER BY fiscal_year, scenario').pluck().all() as string[]).map((n) => `"${n}"`);
      throw new AppError('not_found', `There is no plan "${a.plan}"${names.length > 0 ? `; the plans are ${names.join(', ')}` : ''}.`);
    }
    let departmentIds: string[] | undefined;
    if (a.departments) {
      departmentIds = a.departments.map((code) => {
        const row = sqlite.prepare('SELECT id FROM departments WHERE code = ?').get(code) as { id: string } | undefined;
        if (!row) throw new AppError('not_found', `There is no department ${code}.`);
        return row.id;
      });
    }
    const out = a.oneWorkbook && /\.xlsx$/i.test(a.out) ? { outFile: a.out } : { outDir: a.out };
    const { files } = await exportBudgetTemplates(session.ctx, {
      planId: plan.id,
      layout: a.oneWorkbook ? 'one-workbook' : 'per-department-files',
      ...(departmentIds ? { departmentIds } : {}),
      ...out,
    });
    for (const f of files) io.out(`wrote ${f}`);
    io.err(`${files.length} template file${files.length === 1 ? '' : 's'} for ${a.plan}.`);
    return exitOk;
  } finally {
    session.close();
  }
}

export function runTemplates(args: string[], io: CliIo): Promise<number> {
  // Arguments are checked before the workspace is opened, so a usage error touches nothing.
  const parsed = parseTemplateArgs(args);
  return writeTemplates(parsed, io);
}
