import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  sberbank,
  startCompatServer,
  wallets,
  type CompatServer,
} from '../support/compat-server.js';

const infoKeys = [
  'type',
  'id',
  'my_id',
  'method',
  'bank',
  'phone_operator',
  'wallet',
  'amount',
  'amount_in_currency',
  'amount_currency',
  'amount_rate',
  'amount_down',
  'commission',
  'commission_type',
  'status',
  'cancel_message',
  'date',
  'complete_date',
];

describe('info-payoff', () => {
  let server: CompatServer;
  let sbpId: string;
  let mobileId: string;

  before(async () => {
    server = await startCompatServer();
    const sbp = await server.postForm('/api/create-payoff', {
      method: 'sbp',
      bank: sberbank.bankId,
      wallet: wallets.phone,
      amount: '1000',
      my_id: 'sbp-1',
    });
    const mobile = await server.postForm('/api/create-payoff', {
      method: 'mobile_ru',
      phone_operator: 'tele2',
      wallet: wallets.phone,
      amount: '150',
      my_id: 'mobile-1',
    });
    assert.equal(sbp.statusCode, 200, sbp.body);
    assert.equal(mobile.statusCode, 200, mobile.body);
    sbpId = sbp.json().id;
    mobileId = mobile.json().id;
  });
  after(() => server.close());

  it('answers with exactly the contract fields, null where they do not apply yet', async () => {
    const body = (await server.postForm('/api/info-payoff', { id: sbpId })).json();
    assert.deepEqual(Object.keys(body), infoKeys);
    assert.equal(body.type, 'success');
    assert.equal(body.status, 'in_process');
    assert.equal(body.cancel_message, null);
    assert.equal(body.complete_date, null);
    assert.match(body.date, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('names the SBP bank and leaves phone_operator empty for an sbp payout', async () => {
    const body = (await server.postForm('/api/info-payoff', { my_id: 'sbp-1' })).json();
    assert.equal(body.id, sbpId);
    assert.equal(body.bank, sberbank.bankName);
    assert.equal(body.phone_operator, '');
  });

  it('gives the operator code and leaves bank empty for a mobile_ru payout', async () => {
    const byId = (await server.postForm('/api/info-payoff', { id: mobileId })).json();
    const byMyId = (await server.postForm('/api/info-payoff', { my_id: 'mobile-1' })).json();
    assert.deepEqual(byId, byMyId);
    assert.equal(byId.phone_operator, 'tele2');
    assert.equal(byId.bank, '');
  });

  it('renders RUB money as numbers, with amount_rate 1', async () => {
    const body = (await server.postForm('/api/info-payoff', { id: sbpId })).json();
    assert.deepEqual(
      [body.amount, body.amount_in_currency, body.amount_rate, body.amount_down, body.commission],
      [985, 985, 1, 1000, 15],
    );
    assert.equal(body.amount_currency, 'RUB');
    assert.equal(body.commission_type, 0);
  });

  it('gives a crypto payout its rate and its amount in currency', async () => {
    const created = await server.postForm('/api/create-payoff', {
      method: 'tether_trc20',
      wallet: wallets.tron,
      amount: '500',
      commission_type: '1',
    });
    const body = (await server.postForm('/api/info-payoff', { id: created.json().id })).json();
    assert.equal(body.amount_currency, 'USDT');
    assert.equal(body.amount_rate, 96.92);
    assert.equal(body.amount_in_currency, 5.15);
    assert.equal(body.amount_down, 515);
    assert.equal(body.commission_type, 1);
    assert.equal(body.my_id, '');
  });

  it('shows the cancel message and the completion date once a payout is cancelled', async () => {
    const created = await server.postForm('/api/create-payoff', {
      method: 'qiwi',
      wallet: wallets.phone,
      amount: '100',
      my_id: 'to-cancel',
    });
    await server.services.payouts.settle(created.json().id, 'cancel', 'Recipient unknown.');
    const body = (await server.postForm('/api/info-payoff', { my_id: 'to-cancel' })).json();
    assert.equal(body.status, 'cancel');
    assert.equal(body.cancel_message, 'Recipient unknown.');
    assert.match(body.complete_date, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('looks up by id when both id and my_id are given', async () => {
    const both = { id: sbpId, my_id: 'mobile-1' };
    const body = (await server.postForm('/api/info-payoff', both)).json();
    assert.equal(body.id, sbpId);
  });

  it('answers 400 naming both parameters when neither is given', async () => {
    const response = await server.postForm('/api/info-payoff', {});
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), {
      type: 'fail',
      code: '400',
      message: "Parameter 'id' or 'my_id' is required.",
    });
  });

  it('answers 400 not found for an unknown id or my_id', async () => {
    const lookups: Record<string, string>[] = [
      { id: '00000000-0000-4000-8000-000000000000' },
      { my_id: 'nope' },
    ];
    for (const params of lookups) {
      const response = await server.postForm('/api/info-payoff', params);
      assert.equal(response.statusCode, 400);
      assert.match(response.json().message, /not found/);
    }
  });

  it("does not show another merchant's payout, by id or by my_id", async () => {
    const otherKey = await server.otherMerchantKey();
    const lookups: Record<string, string>[] = [{ id: sbpId }, { my_id: 'sbp-1' }];
    for (const params of lookups) {
      const response = await server.inject({
        method: 'GET',
        url: `/api/info-payoff?${new URLSearchParams(params)}`,
        headers: { 'x-api-key': otherKey },
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().message, /not found/);
    }
  });
});

describe('info-payoff dates', () => {
  it('renders date in the configured display time zone', async () => {
    const server = await startCompatServer({ fileConfig: { displayTimeZone: 'Asia/Vladivostok' } });
    try {
      const created = await server.postForm('/api/create-payoff', {
        method: 'qiwi',
        wallet: wallets.phone,
        amount: '100',
      });
      const stored = await server.services.payouts.get(created.json().id);
      const body = (await server.postForm('/api/info-payoff', { id: stored.id })).json();
      const shifted = new Date(Date.parse(stored.createdAt) + 10 * 3600_000);
      const expected = shifted.toISOString().slice(0, 19).replace('T', ' ');
      assert.equal(body.date, expected);
    } finally {
      await server.close();
    }
  });
});
