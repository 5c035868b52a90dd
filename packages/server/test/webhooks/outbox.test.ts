import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Services } from '../../src/app/services.js';
import { getBalance } from '../../src/ledger/balances.js';
import { PayoutService } from '../../src/payouts/payout-service.js';
import { formatWireDate } from '../../src/wire/wire-date.js';
import {
  cardPayoff,
  eventOf,
  fundedMerchant,
  settledPayout,
  webhookTestServices,
  type FundedMerchant,
} from '../support/webhook-fixtures.js';

const fieldOrder = [
  'id',
  'my_id',
  'method',
  'bank',
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
  'sign',
];

function expectedSign(id: string, secret: string, amountDown: string): string {
  return createHash('sha256').update(`${id}:${secret}:${amountDown}`).digest('hex');
}

describe('the webhook outbox', () => {
  let services: Services;
  let shop: FundedMerchant;

  before(async () => {
    services = await webhookTestServices();
    shop = await fundedMerchant(services, 'https://shop.example/payoff-hook');
  });
  after(() => services.store.close());

  it('writes the body of a settled RUB payout with every field, in order, signed', async () => {
    const payout = await settledPayout(services, shop.merchantId, cardPayoff({ my_id: 'order 7' }));
    const { event } = await eventOf(services, payout.id);
    const form = new URLSearchParams(event.body);

    assert.deepEqual([...form.keys()], fieldOrder);
    assert.deepEqual(Object.fromEntries(form), {
      id: payout.id,
      my_id: 'order 7',
      method: 'cards_ru',
      bank: '',
      wallet: '4111111111111111',
      amount: '435.00',
      amount_in_currency: '435.00',
      amount_currency: 'RUB',
      amount_rate: '1',
      amount_down: '500.00',
      commission: '65.00',
      commission_type: '0',
      status: 'success',
      cancel_message: '',
      date: formatWireDate(payout.createdAt, 'UTC'),
      complete_date: formatWireDate(payout.completedAt ?? '', 'UTC'),
      sign: expectedSign(payout.id, shop.webhookSecret, '500.00'),
    });
    assert.match(form.get('date') ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.equal(event.status, 'success');
  });

  it('writes crypto amounts at their currency scale and the rate used', async () => {
    const usdt = await settledPayout(services, shop.merchantId, {
      method: 'tether_trc20',
      wallet: 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7',
      amount: '500',
    });
    const btc = await settledPayout(services, shop.merchantId, {
      method: 'bitcoin',
      wallet: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      amount: '1000',
    });
    const usdtForm = new URLSearchParams((await eventOf(services, usdt.id)).event.body);
    const btcForm = new URLSearchParams((await eventOf(services, btc.id)).event.body);

    assert.equal(usdtForm.get('amount_in_currency'), '5.00');
    assert.equal(usdtForm.get('amount_currency'), 'USDT');
    assert.equal(usdtForm.get('amount_rate'), '96.92');
    assert.equal(usdtForm.get('amount'), '485.00');
    assert.equal(btcForm.get('amount_in_currency'), '0.00010888');
    assert.equal(btcForm.get('amount_rate'), '9000000');
  });

  it('names the SBP bank and carries the cancel message of a cancelled payout', async () => {
    const payout = await settledPayout(
      services,
      shop.merchantId,
      {
        method: 'sbp',
        wallet: '79001234567',
        bank: '100000000111',
        amount: '500',
      },
      'cancel',
    );
    const { event } = await eventOf(services, payout.id);
    const form = new URLSearchParams(event.body);

    const sberbank = services.config.sbpBanks.find((bank) => bank.bankId === '100000000111');
    assert.equal(form.get('bank'), sberbank?.bankName);
    assert.match(event.body, /&bank=%D0%A1/, 'the name is sent as UTF-8');
    assert.equal(form.get('status'), 'cancel');
    assert.equal(form.get('cancel_message'), 'Declined by the test.');
    assert.equal(form.get('commission'), '7.50');
  });

  it('renders dates in the configured display time zone', async () => {
    const moscow = await webhookTestServices({ PAYOFF_TIMEZONE: 'Europe/Moscow' });
    const { merchantId } = await fundedMerchant(moscow);
    const payout = await settledPayout(moscow, merchantId);
    const form = new URLSearchParams((await eventOf(moscow, payout.id)).event.body);
    await moscow.store.close();
    assert.equal(form.get('date'), formatWireDate(payout.createdAt, 'Europe/Moscow'));
    assert.notEqual(form.get('date'), formatWireDate(payout.createdAt, 'UTC'));
  });

  it('writes exactly one event per payout, however often it is settled', async () => {
    const payout = await settledPayout(services, shop.merchantId);
    await services.payouts.settle(payout.id, 'cancel', 'too late');
    await services.payouts.settle(payout.id, 'success');
    const events = await services.store.db
      .selectFrom('webhook_events')
      .select('id')
      .where('payout_id', '=', payout.id)
      .execute();
    assert.equal(events.length, 1);
  });

  it('refuses a second event for the same payout in the database itself', async () => {
    const payout = await settledPayout(services, shop.merchantId);
    const { event } = await eventOf(services, payout.id);
    await assert.rejects(
      services.store.db
        .insertInto('webhook_events')
        .values({ ...event, id: 'another' })
        .execute(),
      (error) => services.store.isUniqueViolation(error),
    );
  });

  it("queues the payout's webhook_url over the merchant's URL", async () => {
    const own = await settledPayout(
      services,
      shop.merchantId,
      cardPayoff({
        webhook_url: 'https://other.example:8443/hook?x=1',
      }),
    );
    const fallback = await settledPayout(services, shop.merchantId);
    const { job: ownJob } = await eventOf(services, own.id);
    const { job: fallbackJob } = await eventOf(services, fallback.id);

    assert.equal(ownJob?.url, 'https://other.example:8443/hook?x=1');
    assert.equal(ownJob?.origin, 'https://other.example:8443');
    assert.equal(ownJob?.state, 'pending');
    assert.equal(fallbackJob?.url, 'https://shop.example/payoff-hook');
  });

  it('keeps the event but queues no job when there is no URL at all', async () => {
    const bare = await fundedMerchant(services);
    const payout = await settledPayout(services, bare.merchantId);
    const { event, job } = await eventOf(services, payout.id);
    assert.equal(event.payout_id, payout.id);
    assert.equal(job, undefined);
  });

  it('keeps the payout in process and its money held if the event cannot be written', async () => {
    const failing = new PayoutService({
      store: services.store,
      catalogue: services.catalogue,
      rates: services.rates,
      sbpBanks: services.config.sbpBanks,
      rails: new Map([['sandbox', services.sandbox]]),
      outbox: {
        write: async () => {
          throw new Error('outbox is down');
        },
      } as never,
      logger: services.logger,
    });
    const { payout } = await services.payouts.create(shop.merchantId, cardPayoff());
    const holdBefore = (await getBalance(services.store.db, shop.merchantId)).hold;

    await assert.rejects(failing.settle(payout.id, 'success'), /outbox is down/);
    assert.equal((await services.payouts.get(payout.id)).status, 'in_process');
    assert.equal((await getBalance(services.store.db, shop.merchantId)).hold, holdBefore);
  });
});
