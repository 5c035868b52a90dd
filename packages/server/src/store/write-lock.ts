import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';

/** Milliseconds a write keeps trying for a SQLite write lock that another process holds. */
export const writeLockDeadlineMs = 5000;

/** Milliseconds of the first pause between two tries; each pause doubles it. */
const firstRetryDelayMs = 5;

/** Milliseconds of the longest pause between two tries. */
const maxRetryDelayMs = 100;

/**
 * Runs `work` on one connection inside `BEGIN IMMEDIATE … COMMIT` and rolls back when it
 * throws. When another process holds the write lock (SQLITE_BUSY), the connection is
 * released, so reads go on meanwhile, and the begin is tried again after an asynchronous
 * pause (5 ms doubling to 100 ms, with jitter) until `deadlineMs` has passed; then it
 * throws an error whose `code` is `SQLITE_BUSY`. A COMMIT refused as busy leaves the
 * transaction open, so it is retried the same way while keeping the connection.
 * `work` runs at most once.
 */
export async function withWriteLock<DB, T>(
  db: Kysely<DB>,
  work: (connection: Kysely<DB>) => Promise<T>,
  deadlineMs: number,
): Promise<T> {
  const retry = new BusyRetry(deadlineMs);
  for (;;) {
    const attempt = await db.connection().execute(async (connection) => {
      const busy = await tryBegin(connection);
      if (busy !== undefined) return { locked: false, busy } as const;
      try {
        const value = await work(connection);
        await commit(connection, retry);
        return { locked: true, value } as const;
      } catch (error) {
        await sql`rollback`.execute(connection).catch(() => undefined);
        throw error;
      }
    });
    if (attempt.locked) return attempt.value;
    await retry.pause(attempt.busy);
  }
}

/** True when `error` is SQLite saying another connection holds the lock it needs. */
function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}

/** Undefined once the write lock is held; the busy error when another process has it. */
async function tryBegin<DB>(connection: Kysely<DB>): Promise<unknown> {
  try {
    await sql`begin immediate`.execute(connection);
    return undefined;
  } catch (error) {
    if (isBusyError(error)) return error;
    throw error;
  }
}

async function commit<DB>(connection: Kysely<DB>, retry: BusyRetry): Promise<void> {
  for (;;) {
    try {
      await sql`commit`.execute(connection);
      return;
    } catch (error) {
      if (!isBusyError(error)) throw error;
      await retry.pause(error);
    }
  }
}

/** Paces the tries of one write and gives up at its deadline. */
class BusyRetry {
  private readonly startedAtMs = performance.now();
  private delayMs = firstRetryDelayMs;

  constructor(private readonly deadlineMs: number) {}

  /** Waits before the next try; throws the `SQLITE_BUSY` error once the deadline is past. */
  async pause(cause: unknown): Promise<void> {
    const remainingMs = this.startedAtMs + this.deadlineMs - performance.now();
    if (remainingMs <= 0) throw busyError(this.deadlineMs, cause);

    // Jitter keeps several waiting processes from retrying in lockstep.
    const jitteredMs = this.delayMs / 2 + (Math.random() * this.delayMs) / 2;
    this.delayMs = Math.min(this.delayMs * 2, maxRetryDelayMs);
    await sleep(Math.min(jitteredMs, remainingMs));
  }
}

function busyError(deadlineMs: number, cause: unknown): Error {
  const message =
    `The database stayed locked by another process for ${deadlineMs} ms; ` + 'retry shortly.';
  return Object.assign(new Error(message, { cause }), { code: 'SQLITE_BUSY' as const });
}
