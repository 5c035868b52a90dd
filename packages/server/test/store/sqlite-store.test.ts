import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';

import { createApiKey, listApiKeys, revokeApiKey } from '../../src/merchants/api-keys.js';
import { createMerchant } from '../../src/merchants/merchants.js';
import { RateBook } from '../../src/rates/rate-book.js';
import { defaultRates } from '../../src/config/defaults.js';
import { openSqliteStore, sqliteFileName } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

/** Milliseconds the other process holds the write lock in the waiting test. */
const lockHeldMs = 300;

function insertRate(store: Store, currency: string): Promise<void> {
  return store.transaction(async (tx) => {
    await tx
      .insertInto('rates')
      .values({ currency, rub_per_unit: '1', updated_at: new Date().toISOString() })
      .execute();
  });
}

describe('the SQLite file', () => {
  it('is readable by its owner only, even in a directory that already existed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'payoff-mode-'));
    chmodSync(dataDir, 0o755);
    const store = openSqliteStore(dataDir);
    await store.migrate();
    assert.equal(statSync(join(dataDir, sqliteFileName)).mode & 0o777, 0o600);
    assert.equal(statSync(join(dataDir, `${sqliteFileName}-wal`)).mode & 0o777, 0o600);
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('the SQLite store while another process holds the write lock', () => {
  let dataDir: string;
  let other: BetterSqlite3.Database;
  const stores: Store[] = [];

  async function open(writeLockDeadlineMs?: number): Promise<Store> {
    const store = openSqliteStore(dataDir, { writeLockDeadlineMs });
    stores.push(store);
    await store.migrate();
    return store;
  }

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'payoff-store-'));
  });
  afterEach(async () => {
    if (other?.inTransaction) other.exec('rollback');
    other?.close();
    for (const store of stores.splice(0)) await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps reading and commits the write once the lock is released', async () => {
    const store = await open();
    other = new BetterSqlite3(join(dataDir, sqliteFileName));
    other.exec('begin immediate');
    const lockedAtMs = performance.now();
    const released = sleep(lockHeldMs).then(() => other.exec('commit'));

    const write = insertRate(store, 'USD');
    const rows = await store.db.selectFrom('rates').select('currency').execute();
    const readMs = performance.now() - lockedAtMs;
    assert.ok(other.inTransaction, 'the read finished only after the lock was released');
    assert.ok(readMs < lockHeldMs, `the read took ${readMs} ms`);
    assert.deepEqual(rows, []);

    await write;
    await released;
    const written = await store.db.selectFrom('rates').select('currency').execute();
    assert.deepEqual(written, [{ currency: 'USD' }]);
  });

  it('fails the write with SQLITE_BUSY once the lock outlasts the deadline', async () => {
    const store = await open(50);
    other = new BetterSqlite3(join(dataDir, sqliteFileName));
    other.exec('begin immediate');

    const startedAtMs = performance.now();
    let ran = false;
    const write = store.transaction(async () => {
      ran = true;
    });
    await assert.rejects(write, (error: Error & { code?: string }) => {
      assert.equal(error.code, 'SQLITE_BUSY');
      assert.match(error.message, /locked by another process for 50 ms/);
      return true;
    });
    const waitedMs = performance.now() - startedAtMs;
    assert.ok(waitedMs >= 50 && waitedMs < 1000, `gave up after ${waitedMs} ms`);
    assert.equal(ran, false);

    other.exec('rollback');
    await insertRate(store, 'UAH');
    assert.equal((await store.db.selectFrom('rates').selectAll().execute()).length, 1);
  });

  it('waits for the lock in the writes outside payouts: keys and rates', async () => {
    const store = await open();
    const merchant = await createMerchant(store, 'Locked shop');
    const rates = new RateBook(store, defaultRates);
    other = new BetterSqlite3(join(dataDir, sqliteFileName));

    other.exec('begin immediate');
    const released = sleep(100).then(() => other.exec('commit'));
    const created = await createApiKey(store, merchant.id);
    await released;

    other.exec('begin immediate');
    const releasedAgain = sleep(100).then(() => other.exec('commit'));
    await Promise.all([revokeApiKey(store, created.id), rates.set('BTC', '8000000')]);
    await releasedAgain;

    const [key] = await listApiKeys(store.db, merchant.id);
    assert.notEqual(key?.revokedAt, null);
    assert.equal((await rates.get('BTC')).text, '8000000');
  });
});
