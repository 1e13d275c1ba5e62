/**
 * `init`: a new workspace file, empty, the demo company, or restored from a JSON export (--from).
 * Never touches an existing file.
 */
import { existsSync } from 'node:fs';
import { restoreFromFile } from '../core/export/json-restore';
import type { WorkspaceSettings } from '../core/workspace/workspace-service';
import { currencyFlag, dateFlag, exitOk, exitRefused, monthFlag, onePositional, parseCommandArgs, UsageError, type CliIo } from './cli-io';
import { createDemoFile, createEmptyWorkspace, nameFromPath } from '../core/workspace/create-workspace';

export function runInit(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, {
    demo: { type: 'boolean' },
    'as-of': { type: 'string' },
    name: { type: 'string' },
    currency: { type: 'string' },
    'fiscal-start-month': { type: 'string' },
    from: { type: 'string' },
  });
  const file = onePositional(positionals, 'workspace file (init <file.sqlite>)');
  if (values.from !== undefined) {
    const settingFlags = (['demo', 'as-of', 'name', 'currency', 'fiscal-start-month'] as const).filter((k) => values[k] !== undefined);
    if (settingFlags.length > 0) throw new UsageError(`--from restores the workspace as exported; it takes no --${settingFlags[0]}`);
    if (values.from.trim() === '') throw new UsageError('--from needs an export file (export.json)');
    return restore(file, values.from, io);
  }
  if (values['as-of'] !== undefined && !values.demo) throw new UsageError('--as-of only applies with --demo');
  const asOf = values['as-of'] !== undefined ? dateFlag(values['as-of'], '--as-of') : io.today();
  if (values.name !== undefined && values.name.trim() === '') throw new UsageError('--name must not be empty');
  const currency = values.currency !== undefined ? currencyFlag(values.currency) : undefined;
  const fiscalYearStartMonth = values['fiscal-start-month'] !== undefined ? monthFlag(values['fiscal-start-month'], '--fiscal-start-month') : undefined;

  if (existsSync(file)) {
    io.err(`${file} already exists; init never overwrites a file. Choose a new name.`);
    return exitRefused;
  }

  if (values.demo) {
    createDemoFile(file, {
      asOf,
      ...(values.name !== undefined ? { name: values.name.trim() } : {}),
      ...(currency !== undefined ? { currency } : {}),
      ...(fiscalYearStartMonth !== undefined ? { fiscalYearStartMonth } : {}),
    });
    io.out(`created ${file} (demo company as of ${asOf})`);
    return exitOk;
  }

  const settings: WorkspaceSettings = {
    name: values.name?.trim() ?? nameFromPath(file),
    currency: currency ?? 'USD',
    fiscalYearStartMonth: fiscalYearStartMonth ?? 1,
  };
  createEmptyWorkspace(file, settings, 'cli').close();
  io.out(`created ${file} ("${settings.name}", ${settings.currency}, fiscal year starts in month ${settings.fiscalYearStartMonth})`);
  return exitOk;
}

function restore(file: string, from: string, io: CliIo): number {
  if (existsSync(file)) {
    io.err(`${file} already exists; init never overwrites a file. Choose a new name.`);
    return exitRefused;
  }
  const counts = restoreFromFile(file, from, { origin: 'cli' });
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  io.out(
    `created ${file} from ${from} (export version ${counts.version}: ${plural(counts.departments, 'department')}, ${plural(counts.people, 'person', 'people')}, ` +
      `${plural(counts.budgetLines, 'budget line')}, ${plural(counts.actuals, 'actual')}, ${plural(counts.processes, 'process', 'processes')}, ` +
      `${plural(counts.continuityPlans, 'continuity plan')}, ${plural(counts.risks, 'risk')})`,
  );
  return exitOk;
}
