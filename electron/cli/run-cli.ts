/**
 * The CLI in-process (tests, tools): every command imported up front, so init, export and check
 * answer synchronously. Routing and exit codes are cli-router.ts's; the CLI's entry (main.ts)
 * uses the same router with commands loaded on use.
 */
import { runCheck } from './check-command';
import { routeCli, type Commands } from './cli-router';
import type { CliIo } from './cli-io';
import { runContinuity } from './continuity-command';
import { runExport } from './export-command';
import { runImport } from './import-command';
import { runInit } from './init-command';
import { runReport } from './report-command';
import { runTemplates } from './templates-command';

const commands: Commands = {
  init: runInit,
  export: runExport,
  check: runCheck,
  import: runImport,
  templates: runTemplates,
  report: runReport,
  continuity: runContinuity,
};

export function runCli(argv: string[], io: CliIo): number | Promise<number> {
  return routeCli(argv, io, commands);
}
