import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database.js';
import { migrateToLatest } from './migrate.js';
import { GroupCommitter } from './group-commit.js';
import type { Store } from './store.js';

/** File name of the embedded database inside the data directory. */
export const sqliteFileName = 'payoff.sqlite';

/**
 * Opens the embedded store: one SQLite file in WAL mode with `synchronous=FULL`, so a
 * committed payout survives power loss. Integers come back as `bigint`. Write
 * transactions are group-committed (`GroupCommitter`): `BEGIN IMMEDIATE` takes the
 * write lock up front, so a transaction that reads and then writes cannot fail half-way
 * when another process (the CLI) writes at the same time.
 * `:memory:` as `dataDir` keeps everything in memory, for tests.
 */
export function openSqliteStore(dataDir: string): Store {
  const file = dataDir === ':memory:' ? ':memory:' : prepareFile(dataDir);
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.defaultSafeIntegers(true);

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const committer = new GroupCommitter(db);
  return {
    engine: 'sqlite',
    db,
    transaction: (work) => committer.run(work),
    isUniqueViolation,
    migrate: () => migrateToLatest(db as Kysely<unknown>),
    close: () => db.destroy(),
  };
}

function prepareFile(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return join(dataDir, sqliteFileName);
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
