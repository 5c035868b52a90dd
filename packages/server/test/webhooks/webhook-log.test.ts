import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setPayoffWebhookUrl } from '../../src/merchants/webhook-settings.js';
import { getWebhook, listWebhooks, resendWebhook } from '../../src/webhooks/webhook-log.js';
import {
  finishedJob,
  fundedMerchant,
  settledPayout,
  waitFor,
  webhookTestScope,
} from '../support/webhook-fixtures.js';

const scope = webhookTestScope();

describe('webhook list and show', () => {
  it("list each payout's webhook with its state, newest first, filtered on request", async () => {
    const s = await scope.services();
    const withUrl = await fundedMerchant(s, 'https://shop.example/hook');
    const withoutUrl = await fundedMerchant(s);
    const queued = await settledPayout(s, withUrl.merchantId);
    const bare = await settledPayout(s, withoutUrl.merchantId, undefined, 'cancel');

    const all = await listWebhooks(s.store.db, { limit: 10 });
    assert.deepEqual(
      all.map((w) => [w.payoutId, w.payoutStatus, w.state, w.url]),
      [
        [bare.id, 'cancel', 'unqueued', null],
        [queued.id, 'success', 'pending', 'https://shop.example/hook'],
      ],
    );
    const pending = await listWebhooks(s.store.db, { state: 'pending', limit: 10 });
    assert.deepEqual(
      pending.map((w) => w.payoutId),
      [queued.id],
    );
    const ofMerchant = await listWebhooks(s.store.db, {
      merchantId: withoutUrl.merchantId,
      limit: 10,
    });
    assert.deepEqual(
      ofMerchant.map((w) => w.payoutId),
      [bare.id],
    );
  });

  it('show for each attempt its time, status code or error, duration, next retry', async () => {
    const hook = await scope.receiver((index) => (index === 0 ? 500 : 200));
    const s = await scope.services();
    const shop = await fundedMerchant(s, hook.url);
    const payout = await settledPayout(s, shop.merchantId);
    s.deliveryWorker.start();
    await finishedJob(s, payout.id);

    const shown = await getWebhook(s.store.db, payout.id);
    assert.equal(shown.state, 'delivered');
    assert.equal(shown.body, hook.requests[0]?.body);
    assert.deepEqual(
      shown.attempts.map((a) => [a.number, a.outcome, a.statusCode]),
      [
        [1, 'rejected', 500],
        [2, 'delivered', 200],
      ],
    );
    assert.ok(shown.attempts[0]?.nextAttemptAt);
    assert.equal(shown.attempts[1]?.nextAttemptAt, null);
    assert.ok(shown.attempts.every((a) => a.durationMs >= 0 && a.startedAt.endsWith('Z')));
    assert.deepEqual(await getWebhook(s.store.db, shown.eventId), shown);
  });

  it('say when a payout has no webhook event yet', async () => {
    const s = await scope.services();
    await assert.rejects(getWebhook(s.store.db, 'no-such-payout'), { code: 'not_found' });
  });
});

describe('webhook resend', () => {
  it('sends a failed webhook again with the same event id and body', async () => {
    let healthy = false;
    const hook = await scope.receiver(() => (healthy ? 200 : 500));
    const s = await scope.services({ PAYOFF_WEBHOOK_RETRY_DELAYS_MS: 'none' });
    const shop = await fundedMerchant(s, hook.url);
    const payout = await settledPayout(s, shop.merchantId);
    s.deliveryWorker.start();
    assert.equal((await finishedJob(s, payout.id)).state, 'failed');

    healthy = true;
    const queued = await resendWebhook(s.store, payout.id);
    assert.equal(queued.state, 'pending');
    await waitFor(
      async () => (await getWebhook(s.store.db, payout.id)).state === 'delivered',
      5000,
      'the resent webhook',
    );
    const [first, second] = hook.requests;
    assert.equal(hook.requests.length, 2);
    assert.equal(second?.headers['x-payoff-event-id'], first?.headers['x-payoff-event-id']);
    assert.equal(second?.body, first?.body);
    assert.equal((await getWebhook(s.store.db, payout.id)).attempts.length, 2);
  });

  it("queues an event that had no URL to the merchant's URL set since", async () => {
    const s = await scope.services();
    const shop = await fundedMerchant(s);
    const payout = await settledPayout(s, shop.merchantId);
    await assert.rejects(resendWebhook(s.store, payout.id), /no webhook URL/);

    await setPayoffWebhookUrl(s.store, shop.merchantId, 'https://shop.example/late-hook');
    const queued = await resendWebhook(s.store, payout.id);
    assert.equal(queued.state, 'pending');
    assert.equal(queued.url, 'https://shop.example/late-hook');
  });

  it('refuses while an attempt is in flight', async () => {
    const s = await scope.services();
    const shop = await fundedMerchant(s, 'https://shop.example/hook');
    const payout = await settledPayout(s, shop.merchantId);
    const future = new Date(Date.now() + 60_000).toISOString();
    await s.store.db
      .updateTable('webhook_jobs')
      .set({ lease_owner: 'other', lease_until: future })
      .execute();
    await assert.rejects(resendWebhook(s.store, payout.id), /in flight/);
  });
});
