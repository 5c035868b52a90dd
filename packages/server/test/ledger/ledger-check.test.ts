import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';

import { merchantAccount } from '../../src/ledger/accounts.js';
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
      method: 'qiwi', wallet: '79161234567', amount: '1000',
    });
    payoutId = payout.id;
  });
  afterEach(() => server.close());

  it('finds nothing wrong with books written by the services', async () => {
    assert.deepEqual(await checkLedger(server.services.store.db), []);
    await server.services.payouts.settle(payoutId, 'success');
    assert.deepEqual(await checkLedger(server.services.store.db), []);
  });

  it('reports a balance changed without an entry', async () => {
    const account = merchantAccount(server.merchantId, 'available');
    await sql`update accounts set balance = balance + 1 where id = ${account}`
      .execute(server.services.store.db);

    const problems = await checkLedger(server.services.store.db);
    assert.deepEqual(invariants(problems), [
      'all balances sum to zero',
      'balance equals the sum of entries',
    ]);
    const mismatch = problems.find((p) => p.invariant === 'balance equals the sum of entries');
    assert.match(mismatch?.detail ?? '', new RegExp(`${account} has balance 400001`));
  });

  it('reports a status changed without its settlement transfer', async () => {
    await sql`update payouts set status = 'success' where id = ${payoutId}`
      .execute(server.services.store.db);

    const problems = await checkLedger(server.services.store.db);
    assert.deepEqual(invariants(problems), [
      "a payout's transfers match its status",
      'hold equals the in-process payouts',
    ]);
    assert.ok(problems.some((p) => p.detail.includes(payoutId)));
  });

  it('reports an entry that unbalances its transfer', async () => {
    const account = merchantAccount(server.merchantId, 'hold');
    await sql`update entries set amount = amount + 5 where account_id = ${account}`
      .execute(server.services.store.db);

    const problems = await checkLedger(server.services.store.db);
    assert.ok(invariants(problems).includes('every transfer sums to zero'));
    assert.ok(invariants(problems).includes('balance equals the sum of entries'));
  });

  it('reports a negative balance on an account that may not go negative', async () => {
    // The schema's CHECK refuses this write; a damaged or hand-edited file may not have it.
    const { db } = server.services.store;
    await sql`pragma ignore_check_constraints = on`.execute(db);
    await sql`update accounts set balance = -7 where id = 'system:paid_out'`.execute(db);

    const problems = await checkLedger(db);
    assert.ok(invariants(problems).includes('no negative balance'));
    const overdraft = problems.find((p) => p.invariant === 'no negative balance');
    assert.equal(overdraft?.detail, 'account system:paid_out is at -7');
  });
});
