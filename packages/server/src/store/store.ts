import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

/** A query context: the database itself or an open transaction. */
export type Queryable = Kysely<Database> | Transaction<Database>;

/** A transaction in progress; every write of one business step goes through one. */
export type Tx = Transaction<Database>;

/**
 * The engine-neutral store. Domain code writes its queries against `db` with Kysely
 * and groups writes with `transaction`; only the engine knows its dialect.
 */
export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  readonly db: Kysely<Database>;
  /**
   * Runs `work` in one serializable-enough write transaction: commits when it resolves,
   * rolls back when it throws.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** True when `error` is the engine's unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}
