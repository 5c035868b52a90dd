import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultMethods } from '../../src/config/defaults.js';
import { defaultSbpBanks } from '../../src/methods/sbp-banks.js';
import { startCompatServer, wallets, type CompatServer } from '../support/compat-server.js';

describe('methods-payoff, rates-payoff, sbp-banks-payoff and balance', () => {
  let server: CompatServer;

  before(async () => {
    server = await startCompatServer({ balanceRub: '10000.50' });
  });
  after(() => server.close());

  it('lists every enabled method keyed by code, limits and commissions as numbers', async () => {
    const body = (await server.inject({ method: 'GET', url: '/api/methods-payoff' })).json();
    assert.deepEqual(Object.keys(body), ['type', 'list']);
    assert.deepEqual(Object.keys(body.list), Object.keys(defaultMethods));
    assert.deepEqual(body.list.sbp, {
      name: 'SBP (Faster Payments System)',
      min: 100,
      max: 300000,
      commission_percent: 1.5,
      commission_sum: 0,
    });
    assert.equal(body.list.cards_ru.commission_sum, 50);
  });

  it('answers rates with exactly type, USD, UAH, USDT and BTC, as numbers', async () => {
    const response = await server.inject({ method: 'POST', url: '/api/rates-payoff' });
    const expected = '{"type":"success","USD":95.5,"UAH":2.3,"USDT":96.92,"BTC":9000000}';
    assert.equal(response.body, expected);
  });

  it('answers a rate set by the operator, in its shortest exact form', async () => {
    await server.services.rates.set('USD', '0101.2500');
    const body = (await server.inject({ method: 'GET', url: '/api/rates-payoff' })).json();
    assert.equal(body.USD, 101.25);
    await server.services.rates.set('USD', '95.50');
  });

  it('lists SBP banks with bankId as a string of digits, bankName and bankIcon', async () => {
    const body = (await server.inject({ method: 'GET', url: '/api/sbp-banks-payoff' })).json();
    assert.deepEqual(Object.keys(body), ['type', 'list']);
    assert.equal(body.list.length, defaultSbpBanks.length);
    for (const bank of body.list) {
      assert.deepEqual(Object.keys(bank), ['bankId', 'bankName', 'bankIcon']);
      assert.match(bank.bankId, /^\d{12}$/);
      assert.match(bank.bankIcon, /^https:\/\//);
    }
  });

  it('answers balance with exactly type, balance, referral and hold, in RUB', async () => {
    const before = await server.inject({ method: 'GET', url: '/api/balance' });
    assert.equal(before.body, '{"type":"success","balance":10000.5,"referral":0,"hold":0}');

    await server.postForm('/api/create-payoff', {
      method: 'qiwi',
      wallet: wallets.phone,
      amount: '100.25',
    });
    const after = (await server.inject({ method: 'POST', url: '/api/balance' })).json();
    assert.deepEqual(after, { type: 'success', balance: 9900.25, referral: 0, hold: 100.25 });
  });

  it('gives a merchant only its own balance', async () => {
    const otherKey = await server.otherMerchantKey();
    const headers = { 'x-api-key': otherKey };
    const body = (await server.inject({ method: 'GET', url: '/api/balance', headers })).json();
    assert.equal(body.balance, 10000.5);
    assert.equal(body.hold, 0);
  });
});

describe('methods-payoff with methods disabled in the config', () => {
  it('leaves disabled methods out of the list', async () => {
    const fileConfig = { methods: { qiwi: { enabled: false } } };
    const server = await startCompatServer({ fileConfig });
    try {
      const body = (await server.inject({ method: 'GET', url: '/api/methods-payoff' })).json();
      assert.equal(body.list.qiwi, undefined);
      assert.ok(body.list.sbp);
    } finally {
      await server.close();
    }
  });

  it('answers an empty list as {} and never []', async () => {
    const methods = Object.fromEntries(
      Object.keys(defaultMethods).map((code) => [code, { enabled: false }]),
    );
    const server = await startCompatServer({ fileConfig: { methods } });
    try {
      const response = await server.inject({ method: 'GET', url: '/api/methods-payoff' });
      assert.equal(response.body, '{"type":"success","list":{}}');
    } finally {
      await server.close();
    }
  });
});

describe('public/ips', () => {
  it('lists the configured webhook addresses without a key', async () => {
    const fileConfig = { webhookIps: ['203.0.113.10', '2001:db8::10'] };
    const server = await startCompatServer({ fileConfig });
    try {
      const response = await server.app.inject({ method: 'GET', url: '/api/public/ips' });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), {
        type: 'success',
        list: ['203.0.113.10', '2001:db8::10'],
      });
    } finally {
      await server.close();
    }
  });

  it('ignores a key that is sent, even an invalid one', async () => {
    const server = await startCompatServer();
    try {
      for (const key of [server.key, 'not-a-key']) {
        const response = await server.inject({
          method: 'POST',
          url: '/api/public/ips',
          headers: { 'x-api-key': key },
        });
        assert.equal(response.statusCode, 200);
        assert.deepEqual(response.json(), { type: 'success', list: [] });
      }
    } finally {
      await server.close();
    }
  });
});
