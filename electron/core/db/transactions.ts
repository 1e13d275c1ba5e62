/**
 * The two kinds of transaction, written once. A write takes the write lock when it begins
 * (BEGIN IMMEDIATE), so a second writer waits for it under busy_timeout; a deferred BEGIN that
 * reads first and writes later cannot wait (SQLite refuses to upgrade a read snapshot another
 * writer has moved past) and failed at once with "database is locked". A read is deferred: in
 * WAL mode it never blocks a writer, and it sees one state of the workspace throughout (D9).
 * Both nest: inside another transaction they become a savepoint.
 */
import type Database from 'better-sqlite3';

interface HasClient {
  $client: Database.Database;
}

export function writeTransaction<T>(db: HasClient, fn: () => T): T {
  return db.$client.transaction(fn).immediate();
}

export function readTransaction<T>(db: HasClient, fn: () => T): T {
  return db.$client.transaction(fn).deferred();
}
