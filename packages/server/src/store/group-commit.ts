import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Tx } from './store.js';
import { withWriteLock, writeLockDeadlineMs } from './write-lock.js';

interface Unit {
  readonly work: (tx: Tx) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Units of work committed together at most, so one batch never holds the lock for long. */
const maxBatchSize = 256;

/**
 * Group commit for SQLite: transactions that arrive in the same turn of the event loop,
 * or while a batch is being written, are run together inside one
 * `BEGIN IMMEDIATE … COMMIT`, each in its own savepoint, so they share one fsync while
 * keeping full durability. A unit that throws is rolled back to its savepoint alone. No
 * unit's promise settles before the batch's COMMIT returns, so a success answer always
 * means the unit is on disk.
 *
 * When another process holds the write lock, the batch waits for it without blocking the
 * event loop (`withWriteLock`) and fails with `SQLITE_BUSY` after `lockDeadlineMs`.
 */
export class GroupCommitter {
  private readonly queue: Unit[] = [];
  private draining = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly lockDeadlineMs: number = writeLockDeadlineMs,
  ) {}

  /** Runs `work` in the next batch; resolves after that batch is committed. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.draining) return;
      // The driver is synchronous: draining at once would commit before the event loop
      // takes in the other answers and requests already waiting, which then commit one
      // by one. Starting after this turn lets everything that arrived together join.
      this.draining = true;
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, maxBatchSize);
        await this.commitBatch(batch);
      }
    } finally {
      this.draining = false;
    }
  }

  private async commitBatch(batch: readonly Unit[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await withWriteLock(
        this.db,
        async (connection) => {
          const tx = connection as unknown as Tx;
          const results: Outcome[] = [];
          for (const unit of batch) results.push(await runInSavepoint(tx, unit));
          return results;
        },
        this.lockDeadlineMs,
      );
    } catch (error) {
      for (const unit of batch) unit.reject(error);
      return;
    }
    batch.forEach((unit, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }
}

async function runInSavepoint(tx: Tx, unit: Unit): Promise<Outcome> {
  await sql`savepoint unit`.execute(tx);
  try {
    const value = await unit.work(tx);
    await sql`release unit`.execute(tx);
    return { ok: true, value };
  } catch (error) {
    await sql`rollback to unit`.execute(tx);
    await sql`release unit`.execute(tx);
    return { ok: false, error };
  }
}
