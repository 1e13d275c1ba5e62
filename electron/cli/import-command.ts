/**
 * `import`: a spreadsheet into a workspace, with no one to ask. The file is read in a contained
 * worker; the automatic mapping (or --map) is used; unknown department or account codes are
 * refused unless --create-missing; any error refuses the whole file and writes nothing.
 * Exit 0 imported (or nothing to import), 1 refused, 2 usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatMoney } from '../../shared/money';
import { parseCodesList } from '../../shared/name-match';
import {
  importFields,
  importKindSchema,
  type ImportKind,
  type ImportOptions,
  type ImportPlan,
  type ImportProblem,
  type ImportResult,
  type MappingChoice,
} from '../../shared/imports';
import { AppError } from '../../shared/result';
import { commitImport } from '../core/imports/commit';
import { planImport } from '../core/imports/preview';
import { readWorkbookContained } from '../core/imports/read/read-contained';
import { openSession } from '../core/session';
import { exitOk, exitRefused, parseCommandArgs, UsageError, type CliIo } from './cli-io';

interface ImportArgs {
  workspace: string;
  file: string;
  options: ImportOptions;
  dryRun: boolean;
  json: boolean;
}

const allFields = new Set<string>([...Object.values(importFields).flat(), 'ignore']);

/** "Cost Center=departmentCode,GL Account=accountCode": a comma inside a header stays with it when no "=" follows. */
export function parseMapFlag(values: readonly string[], kind: ImportKind | undefined): MappingChoice[] {
  const choices: MappingChoice[] = [];
  for (const value of values) {
    const parts: string[] = [];
    for (const piece of value.split(',')) {
      if (parts.length > 0 && !piece.includes('=')) parts[parts.length - 1] += `,${piece}`;
      else parts.push(piece);
    }
    for (const part of parts) {
      const at = part.lastIndexOf('=');
      if (at <= 0) throw new UsageError(`--map takes "Header=field,…", not "${part}"`);
      const header = part.slice(0, at).trim();
      const field = part.slice(at + 1).trim();
      const allowed = kind ? new Set<string>([...importFields[kind], 'ignore']) : allFields;
      if (!allowed.has(field)) {
        throw new UsageError(`--map: "${field}" is not a field${kind ? ` of ${kind}` : ''}; fields are ${[...allowed].join(', ')}`);
      }
      choices.push({ header, field });
    }
  }
  return choices;
}

/**
 * --codes "Engineering=600,Software=6200" and --codes-file FILE (the same list, one per line or
 * comma-separated): names in the file confirmed as existing codes. Null when neither is given.
 */
function parseCodesFlags(values: readonly string[], file: string | undefined): Array<{ from: string; to: string }> | null {
  const lists = [...values];
  if (file !== undefined) {
    if (!existsSync(file)) throw new UsageError(`--codes-file: no such file: ${file}`);
    lists.push(readFileSync(file, 'utf8'));
  }
  if (lists.length === 0) return null;
  const pairs: Array<{ from: string; to: string }> = [];
  for (const list of lists) {
    const parsed = parseCodesList(list);
    if (!parsed.ok) throw new UsageError(`--codes takes "Name=CODE,…": ${parsed.message}`);
    for (const [from, to] of parsed.codes) pairs.push({ from, to });
  }
  return pairs;
}

/** --signs as-stored|credits-negative|expenses-negative. */
function parseSignsFlag(value: string): NonNullable<ImportOptions['signs']> {
  const v = value.trim();
  if (v === 'as-stored' || v === 'credits-negative' || v === 'expenses-negative' || v === 'debit-positive') return v;
  throw new UsageError(`--signs takes as-stored, credits-negative or expenses-negative, not "${value}"`);
}

/** --spread even|last-year|profile:NAME. */
function parseSpreadFlag(value: string): NonNullable<ImportOptions['spread']> {
  const v = value.trim();
  if (v === 'even' || v === 'last-year') return v;
  const profile = /^profile:(.+)$/.exec(v)?.[1]?.trim();
  if (profile) return { profile };
  throw new UsageError(`--spread takes even, last-year or profile:NAME, not "${value}"`);
}

