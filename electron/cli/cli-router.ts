/**
 * Routes a command line to its command and turns what it throws into the documented exit codes:
 * 0 success, 1 refused (nothing changed), 2 usage error, 3–7 the storage failures (damaged,
 * read-only, disk full, busy, disk error: cli-io's exitCodeFor). A command answers with a number or a
 * promise of one, handled the same way.
 *
 * The table of commands is the caller's: run-cli.ts imports every command (in-process callers,
 * where init, export and check answer synchronously); the CLI's entry (main.ts) loads each on use,
 * so `check` never pays for the PDF renderer, the spreadsheet writer or the import pipeline.
 */
import { exitOk, exitRefused, exitUsage, refusalExit, UsageError, type CliIo } from './cli-io';
import { usage } from './usage';

export const commandNames = ['init', 'export', 'check', 'import', 'templates', 'report', 'continuity'] as const;
export type CommandName = (typeof commandNames)[number];
export type Command = (args: string[], io: CliIo) => number | Promise<number>;
export type Commands = Readonly<Record<CommandName, Command>>;

export function routeCli(argv: string[], io: CliIo, commands: Commands): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || rest.includes('--help') || rest.includes('-h')) {
    io.out(usage.trimEnd());
    return exitOk;
  }
  const run = command === undefined ? undefined : Object.hasOwn(commands, command) ? commands[command as CommandName] : undefined;
  if (command === undefined || run === undefined) {
    io.err(command === undefined ? 'missing command' : `unknown command: ${command}`);
    io.err(usage.trimEnd());
    return exitUsage;
  }
  const fail = (err: unknown) => exitFor(command, rest, err, io);
  try {
    const status = run(rest, io);
    return typeof status === 'number' ? status : status.catch(fail);
  } catch (err) {
    return fail(err);
  }
}

function exitFor(command: string, args: readonly string[], err: unknown, io: CliIo): number {
  if (err instanceof UsageError) {
    io.err(`${command}: ${err.message}`);
    io.err(usage.trimEnd());
    return exitUsage;
  }
  // A refusal, or a storage failure (busy, read-only, disk full, damaged) with its own exit code.
  const refused = refusalExit(err, args, io);
  if (refused !== null) return refused;
  const code = (err as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    // A file-system refusal (no such folder, permission denied): the user's input, not our bug.
    io.err((err as Error).message);
    return exitRefused;
  }
  throw err;
}
