/** `check`: is this file a sound Quartermaster workspace? Read-only (a read-only folder is fine); never repairs anything. */
import { openReader } from '../core/db/connect';
import { checkWorkspaceFile } from '../core/db/open-workspace';
import { loadMigrations } from '../core/db/migrations';
import { exitCodeFor, exitOk, onePositional, parseCommandArgs, type CliIo } from './cli-io';

function schemaVersion(file: string): number {
  const probe = openReader(file);
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
  const refusal = checkWorkspaceFile(file, migrations);
  if (refusal !== null) {
    io.err(refusal.message);
    return exitCodeFor(refusal.code);
  }
  const version = schemaVersion(file);
  const latest = migrations.length;
  const upgrade = version < latest ? `, upgraded to ${latest} with a backup on next open` : '';
  io.out(`ok: ${file} (schema ${version}${upgrade}, integrity ok, references ok)`);
  return exitOk;
}
