import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { systemAccounts } from '../../src/ledger/accounts.js';
import {
  assertBooksBalance,
  merchantBalance,
  startTestServer,
  systemBalance,
  type TestServer,
} from '../support/test-server.js';

// 2 % of 1000 on qiwi: recipient 980, commission 20, amount_down 1000 (kopecks below).
const qiwi = { method: 'qiwi', wallet: '79161234567', amount: '1000' };

describe('PayoutService.settle', () => {
  let server: TestServer;
  let payoutId: string;

  beforeEach(async () => {
    server = await startTestServer({ balanceRub: '5000' });
    const { payout } = await server.services.payouts.create(server.merchantId, qiwi);
    payoutId = payout.id;
  });
  afterEach(async () => {
    await assertBooksBalance(server);
    await server.close();
  });

  async function books() {
    return {
      merchant: await merchantBalance(server),
      paidOut: await systemBalance(server, systemAccounts.paidOut),
      commission: await systemBalance(server, systemAccounts.commissionIncome),
    };
  }

  it('holds amount_down while in process', async () => {
    assert.deepEqual(await books(), {
      merchant: { available: 400000n, hold: 100000n, referral: 0n },
      paidOut: 0n,
      commission: 0n,
    });
  });

  it('on success releases the hold to paid_out and commission, available unchanged', async () => {
    const result = await server.services.payouts.settle(payoutId, 'success');
    assert.equal(result.changed, true);
    assert.equal(result.payout.status, 'success');
    assert.equal(result.payout.cancelMessage, null);
    assert.ok(result.payout.completedAt);
    assert.deepEqual(await books(), {
      merchant: { available: 400000n, hold: 0n, referral: 0n },
      paidOut: 98000n,
      commission: 2000n,
    });
  });

  it('on cancel returns amount_down to available with the message', async () => {
    const result = await server.services.payouts.settle(payoutId, 'cancel', 'Bank said no.');
    assert.equal(result.changed, true);
    assert.equal(result.payout.status, 'cancel');
    assert.equal(result.payout.cancelMessage, 'Bank said no.');
    assert.deepEqual(await books(), {
      merchant: { available: 500000n, hold: 0n, referral: 0n },
      paidOut: 0n,
      commission: 0n,
    });
  });

  it('returns the whole amount_down on cancel when the commission was on top', async () => {
    const { payout } = await server.services.payouts.create(server.merchantId, {
      ...qiwi,
      commission_type: '1',
    });
    assert.equal(payout.amountDownKopecks, 102000n);
    await server.services.payouts.settle(payout.id, 'cancel');
    const after = await books();
    assert.equal(after.merchant.available, 400000n);
    assert.equal(after.merchant.hold, 100000n);
  });

  it('pays a commission-on-top payout out in full on success', async () => {
    const { payout } = await server.services.payouts.create(server.merchantId, {
      ...qiwi,
      commission_type: '1',
    });
    await server.services.payouts.settle(payout.id, 'success');
    const after = await books();
    assert.equal(after.paidOut, 100000n);
    assert.equal(after.commission, 2000n);
    assert.equal(after.merchant.hold, 100000n);
  });

  it('settles success only once: a second success changes nothing', async () => {
    await server.services.payouts.settle(payoutId, 'success');
    const once = await books();
    const again = await server.services.payouts.settle(payoutId, 'success');
    assert.equal(again.changed, false);
    assert.equal(again.payout.status, 'success');
    assert.deepEqual(await books(), once);
  });

  it('refunds once: a second cancel changes nothing', async () => {
    await server.services.payouts.settle(payoutId, 'cancel');
    const again = await server.services.payouts.settle(payoutId, 'cancel', 'again');
    assert.equal(again.changed, false);
    assert.equal(again.payout.cancelMessage, 'Payout cancelled.');
    assert.equal((await books()).merchant.available, 500000n);
  });

  it('ignores a cancel after success', async () => {
    await server.services.payouts.settle(payoutId, 'success');
    const late = await server.services.payouts.settle(payoutId, 'cancel', 'too late');
    assert.equal(late.changed, false);
    assert.equal(late.payout.status, 'success');
    assert.equal(late.payout.cancelMessage, null);
    assert.deepEqual((await books()).merchant, { available: 400000n, hold: 0n, referral: 0n });
  });

  it('ignores a success after cancel', async () => {
    await server.services.payouts.settle(payoutId, 'cancel');
    const late = await server.services.payouts.settle(payoutId, 'success');
    assert.equal(late.changed, false);
    assert.equal(late.payout.status, 'cancel');
    assert.equal((await books()).paidOut, 0n);
  });

  it('lets exactly one of two concurrent contrary settles win', async () => {
    const results = await Promise.all([
      server.services.payouts.settle(payoutId, 'success'),
      server.services.payouts.settle(payoutId, 'cancel'),
    ]);
    assert.deepEqual(results.map((r) => r.changed).sort(), [false, true]);
    const winner = results.find((r) => r.changed)?.payout.status;
    assert.ok(results.every((r) => r.payout.status === winner));

    const after = await books();
    assert.equal(after.merchant.hold, 0n);
    assert.equal(after.merchant.available, winner === 'cancel' ? 500000n : 400000n);
  });

  it('refunds once under ten concurrent cancels', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => server.services.payouts.settle(payoutId, 'cancel')),
    );
    assert.equal(results.filter((r) => r.changed).length, 1);
    assert.equal((await books()).merchant.available, 500000n);
  });

  it('answers not_found for an unknown payout and moves nothing', async () => {
    const before = await books();
    await assert.rejects(
      server.services.payouts.settle('00000000-0000-0000-0000-000000000000', 'success'),
      (error: unknown) => (error as { code?: string }).code === 'not_found',
    );
    assert.deepEqual(await books(), before);
  });
});
