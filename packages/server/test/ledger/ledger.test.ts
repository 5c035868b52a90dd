import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { PayoffError } from '../../src/errors/payoff-error.js';
import { systemAccounts } from '../../src/ledger/accounts.js';
import { creditMerchant } from '../../src/ledger/balances.js';
import { checkLedger } from '../../src/ledger/ledger-check.js';
import { maxMinorUnits } from '../../src/money/money-limit.js';
import {
  merchantBalance,
  startTestServer,
  systemBalance,
  type TestServer,
} from '../support/test-server.js';

async function transferCount(server: TestServer): Promise<number> {
  const rows = await server.services.store.db.selectFrom('transfers').select('id').execute();
  return rows.length;
}

/** Matches an `invalid_amount` error whose message starts with `start` and names the limit. */
function isInvalidAmount(start: string) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof PayoffError, String(error));
    assert.equal(error.code, 'invalid_amount');
    assert.ok(error.message.startsWith(start), error.message);
    const limit = "the ledger's limit of 1000000000000000 RUB.";
    assert.ok(error.message.endsWith(limit), error.message);
    return true;
  };
}

describe('postTransfer at the money limit', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer({ balanceRub: '0' });
  });
  afterEach(() => server.close());

  it('refuses a leg beyond the limit before writing anything', async () => {
    for (const kopecks of [maxMinorUnits + 1n, 9223372036854775807n]) {
      await assert.rejects(
        creditMerchant(server.services.store, server.merchantId, kopecks),
        isInvalidAmount('An amount of '),
      );
    }
    assert.equal(await transferCount(server), 0);
    assert.equal((await merchantBalance(server)).available, 0n);
  });

  it('refuses a credit that would take a balance over the limit, however often', async () => {
    await creditMerchant(server.services.store, server.merchantId, maxMinorUnits);
    for (const kopecks of [1n, maxMinorUnits]) {
      await assert.rejects(
        creditMerchant(server.services.store, server.merchantId, kopecks),
        isInvalidAmount('This credit would take a balance over '),
      );
    }

    assert.equal((await merchantBalance(server)).available, maxMinorUnits);
    assert.equal(await systemBalance(server, systemAccounts.funding), -maxMinorUnits);
    assert.equal(await transferCount(server), 1);
    assert.deepEqual(await checkLedger(server.services.store), []);
  });

  it('still answers insufficient_balance for a debit the balance does not cover', async () => {
    await creditMerchant(server.services.store, server.merchantId, 10000n);
    const created = server.services.payouts.create(server.merchantId, {
      method: 'qiwi',
      wallet: '79161234567',
      amount: '100.01',
    });
    await assert.rejects(created, { code: 'insufficient_balance' });
  });
});
