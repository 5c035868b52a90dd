import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  attemptsOf,
  cardPayoff,
  eventOf,
  finishedJob,
  fundedMerchant,
  settledPayout,
  webhookTestScope,
} from '../support/webhook-fixtures.js';

const scope = webhookTestScope();

async function running(env: NodeJS.ProcessEnv = {}) {
  const services = await scope.services(env);
  services.deliveryWorker.start();
  return services;
}

/** The receiver's side of the signature check, written independently of the server. */
function verifySignatureHeader(header: string, body: string, secret: string): number {
  const pairs = header.split(',').map((part) => part.split('=') as [string, string]);
  const parts = Object.fromEntries(pairs);
  const timestamp = Number(parts.t);
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  assert.ok(given.length === expected.length && timingSafeEqual(given, expected), 'HMAC mismatch');
  return timestamp;
}

describe('the delivery worker', () => {
  it('sends each terminal event once, as a signed form POST the receiver can verify', async () => {
    const hook = await scope.receiver();
    const services = await running();
    const shop = await fundedMerchant(services, hook.url);
    const payout = await settledPayout(services, shop.merchantId, cardPayoff({ my_id: 'a-1' }));

    const job = await finishedJob(services, payout.id);
    const { event } = await eventOf(services, payout.id);
    assert.equal(job.state, 'delivered');
    assert.equal(hook.requests.length, 1);
    const [request] = hook.requests;
    assert.ok(request);
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/hook');
    assert.equal(request.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(request.headers['x-payoff-event-id'], event.id);
    assert.equal(request.body, event.body);

    const form = new URLSearchParams(request.body);
    const signed = `${form.get('id')}:${shop.webhookSecret}:${form.get('amount_down')}`;
    assert.equal(form.get('sign'), createHash('sha256').update(signed).digest('hex'));
    assert.equal(form.get('id'), payout.id);
    assert.equal(form.get('status'), 'success');
    const header = String(request.headers['x-payoff-signature']);
    const timestamp = verifySignatureHeader(header, request.body, shop.webhookSecret);
    assert.ok(Math.abs(Date.now() / 1000 - timestamp) < 60, 'timestamp is not current');

    const attempts = await attemptsOf(services, event.id);
    assert.equal(attempts.length, 1);
    assert.equal(attempts[0]?.outcome, 'delivered');
    assert.equal(Number(attempts[0]?.status_code), 200);
    assert.equal(attempts[0]?.next_attempt_at, null);
  });

  it('retries after 500 three times with the same event id and body, then delivers', async () => {
    const hook = await scope.receiver((index) => (index < 3 ? 500 : 200));
    const services = await running();
    const shop = await fundedMerchant(services, hook.url);
    const payout = await settledPayout(services, shop.merchantId);

    const job = await finishedJob(services, payout.id);
    assert.equal(job.state, 'delivered');
    assert.equal(hook.requests.length, 4);
    const { event } = await eventOf(services, payout.id);
    for (const request of hook.requests) {
      assert.equal(request.headers['x-payoff-event-id'], event.id);
      assert.equal(request.body, event.body);
    }
    const attempts = await attemptsOf(services, event.id);
    assert.deepEqual(
      attempts.map((a) => [Number(a.number), a.outcome, Number(a.status_code)]),
      [
        [1, 'rejected', 500],
        [2, 'rejected', 500],
        [3, 'rejected', 500],
        [4, 'delivered', 200],
      ],
    );
    assert.ok(attempts.slice(0, 3).every((a) => a.next_attempt_at !== null));
  });

  it('marks the job failed once the retries are used up', async () => {
    const hook = await scope.receiver(() => 503);
    const services = await running({ PAYOFF_WEBHOOK_RETRY_DELAYS_MS: '10,10' });
    const shop = await fundedMerchant(services, hook.url);
    const payout = await settledPayout(services, shop.merchantId, cardPayoff(), 'cancel');

    const job = await finishedJob(services, payout.id);
    assert.equal(job.state, 'failed');
    assert.equal(job.next_attempt_at, null);
    assert.equal(hook.requests.length, 3);
    const attempts = await attemptsOf(services, job.event_id);
    assert.equal(attempts.at(-1)?.next_attempt_at, null);
  });

  it('keeps delivering to other merchants while one receiver never answers', async () => {
    const stuck = await scope.receiver(() => 'hang');
    const quick = await scope.receiver();
    const services = await running({ PAYOFF_WEBHOOK_TOTAL_TIMEOUT_MS: '5000' });
    const slowShop = await fundedMerchant(services, stuck.url);
    const quickShop = await fundedMerchant(services, quick.url);
    for (let i = 0; i < 6; i += 1) await settledPayout(services, slowShop.merchantId);
    await stuck.waitForRequests(2);

    const startedMs = Date.now();
    const payout = await settledPayout(services, quickShop.merchantId);
    const job = await finishedJob(services, payout.id, 4000);
    assert.equal(job.state, 'delivered');
    assert.ok(Date.now() - startedMs < 2000, `took ${Date.now() - startedMs} ms`);
    assert.equal(stuck.requests.length, 2, 'more than the per-origin limit went to one origin');
  });

  it('records a timeout as a failed attempt and retries it', async () => {
    const hook = await scope.receiver((index) => (index === 0 ? 'hang' : 200));
    const services = await running({ PAYOFF_WEBHOOK_TOTAL_TIMEOUT_MS: '300' });
    const shop = await fundedMerchant(services, hook.url);
    const payout = await settledPayout(services, shop.merchantId);

    const job = await finishedJob(services, payout.id);
    const attempts = await attemptsOf(services, job.event_id);
    assert.equal(job.state, 'delivered');
    assert.equal(attempts[0]?.outcome, 'error');
    assert.match(attempts[0]?.reason ?? '', /timeout/);
  });
});
