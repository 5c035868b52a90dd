import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';

import { merchantAccount } from '../../src/ledger/accounts.js';
import { creditMerchant } from '../../src/ledger/balances.js';
import { checkLedger, type LedgerProblem } from '../../src/ledger/ledger-check.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

function invariants(problems: readonly LedgerProblem[]): string[] {
  return [...new Set(problems.map((problem) => problem.invariant))].sort();
}

describe('checkLedger', () => {
  let server: TestServer;
  let payoutId: string;

  beforeEach(async () => {
    server = await startTestServer({ balanceRub: '5000' });
    const { payout } = await server.services.payouts.create(server.merchantId, {
      method: 'qiwi',
      wallet: '79161234567',
      amount: '1000',
    });
    payoutId = payout.id;
  });
  afterEach(() => server.close());

  it('finds nothing wrong with books written by the services', async () => {
    assert.deepEqual(await checkLedger(server.services.store), []);
    await server.services.payouts.settle(payoutId, 'success');
    assert.deepEqual(await checkLedger(server.services.store), []);
  });

  it('reports a balance changed without an entry', async () => {
    const account = merchantAccount(server.merchantId, 'available');
    await sql`update accounts set balance = balance + 1 where id = ${account}`.execute(
      server.services.store.db,
    );

    const problems = await checkLedger(server.services.store);
    assert.deepEqual(invariants(problems), [
      'all balances sum to zero',
      'balance equals the sum of entries',
    ]);
    const mismatch = problems.find((p) => p.invariant === 'balance equals the sum of entries');
    assert.match(mismatch?.detail ?? '', new RegExp(`${account} has balance 400001`));
  });

  it('reports a status changed without its settlement transfer', async () => {
    await sql`update payouts set status = 'success' where id = ${payoutId}`.execute(
      server.services.store.db,
    );

    const problems = await checkLedger(server.services.store);
    assert.deepEqual(invariants(problems), [
      "a payout's transfers match its status",
      'hold equals the in-process payouts',
    ]);
    assert.ok(problems.some((p) => p.detail.includes(payoutId)));
  });

  it('reports an entry that unbalances its transfer', async () => {
    const account = merchantAccount(server.merchantId, 'hold');
    await sql`update entries set amount = amount + 5 where account_id = ${account}`.execute(
      server.services.store.db,
    );

    const problems = await checkLedger(server.services.store);
    assert.ok(invariants(problems).includes('every transfer sums to zero'));
    assert.ok(invariants(problems).includes('balance equals the sum of entries'));
  });

  it('reports a negative balance on an account that may not go negative', async () => {
    // The schema's CHECK refuses this write; a damaged or hand-edited file may not have it.
    const { db } = server.services.store;
    await sql`pragma ignore_check_constraints = on`.execute(db);
    await sql`update accounts set balance = -7 where id = 'system:paid_out'`.execute(db);

    const problems = await checkLedger(server.services.store);
    assert.ok(invariants(problems).includes('no negative balance'));
    const overdraft = problems.find((p) => p.invariant === 'no negative balance');
    assert.equal(overdraft?.detail, 'account system:paid_out is at -7');
  });

  it('sums entries exactly where SQL would overflow 64 bits', async () => {
    const { store } = server.services;
    await creditMerchant(store, server.merchantId, 1000n);
    const account = merchantAccount(server.merchantId, 'available');
    await sql`update entries set amount = 9223372036854775807
      where account_id = ${account} and amount > 0`.execute(store.db);

    const problems = await checkLedger(store);
    const mismatch = problems.find((p) => p.invariant === 'balance equals the sum of entries');
    // Two entries of 2^63 - 1 and the reserve of 1000 RUB: 2^64 - 2 - 100000.
    assert.equal(
      mismatch?.detail,
      `account ${account} has balance 401000 but entries sum to 18446744073709451614`,
    );
    const transfers = problems.filter((p) => p.invariant === 'every transfer sums to zero');
    assert.equal(transfers.length, 2);
    assert.ok(!invariants(problems).includes('amounts are stored as integers'));
  });

  it('reports a balance or an entry that SQLite holds as a REAL', async () => {
    const { store } = server.services;
    const available = merchantAccount(server.merchantId, 'available');
    const hold = merchantAccount(server.merchantId, 'hold');
    // What `balance + ?` did on overflow before amounts were capped.
    await sql`update accounts set balance = 9223372036854775807 where id = ${available}`.execute(
      store.db,
    );
    await sql`update accounts set balance = balance + 100 where id = ${available}`.execute(
      store.db,
    );
    await sql`update entries set amount = 1.5 where account_id = ${hold}`.execute(store.db);

    const problems = await checkLedger(store);
    const stored = problems.filter((p) => p.invariant === 'amounts are stored as integers');
    assert.deepEqual(
      stored.map((p) => p.detail),
      [
        `account ${available} holds its balance as real: 9223372036854776000`,
        `the entry of transfer ${await reserveTransferId()} on account ${hold} ` +
          'holds its amount as real: 1.5',
      ],
    );
    assert.ok(invariants(problems).includes('balance equals the sum of entries'));
  });

  it('checks storage types only on SQLite', async () => {
    const { store } = server.services;
    const hold = merchantAccount(server.merchantId, 'hold');
    await sql`update entries set amount = 1.5 where account_id = ${hold}`.execute(store.db);

    const asPostgres = await checkLedger({ engine: 'postgres', db: store.db });
    assert.ok(!invariants(asPostgres).includes('amounts are stored as integers'));
    assert.ok(invariants(await checkLedger(store)).includes('amounts are stored as integers'));
  });

  async function reserveTransferId(): Promise<string> {
    const row = await server.services.store.db
      .selectFrom('transfers')
      .select('id')
      .where('payout_id', '=', payoutId)
      .executeTakeFirstOrThrow();
    return row.id;
  }
});
