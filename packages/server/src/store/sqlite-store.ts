import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database.js';
import { migrateToLatest, type MigrationList } from './migrate.js';
import { GroupCommitter } from './group-commit.js';
import type { Store } from './store.js';
import { withWriteLock, writeLockDeadlineMs } from './write-lock.js';

/** File name of the embedded database inside the data directory. */
export const sqliteFileName = 'payoff.sqlite';

/**
 * Milliseconds SQLite may block the thread while opening the file, when another process
 * holds the lock that switching a new file to WAL needs; only at start-up, so harmless.
 */
const openBusyTimeoutMs = 5000;

/**
 * Milliseconds a start-up waits for another process's migrations to finish; they hold
 * the write lock throughout and may take a while on a big database.
 */
const migrationLockDeadlineMs = 60_000;

/** How the store treats another process (the CLI, another server) holding a lock. */
export interface SqliteStoreOptions {
  /**
   * Milliseconds SQLite itself may block the whole thread waiting for a lock
   * (`busy_timeout`). 0 by default: the server must keep answering, and in WAL mode
   * reads never need the write lock while writes wait for it asynchronously.
   */
  readonly busyTimeoutMs?: number;
  /** Milliseconds a write transaction keeps trying for the write lock; then `SQLITE_BUSY`. */
  readonly writeLockDeadlineMs?: number;
}

/**
 * Opens the embedded store: one SQLite file in WAL mode with `synchronous=FULL`, so a
 * committed payout survives power loss. Integers come back as `bigint`. Write
 * transactions are group-committed (`GroupCommitter`): `BEGIN IMMEDIATE` takes the
 * write lock up front, so a transaction that reads and then writes cannot fail half-way
 * when another process (the CLI) writes at the same time; while that process holds the
 * lock, the write waits without blocking the event loop.
 * `:memory:` as `dataDir` keeps everything in memory, for tests.
 */
export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): Store {
  const file = dataDir === ':memory:' ? ':memory:' : prepareFile(dataDir);
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma(`busy_timeout = ${openBusyTimeoutMs}`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${checkedMs(options.busyTimeoutMs ?? 0)}`);
  sqlite.defaultSafeIntegers(true);

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const committer = new GroupCommitter(db, options.writeLockDeadlineMs ?? writeLockDeadlineMs);
  return {
    engine: 'sqlite',
    db,
    transaction: (work) => committer.run(work),
    isUniqueViolation,
    migrate: () => migrateSqlite(db),
    close: () => db.destroy(),
  };
}

/**
 * Migrates a SQLite database all or nothing: the Migrator runs on one connection inside
 * one `BEGIN IMMEDIATE … COMMIT` (SQLite DDL is transactional), its bookkeeping tables
 * included, so a failure or a kill half-way leaves the database as it was. The write lock
 * also makes a second process starting at the same time wait, then find nothing to do.
 */
export function migrateSqlite(
  db: Kysely<Database>,
  list?: MigrationList,
  lockDeadlineMs: number = migrationLockDeadlineMs,
): Promise<string[]> {
  return withWriteLock(
    db as Kysely<unknown>,
    (connection) => migrateToLatest(connection, list),
    lockDeadlineMs,
  );
}

/**
 * The database holds webhook secrets: it is made readable by its owner only, and SQLite
 * gives its -wal and -shm files the same mode.
 */
function prepareFile(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, sqliteFileName);
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  return file;
}

function checkedMs(ms: number): number {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`not a duration in ms: ${ms}`);
  return ms;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
