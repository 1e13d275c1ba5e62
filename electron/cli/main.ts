/**
 * The command-line entry: `npm run cli -- <command> …`, plain Node through tsx, no build step,
 * the same core services as the app.
 */
import { localToday } from '../core/workspace/create-workspace';
import { runCli } from './run-cli';

// A reader that stops early (`… | head`) closes the pipe; that is not a failure worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

// exitCode, not exit(): a large export piped to stdout must be flushed in full first.
const status = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  today: () => localToday(),
});
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
