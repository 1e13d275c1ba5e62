/**
 * The command-line entry: `npm run cli -- <command> …`, the same core services as the app. Built
 * to out/node/cli.js (vite.node.config.ts) and run by node; build/launch.mjs rebuilds it first
 * when a source is newer than the build.
 */
import { localToday } from '../core/workspace/local-today';
import { routeCli, type Commands } from './cli-router';

// Each command's module (and what it needs: the PDF renderer, the spreadsheet writer…) is loaded
// when that command runs; a `check` loads the database layer and nothing else.
const commands: Commands = {
  init: async (args, io) => (await import('./init-command')).runInit(args, io),
  export: async (args, io) => (await import('./export-command')).runExport(args, io),
  check: async (args, io) => (await import('./check-command')).runCheck(args, io),
  import: async (args, io) => (await import('./import-command')).runImport(args, io),
  templates: async (args, io) => (await import('./templates-command')).runTemplates(args, io),
  report: async (args, io) => (await import('./report-command')).runReport(args, io),
  continuity: async (args, io) => (await import('./continuity-command')).runContinuity(args, io),
};

// A reader that stops early (`… | head`) closes the pipe; that is not a failure worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

// exitCode, not exit(): a large export piped to stdout must be flushed in full first.
const status = routeCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  today: () => localToday(),
}, commands);
if (typeof status === 'number') process.exitCode = status;
else {
  status.then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // Not a refusal or a usage error: a bug, shown as one.
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 70;
    },
  );
}
