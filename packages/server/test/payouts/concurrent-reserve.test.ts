import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  assertBooksBalance,
  merchantBalance,
  payoutCount,
  postPayoff,
  startTestServer,
  type TestServer,
} from '../support/test-server.js';

describe('concurrent create-payoff against one balance', () => {
  let server: TestServer;

  before(async () => {
    // Ten payouts of 100 RUB each (commission taken out of amount) use it up exactly.
    server = await startTestServer({ balanceRub: '1000' });
  });
  after(() => server.close());

  it('lets exactly as many succeed as the balance covers', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postPayoff(server, {
          method: 'qiwi',
          wallet: '79161234567',
          amount: '100',
          my_id: `race-${i}`,
        }),
      ),
    );

    const ok = responses.filter((response) => response.statusCode === 200);
    const refused = responses.filter((response) => response.statusCode === 400);
    assert.equal(ok.length, 10);
    assert.equal(refused.length, 40);
    for (const response of refused) {
      assert.match(JSON.parse(response.body).message, /insufficient balance/i);
    }

    const balance = await merchantBalance(server);
    assert.equal(balance.available, 0n);
    assert.equal(balance.hold, 100000n);
    assert.equal(await payoutCount(server), 10);
    await assertBooksBalance(server);
  });

  it('leaves no account below zero', async () => {
    const negative = await server.services.store.db
      .selectFrom('accounts')
      .select(['id', 'balance'])
      .where('may_go_negative', '=', 0)
      .where('balance', '<', 0n)
      .execute();
    assert.deepEqual(negative, []);
  });

  it('refuses any further payout once available is zero', async () => {
    const response = await postPayoff(server, {
      method: 'qiwi',
      wallet: '79161234567',
      amount: '10',
    });
    assert.equal(response.statusCode, 400);
    assert.equal((await merchantBalance(server)).available, 0n);
    await assertBooksBalance(server);
  });
});
