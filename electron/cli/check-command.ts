/** `check`: is this file a sound Quartermaster workspace? Read-only; never repairs anything. */
import { connect } from '../core/db/connect';
import { checkWorkspace } from '../core/db/open-workspace';
import { loadMigrations } from '../core/db/migrations';
import { exitOk, exitRefused, onePositional, parseCommandArgs, type CliIo } from './cli-io';

function schemaVersion(file: string): number {
  const probe = connect(file, { readonly: true, fileMustExist: true });
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
}

export function runCheck(args: string[], io: CliIo): number {
  const { positionals } = parseCommandArgs(args, {});
  const file = onePositional(positionals, 'workspace file (check <file.sqlite>)');
  const migrations = loadMigrations();
  const reason = checkWorkspace(file, migrations);
  if (reason !== null) {
    io.err(reason);
    return exitRefused;
  }
  const version = schemaVersion(file);
  const latest = migrations.length;
  const upgrade = version < latest ? `, upgraded to ${latest} with a backup on next open` : '';
  io.out(`ok: ${file} (schema ${version}${upgrade}, integrity ok, references ok)`);
  return exitOk;
}
