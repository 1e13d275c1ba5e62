/**
 * Routes a command line to its command and turns what it throws into the documented exit codes:
 * 0 success, 1 refused (nothing changed), 2 usage error. Most commands are synchronous; those that
 * read or write spreadsheets (import, templates) answer with a promise, handled the same way.
 */
import { AppError } from '../../shared/result';
import { runCheck } from './check-command';
import { runContinuity } from './continuity-command';
import { exitOk, exitRefused, exitUsage, UsageError, type CliIo } from './cli-io';
import { runExport } from './export-command';
import { runImport } from './import-command';
import { runInit } from './init-command';
import { runReport } from './report-command';
import { runTemplates } from './templates-command';
import { usage } from './usage';

const commands: Readonly<Record<string, (args: string[], io: CliIo) => number | Promise<number>>> = {
  init: runInit,
  export: runExport,
  check: runCheck,
  import: runImport,
  templates: runTemplates,
  report: runReport,
  continuity: runContinuity,
};

export function runCli(argv: string[], io: CliIo): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || rest.includes('--help') || rest.includes('-h')) {
    io.out(usage.trimEnd());
    return exitOk;
  }
  const run = command === undefined ? undefined : Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (command === undefined || run === undefined) {
    io.err(command === undefined ? 'missing command' : `unknown command: ${command}`);
    io.err(usage.trimEnd());
    return exitUsage;
  }
  const fail = (err: unknown) => exitFor(command, err, io);
  try {
    const status = run(rest, io);
    return typeof status === 'number' ? status : status.catch(fail);
  } catch (err) {
    return fail(err);
  }
}

function exitFor(command: string, err: unknown, io: CliIo): number {
  if (err instanceof UsageError) {
    io.err(`${command}: ${err.message}`);
    io.err(usage.trimEnd());
    return exitUsage;
  }
  if (err instanceof AppError) {
    io.err(err.message);
    return exitRefused;
  }
  const code = (err as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    // A file-system refusal (no such folder, permission denied): the user's input, not our bug.
    io.err((err as Error).message);
    return exitRefused;
  }
  throw err;
}
