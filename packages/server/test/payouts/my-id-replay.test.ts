import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { createApiKey } from '../../src/merchants/api-keys.js';
import { createMerchant } from '../../src/merchants/merchants.js';
import { creditMerchant } from '../../src/ledger/balances.js';
import {
  assertBooksBalance,
  assertFail,
  merchantBalance,
  payoutCount,
  postPayoff,
  startTestServer,
  type TestServer,
} from '../support/test-server.js';

const params = {
  method: 'cards_ru',
  wallet: '4111111111111111',
  amount: '500',
  my_id: 'order-1',
};

describe('create-payoff with a repeated my_id', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer({ balanceRub: '10000' });
  });
  afterEach(async () => {
    await assertBooksBalance(server);
    await server.close();
  });

  it('answers the same payout for the same parameters and debits once', async () => {
    const first = await postPayoff(server, params);
    assert.equal(first.statusCode, 200, first.body);
    const second = await postPayoff(server, params);
    assert.equal(second.statusCode, 200, second.body);

    assert.equal(second.body, first.body);
    assert.equal(await payoutCount(server), 1);
    const balance = await merchantBalance(server);
    assert.equal(balance.available, 1000000n - 50000n);
    assert.equal(balance.hold, 50000n);
  });

  it('treats an omitted commission_type and 0 as the same parameters', async () => {
    const first = await postPayoff(server, params);
    const second = await postPayoff(server, { ...params, commission_type: '0' });
    assert.equal(second.statusCode, 200, second.body);
    assert.equal(JSON.parse(second.body).id, JSON.parse(first.body).id);
    assert.equal(await payoutCount(server), 1);
  });

  for (const [what, changed] of [
    ['amount', { amount: '501' }],
    ['wallet', { wallet: '5555555555554444' }],
    ['commission_type', { commission_type: '1' }],
    ['webhook_url', { webhook_url: 'https://shop.example/hook' }],
  ] as const) {
    it(`answers 400 naming the existing payout when ${what} differs`, async () => {
      const first = await postPayoff(server, params);
      const id = JSON.parse(first.body).id as string;
      const before = await merchantBalance(server);

      const message = assertFail(await postPayoff(server, { ...params, ...changed }), 400);
      assert.ok(message.includes(id), message);
      assert.match(message, /'my_id'/);
      assert.equal(await payoutCount(server), 1);
      assert.deepEqual(await merchantBalance(server), before);
    });
  }

  it('answers 400 when the same my_id comes with another method', async () => {
    const first = await postPayoff(server, params);
    const id = JSON.parse(first.body).id as string;
    const other = { ...params, method: 'qiwi', wallet: '79161234567' };
    assert.ok(assertFail(await postPayoff(server, other), 400).includes(id));
  });

  it('creates one payout for 20 concurrent requests with one my_id', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => postPayoff(server, params)),
    );
    const ids = new Set(
      responses.map((response) => {
        assert.equal(response.statusCode, 200, response.body);
        return JSON.parse(response.body).id as string;
      }),
    );

    assert.equal(ids.size, 1);
    assert.equal(await payoutCount(server), 1);
    const balance = await merchantBalance(server);
    assert.equal(balance.available, 1000000n - 50000n);
    assert.equal(balance.hold, 50000n);
  });

  it('keeps my_id per merchant: another merchant may reuse it', async () => {
    const { store } = server.services;
    const other = await createMerchant(store, 'Other shop');
    await creditMerchant(store, other.id, 100000n);
    const { key } = await createApiKey(store, other.id);

    const mine = await postPayoff(server, params);
    const theirs = await postPayoff(server, params, key);
    assert.equal(theirs.statusCode, 200, theirs.body);
    assert.notEqual(JSON.parse(theirs.body).id, JSON.parse(mine.body).id);
    assert.equal(await payoutCount(server), 2);
  });
});
