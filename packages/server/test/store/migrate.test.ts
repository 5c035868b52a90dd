import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';

import type { MigrationList } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { migrateSqlite, openSqliteStore, sqliteFileName } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/payoff.js');

/** The test runner's environment without our prefix, so the machine's settings stay out. */
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('PAYOFF_')),
);

function createTable(name: string) {
  return (db: Kysely<unknown>) => db.schema.createTable(name).addColumn('n', 'integer').execute();
}

/** Creates `first`, then `second`, then fails when `fail` is set. */
function twoMigrations(fail: boolean): MigrationList {
  return {
    '0001-first': { up: createTable('first') },
    '0002-second': {
      up: async (db) => {
        await createTable('second')(db);
        if (fail) throw new Error('the second migration broke');
      },
    },
  };
}

function tableNames(file: string): string[] {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    const rows = sqlite
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .all() as { name: string }[];
    return rows.map((row) => row.name);
  } finally {
    sqlite.close();
  }
}

function appliedMigrations(file: string): string[] {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    const rows = sqlite.prepare('select name from kysely_migration order by name').all();
    return (rows as { name: string }[]).map((row) => row.name);
  } finally {
    sqlite.close();
  }
}

function migrateInChild(dataDir: string): Promise<{ status: number; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [bin, '--data-dir', dataDir, 'migrate'],
      { env: cleanEnv, timeout: 30_000 },
      (error, _stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ status, stderr });
      },
    );
  });
}

describe('migrating the SQLite store', () => {
  let dataDir: string;
  let file: string;
  let store: Store | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'payoff-migrate-'));
    file = join(dataDir, sqliteFileName);
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves no table behind when a migration fails half-way', async () => {
    store = openSqliteStore(dataDir);
    await assert.rejects(
      migrateSqlite(store.db, twoMigrations(true)),
      /Migration 0002-second failed: Error: the second migration broke/,
    );
    assert.deepEqual(tableNames(file), []);

    assert.deepEqual(await migrateSqlite(store.db, twoMigrations(false)), [
      '0001-first',
      '0002-second',
    ]);
    assert.deepEqual(tableNames(file), [
      'first',
      'kysely_migration',
      'kysely_migration_lock',
      'second',
    ]);
  });

  it('lets processes started together on an empty directory all migrate it', async () => {
    const runs = await Promise.all([1, 2, 3, 4].map(() => migrateInChild(dataDir)));
    for (const run of runs) assert.equal(run.status, 0, run.stderr);

    assert.deepEqual(appliedMigrations(file), Object.keys(migrations));
    assert.ok(tableNames(file).includes('merchants'));
    store = openSqliteStore(dataDir);
    assert.deepEqual(await store.migrate(), []);
  });
});
