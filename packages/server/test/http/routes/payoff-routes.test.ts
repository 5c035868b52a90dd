import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  assertBooksBalance,
  assertFail,
  assertUnchanged,
  merchantBalance,
  postPayoff,
  snapshot,
  startTestServer,
  type TestServer,
} from '../../support/test-server.js';

const TRON = 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Parses a success body and returns it with the id it was given. */
function success(response: { statusCode: number; body: string; headers: object }) {
  assert.equal(response.statusCode, 200, response.body);
  const fields = JSON.parse(response.body) as Record<string, unknown>;
  assert.match(String(fields.id), uuid);
  return { fields, id: String(fields.id) };
}

describe('POST /api/create-payoff answers', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({
      balanceRub: '100000',
      fileConfig: { methods: { payeer: { commissionPercent: '20' } } },
    });
  });
  after(async () => {
    await assertBooksBalance(server);
    await server.close();
  });

  it('the contract worked example byte for byte, keys in order', async () => {
    const response = await postPayoff(server, {
      method: 'tether_trc20',
      wallet: TRON,
      amount: '500',
      commission_type: '0',
    });
    const { id } = success(response);
    assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(
      response.body,
      `{"type":"success","id":"${id}","my_id":"","method":"tether_trc20","wallet":"${TRON}",` +
        '"amount":485,"amount_in_currency":5,"amount_currency":"USDT","amount_rate":96.92,' +
        '"amount_down":500,"commission":15,"commission_type":0,"status":"in_process"}',
    );
  });

  it('commission on top with commission_type 1', async () => {
    const response = await postPayoff(server, {
      method: 'tether_trc20',
      wallet: TRON,
      amount: '500',
      commission_type: '1',
      my_id: 'ct1',
    });
    const { id } = success(response);
    assert.equal(
      response.body,
      `{"type":"success","id":"${id}","my_id":"ct1","method":"tether_trc20","wallet":"${TRON}",` +
        '"amount":500,"amount_in_currency":5.15,"amount_currency":"USDT","amount_rate":96.92,' +
        '"amount_down":515,"commission":15,"commission_type":1,"status":"in_process"}',
    );
  });

  it('a RUB method without amount_rate, with kopecks as exact JSON numbers', async () => {
    const response = await postPayoff(server, {
      method: 'payeer',
      wallet: 'P1234567',
      amount: '302.00',
      my_id: 'order-302',
    });
    const { fields, id } = success(response);
    assert.deepEqual(Object.keys(fields), [
      'type',
      'id',
      'my_id',
      'method',
      'wallet',
      'amount',
      'amount_in_currency',
      'amount_currency',
      'amount_down',
      'commission',
      'commission_type',
      'status',
    ]);
    assert.equal(
      response.body,
      `{"type":"success","id":"${id}","my_id":"order-302","method":"payeer",` +
        '"wallet":"P1234567","amount":241.6,"amount_in_currency":241.6,' +
        '"amount_currency":"RUB","amount_down":302,"commission":60.4,' +
        '"commission_type":0,"status":"in_process"}',
    );
  });

  it('money as numbers, commission_type as an integer, ids as strings', async () => {
    const response = await postPayoff(server, {
      method: 'cards_ua',
      wallet: '4111111111111111',
      amount: '1000',
    });
    const { fields } = success(response);
    const money = ['amount', 'amount_in_currency', 'amount_rate', 'amount_down', 'commission'];
    for (const name of money) {
      assert.equal(typeof fields[name], 'number', name);
    }
    assert.ok(Number.isInteger(fields.commission_type));
    assert.equal(typeof fields.id, 'string');
    assert.equal(fields.my_id, '');
    // 4 % + 50 of 1000 is 90; 910 / 2.30 = 395.652… UAH, rounded down.
    assert.equal(fields.amount_in_currency, 395.65);
    assert.equal(fields.amount_rate, 2.3);
    assert.equal(fields.amount_currency, 'UAH');
  });

  it('bitcoin at eight decimals, rounded down', async () => {
    const response = await postPayoff(server, {
      method: 'bitcoin',
      wallet: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      amount: '1000',
    });
    success(response);
    assert.match(response.body, /"amount_in_currency":0\.00010888,"amount_currency":"BTC",/);
    assert.match(response.body, /"amount_rate":9000000,/);
  });

  it('a 400 for bitcoin priced beyond the money limit by a tiny stored rate', async () => {
    // `rates set` now refuses such a rate; one stored before that still loads.
    const { db } = server.services.store;
    await db
      .insertInto('rates')
      .values({ currency: 'BTC', rub_per_unit: '0.00000001', updated_at: '2024-01-01T00:00:00Z' })
      .execute();
    try {
      const before = await snapshot(server);
      const response = await postPayoff(server, {
        method: 'bitcoin',
        wallet: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
        amount: '1000',
      });
      const message = assertFail(response, 400);
      assert.equal(
        message,
        "Parameter 'amount' is too large for method bitcoin at the rate of " +
          "0.00000001 RUB per BTC: it comes to more than 1000000000 BTC, the ledger's limit.",
      );
      await assertUnchanged(server, before);
    } finally {
      await db.deleteFrom('rates').where('currency', '=', 'BTC').execute();
    }
  });

  it('my_id as "" when sent empty or as the literal undefined', async () => {
    for (const myId of ['', 'undefined']) {
      const response = await postPayoff(server, {
        method: 'qiwi',
        wallet: '79161234567',
        amount: '100',
        my_id: myId,
      });
      assert.equal(success(response).fields.my_id, '');
    }
  });

  it('mobile_ru with the operator under its alias phone_operator', async () => {
    const response = await postPayoff(server, {
      method: 'mobile_ru',
      wallet: '79161234567',
      amount: '100',
      phone_operator: 'mts_ru',
    });
    assert.equal(success(response).fields.method, 'mobile_ru');
  });

  it('sbp with a 12-digit bank id', async () => {
    const response = await postPayoff(server, {
      method: 'sbp',
      wallet: '79161234567',
      amount: '100',
      bank: '100000000111',
    });
    assert.equal(success(response).fields.amount_currency, 'RUB');
  });

  it('a parameter repeated with the same value', async () => {
    const response = await postPayoff(server, {
      method: 'qiwi',
      wallet: '79161234567',
      amount: ['150', '150'],
    });
    assert.equal(success(response).fields.amount_down, 150);
  });

  it('after moving amount_down from available to hold', async () => {
    const before = await merchantBalance(server);
    const response = await postPayoff(server, {
      method: 'cards_ru',
      wallet: '4111111111111111',
      amount: '1234.56',
      commission_type: '1',
    });
    const { fields } = success(response);
    // 3 % of 1234.56 is 37.0368 → 37.04, plus 50.
    assert.equal(fields.commission, 87.04);
    assert.equal(fields.amount_down, 1321.6);
    const now = await merchantBalance(server);
    assert.equal(now.available, before.available - 132160n);
    assert.equal(now.hold, before.hold + 132160n);
    await assertBooksBalance(server);
  });

  it('valid JSON even when a rate was set with leading zeros', async () => {
    await server.services.rates.set('USD', '095.50');
    const response = await postPayoff(server, {
      method: 'perfectmoney',
      wallet: 'U1234567',
      amount: '1000',
    });
    const { fields } = success(response);
    assert.equal(fields.amount_rate, 95.5);
    assert.match(response.body, /"amount_rate":95\.5,/);
  });
});
