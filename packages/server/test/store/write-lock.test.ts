import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';

import { withWriteLock } from '../../src/store/write-lock.js';

describe('withWriteLock', () => {
  let dir: string;
  let db: Kysely<unknown>;
  let reader: BetterSqlite3.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'payoff-lock-'));
    const file = join(dir, 'rollback-journal.sqlite');
    // In rollback-journal mode a COMMIT needs every reader gone, so it can meet SQLITE_BUSY.
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma('busy_timeout = 0');
    sqlite.exec('create table t (n integer)');
    db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
    reader = new BetterSqlite3(file);
  });
  afterEach(async () => {
    if (reader.inTransaction) reader.exec('rollback');
    reader.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('retries a COMMIT refused as busy until the reader lets go', async () => {
    reader.exec('begin');
    reader.prepare('select * from t').all();
    const released = sleep(100).then(() => reader.exec('commit'));

    let runs = 0;
    await withWriteLock(
      db,
      async (connection) => {
        runs += 1;
        await sql`insert into t (n) values (1)`.execute(connection);
      },
      5000,
    );
    await released;

    assert.equal(runs, 1);
    assert.deepEqual(reader.prepare('select n from t').all(), [{ n: 1 }]);
  });

  it('rolls back and fails with SQLITE_BUSY when the reader outlasts the deadline', async () => {
    reader.exec('begin');
    reader.prepare('select * from t').all();

    const write = withWriteLock(
      db,
      async (connection) => {
        await sql`insert into t (n) values (1)`.execute(connection);
      },
      50,
    );
    await assert.rejects(write, { code: 'SQLITE_BUSY' });

    reader.exec('commit');
    assert.deepEqual(reader.prepare('select n from t').all(), []);
  });

  it('passes on an error of the work and rolls back what it wrote', async () => {
    const write = withWriteLock(
      db,
      async (connection) => {
        await sql`insert into t (n) values (1)`.execute(connection);
        throw new Error('work failed');
      },
      5000,
    );
    await assert.rejects(write, /work failed/);
    assert.deepEqual(reader.prepare('select n from t').all(), []);
  });
});