function parseImportArgs(args: string[]): ImportArgs {
  const { values, positionals } = parseCommandArgs(args, {
    kind: { type: 'string' },
    plan: { type: 'string' },
    department: { type: 'string' },
    sheet: { type: 'string', multiple: true },
    map: { type: 'string', multiple: true },
    'decimal-comma': { type: 'boolean' },
    'create-missing': { type: 'boolean' },
    'into-approved': { type: 'boolean' },
    codes: { type: 'string', multiple: true },
    spread: { type: 'string' },
    signs: { type: 'string' },
    account: { type: 'string' },
    'codes-file': { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (positionals.length < 2) throw new UsageError('import needs a workspace and a file (import <workspace.sqlite> <file>)');
  if (positionals.length > 2) throw new UsageError(`unexpected argument: ${positionals[2]}`);
  let kind: ImportKind | undefined;
  if (values.kind !== undefined) {
    const parsed = importKindSchema.safeParse(values.kind);
    if (!parsed.success) throw new UsageError(`--kind must be one of ${importKindSchema.options.join(', ')}, not "${values.kind}"`);
    kind = parsed.data;
  }
  if (values.plan !== undefined && values.plan.trim() === '') throw new UsageError('--plan needs a plan name, e.g. "FY2027 · Base"');
  if (values.department !== undefined && values.department.trim() === '') throw new UsageError('--department needs a department code');
  if (values.sheet?.some((s) => s === '')) throw new UsageError('--sheet needs a sheet name');
  if (values.plan !== undefined && kind !== undefined && kind !== 'budget') throw new UsageError('--plan only applies to budget imports');
  const codes = parseCodesFlags(values.codes ?? [], values['codes-file']);
  if (codes && values['create-missing']) {
    throw new UsageError('--codes and --create-missing cannot be combined: map every unknown name with --codes, or create the missing codes first');
  }
  const options: ImportOptions = {
    ...(kind ? { kind } : {}),
    ...(values.plan !== undefined ? { planName: values.plan.trim() } : {}),
    ...(values.department !== undefined ? { departmentCode: values.department.trim() } : {}),
    ...(values.account !== undefined && values.account.trim() !== '' ? { accountCode: values.account.trim() } : {}),
    ...(values.sheet ? { sheets: values.sheet } : {}),
    ...(values.map ? { mapping: parseMapFlag(values.map, kind) } : {}),
    ...(values['decimal-comma'] ? { decimalComma: true } : {}),
    unknownCodes: codes ?? (values['create-missing'] ? 'create' : 'refuse'),
    ...(values['into-approved'] ? { intoApproved: true } : {}),
    ...(values.spread !== undefined ? { spread: parseSpreadFlag(values.spread) } : {}),
    ...(values.signs !== undefined ? { signs: parseSignsFlag(values.signs) } : {}),
  };
  return { workspace: positionals[0]!, file: positionals[1]!, options, dryRun: values['dry-run'] ?? false, json: values.json ?? false };
}

function problemLines(title: string, problems: readonly ImportProblem[]): string[] {
  if (problems.length === 0) return [];
  return [`${title} (${problems.length}):`, ...problems.map((p) => `  ${p.ref}: ${p.message}`)];
}

interface JsonSummary {
  batchId: string | null;
  batch: string | null;
  kind: ImportKind | null;
  imported: boolean;
  identical: boolean;
  dryRun: boolean;
  plan: string | null;
  planCreated: boolean;
  rowsImported: number;
  cellsImported: number;
  perDepartment: ImportResult['perDepartment'];
  perAccount: ImportResult['perAccount'];
  created: ImportResult['created'];
  warnings: ImportProblem[];
  errors: ImportProblem[];
  /** Per included sheet, each column's field and how it was found (the --map line that would change it). */
  mapping?: Array<{ sheet: string; columns: Array<{ letter: string; header: string; field: string; how: string }> }>;
  /** Names matched (or offered) to departments and accounts; see the preview's matches. */
  matches?: ImportPlan['matches'];
  /** Quarter and year amounts spread to months: the cell, the total, the method and the months. */
  spreads?: ImportPlan['spreads'];
  /** The amount column's sign convention: detected, with its evidence, and the one applied. */
  signs?: ImportPlan['signs'];
}

function summaryOfPlan(plan: ImportPlan | null, errors: ImportProblem[], dryRun: boolean): JsonSummary {
  const records = plan?.records;
  const figures = records && (records.kind === 'budget' || records.kind === 'actuals') ? records.rows : [];
  const by = (key: (r: (typeof figures)[number]) => string) => {
    const m = new Map<string, { rows: number; amountMinor: number }>();
    for (const r of figures) {
      const t = m.get(key(r)) ?? { rows: 0, amountMinor: 0 };
      t.rows++;
      t.amountMinor += r.amountMinor;
      m.set(key(r), t);
    }
    return [...m.entries()].map(([code, t]) => ({ code, ...t }));
  };
  return {
    batchId: null,
    batch: null,
    kind: plan?.kind ?? null,
    imported: false,
    identical: plan?.identical ?? false,
    dryRun,
    plan: plan?.target?.planName ?? null,
    planCreated: false,
    rowsImported: 0,
    cellsImported: 0,
    perDepartment: by((r) => r.departmentCode),
    perAccount: by((r) => r.accountCode),
    created: { departments: plan?.creates.departments.map((d) => d.code) ?? [], accounts: plan?.creates.accounts.map((a) => a.code) ?? [] },
    warnings: plan?.problems.filter((p) => p.severity === 'warning') ?? [],
    errors,
    ...(plan
      ? {
          mapping: plan.sheets
            .filter((s) => s.included)
            .map((s) => ({ sheet: s.name, columns: s.mapping.map((m) => ({ letter: m.letter, header: m.header, field: m.field, how: m.how })) })),
          matches: plan.matches,
          spreads: plan.spreads,
          signs: plan.signs,
        }
      : {}),
  };
}

function human(summary: JsonSummary, file: string, plan: ImportPlan | null): string[] {
  const lines: string[] = [];
  if (summary.errors.length > 0) {
    lines.push(`${file} was not imported; nothing was written.`);
    if (plan && plan.planCandidates.length > 0) lines.push(`Plans to choose from with --plan: ${plan.planCandidates.map((c) => `"${c}"`).join(', ')}`);
    lines.push(...problemLines('Errors', summary.errors));
    lines.push(...problemLines('Warnings', summary.warnings));
    return lines;
  }
  const where = summary.plan ? ` into ${summary.plan}${summary.planCreated || plan?.target?.create ? ' (a new draft plan)' : ''}` : '';
  if (summary.identical) lines.push(`Nothing to import: ${file} changes nothing${plan?.sameFileAs ? ` (it is the same as import ${plan.sameFileAs})` : ''}; the workspace is unchanged.`);
  else if (summary.dryRun) {
    const d = plan?.figureDiff;
    const e = plan?.entityDiff;
    lines.push(`Dry run: ${file} would import as ${summary.kind}${where}; nothing was written.`);
    if (d) {
      lines.push(`  ${d.added.length} cells added, ${d.changed.length} changed, ${d.removed.length} removed, ${d.unchanged} unchanged`);
      lines.push(`  total ${formatMoney(d.totals.before, { decimals: 2 })} → ${formatMoney(d.totals.after, { decimals: 2 })}`);
    }
    if (e) lines.push(`  ${e.created.length} created, ${e.updated.length} updated, ${e.unchanged} unchanged`);
  } else {
    lines.push(`Imported ${file} as import ${summary.batch}: ${summary.kind}, ${summary.rowsImported} rows, ${summary.cellsImported} ${summary.kind === 'budget' || summary.kind === 'actuals' ? 'cells' : 'records written'}${where}.`);
  }
  for (const d of summary.identical ? [] : summary.perDepartment) {
    const what = summary.kind === 'people' ? (d.rows === 1 ? 'person' : 'people') : d.rows === 1 ? 'cell' : 'cells';
    lines.push(`  ${d.code}: ${d.rows} ${what}${summary.kind === 'people' ? '' : `, ${formatMoney(d.amountMinor, { decimals: 2 })}`}`);
  }
  if (summary.created.departments.length + summary.created.accounts.length > 0) {
    lines.push(`  created: ${[...summary.created.departments.map((c) => `department ${c}`), ...summary.created.accounts.map((c) => `account ${c}`)].join(', ')}`);
  }
  lines.push(...problemLines('Warnings', summary.warnings));
  return lines;
}

async function importFile(a: ImportArgs, io: CliIo): Promise<number> {
  const report = (summary: JsonSummary, plan: ImportPlan | null) => {
    if (a.json) io.out(JSON.stringify(summary, null, 2));
    else for (const line of human(summary, basename(a.file), plan)) (summary.errors.length > 0 ? io.err : io.out)(line);
  };
  const refusedBy = (message: string, ref: string) => {
    report(summaryOfPlan(null, [{ severity: 'error', ref, message }], a.dryRun), null);
    return exitRefused;
  };
  if (!existsSync(a.workspace)) return refusedBy(`no workspace at ${a.workspace}`, a.workspace);
  if (!existsSync(a.file)) return refusedBy(`no such file: ${a.file}`, a.file);

  let workbook;
  try {
    workbook = await readWorkbookContained(a.file, basename(a.file), a.options.decimalComma ? { csv: { decimalComma: true } } : {});
  } catch (err) {
    if (err instanceof AppError) return refusedBy(err.message, basename(a.file));
    throw err;
  }
  const session = openSession(a.workspace, { origin: 'cli' });
  try {
    let plan: ImportPlan;
    try {
      plan = planImport(session.ctx, workbook, a.options);
    } catch (err) {
      if (err instanceof AppError) return refusedBy(err.message, basename(a.file));
      throw err;
    }
    const errors = plan.problems.filter((p) => p.severity === 'error');
    if (plan.errorCount > 0) {
      report(summaryOfPlan(plan, errors, a.dryRun), plan);
      return exitRefused;
    }
    if (a.dryRun || plan.identical) {
      report(summaryOfPlan(plan, [], a.dryRun), plan);
      return exitOk;
    }
    let result: ImportResult;
    try {
      result = commitImport(session.ctx, plan);
    } catch (err) {
      if (err instanceof AppError) return refusedBy(err.message, basename(a.file));
      throw err;
    }
    report(
      {
        batchId: result.batchId,
        batch: result.batch,
        kind: result.kind,
        imported: result.batchId !== null,
        identical: result.identical,
        dryRun: false,
        plan: result.planName,
        planCreated: result.planCreated,
        rowsImported: result.rowsImported,
        cellsImported: result.cellsImported,
        perDepartment: result.perDepartment,
        perAccount: result.perAccount,
        created: result.created,
        warnings: result.warnings,
        errors: [],
      },
      plan,
    );
    return exitOk;
  } finally {
    session.close();
  }
}

export function runImport(args: string[], io: CliIo): Promise<number> | number {
  // Arguments are checked before anything is read, so a usage error never touches a file.
  const parsed = parseImportArgs(args);
  return importFile(parsed, io);
}
