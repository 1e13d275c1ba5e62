/**
 * The type of an open workspace's database as every service takes it: drizzle over our schema,
 * with the better-sqlite3 connection beside it. Its own module so that the context (which every
 * service imports) does not import the code that opens a workspace.
 */
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
