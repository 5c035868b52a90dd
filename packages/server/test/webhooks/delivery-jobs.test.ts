import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Services } from '../../src/app/services.js';
import {
  claimDueJobs,
  recordAttempt,
  type ClaimRequest,
} from '../../src/webhooks/delivery-jobs.js';
import { retryDelayMs } from '../../src/webhooks/retry-schedule.js';
import {
  cardPayoff,
  eventOf,
  fundedMerchant,
  settledPayout,
  webhookTestServices,
} from '../support/webhook-fixtures.js';

function claimRequest(owner: string, now: Date, overrides: Partial<ClaimRequest> = {}) {
  return {
    owner,
    now,
    leaseMs: 60_000,
    limit: 10,
    inFlightByOrigin: new Map(),
    originLimit: 2,
    inFlightByMerchant: new Map(),
    merchantLimit: 100,
    ...overrides,
  };
}

describe('claiming delivery jobs', () => {
  let services: Services;
  let merchantId: string;

  before(async () => {
    services = await webhookTestServices();
    ({ merchantId } = await fundedMerchant(services, 'https://a.example/hook'));
  });
  after(() => services.store.close());

  async function freshJob(url = 'https://a.example/hook') {
    await services.store.db.updateTable('webhook_jobs').set({ state: 'delivered' }).execute();
    const payout = await settledPayout(services, merchantId, cardPayoff({ webhook_url: url }));
    return (await eventOf(services, payout.id)).event.id;
  }
  it("never claims more of one merchant's jobs than the merchant limit", async () => {
    await services.store.db.updateTable('webhook_jobs').set({ state: 'delivered' }).execute();
    for (const host of ['m1', 'm2', 'm3']) {
      await settledPayout(
        services,
        merchantId,
        cardPayoff({ webhook_url: `https://${host}.example/` }),
      );
    }
    const first = await claimDueJobs(
      services.store,
      claimRequest('w1', new Date(), { merchantLimit: 2 }),
    );
    assert.equal(first.length, 2, 'two slots for the merchant, though three origins are free');
    assert.ok(first.every((job) => job.merchantId === merchantId));

    const busy = new Map([[merchantId, 2]]);
    const none = await claimDueJobs(
      services.store,
      claimRequest('w1', new Date(), { merchantLimit: 2, inFlightByMerchant: busy }),
    );
    assert.equal(none.length, 0, 'the merchant is at its limit in this worker');
  });

  it('leases a due job to one worker; another gets nothing until the lease ends', async () => {
    const eventId = await freshJob();
    const now = new Date(Date.now() + 1000);
    const first = await claimDueJobs(services.store, claimRequest('w1', now));
    const second = await claimDueJobs(services.store, claimRequest('w2', now));
    assert.deepEqual(
      first.map((job) => [job.eventId, job.attemptNumber]),
      [[eventId, 1]],
    );
    assert.deepEqual(second, []);

    const afterLease = new Date(now.getTime() + 60_001);
    const retaken = await claimDueJobs(services.store, claimRequest('w2', afterLease));
    assert.deepEqual(
      retaken.map((job) => [job.eventId, job.attemptNumber]),
      [[eventId, 2]],
    );
  });

  it('hands out the body, the payout and the current secret with the job', async () => {
    const eventId = await freshJob();
    const now = new Date(Date.now() + 1000);
    const [job] = await claimDueJobs(services.store, claimRequest('w1', now));
    const event = await services.store.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('id', '=', eventId)
      .executeTakeFirstOrThrow();
    assert.equal(job?.body, event.body);
    assert.equal(job?.payoutId, event.payout_id);
    assert.match(job?.secret ?? '', /^[0-9a-f]{64}$/);
  });

  it('takes no job of an origin that already has its limit in flight', async () => {
    await freshJob('https://busy.example/hook');
    const now = new Date(Date.now() + 1000);
    const inFlightByOrigin = new Map([['https://busy.example', 2]]);
    const none = await claimDueJobs(services.store, claimRequest('w1', now, { inFlightByOrigin }));
    assert.deepEqual(none, []);
    const one = await claimDueJobs(
      services.store,
      claimRequest('w1', now, {
        inFlightByOrigin: new Map([['https://busy.example', 1]]),
      }),
    );
    assert.equal(one.length, 1);
  });

  it('never claims more jobs of one origin at once than its limit', async () => {
    await services.store.db.updateTable('webhook_jobs').set({ state: 'delivered' }).execute();
    for (let i = 0; i < 5; i += 1) await settledPayout(services, merchantId);
    const now = new Date(Date.now() + 1000);
    const claimed = await claimDueJobs(services.store, claimRequest('w1', now));
    assert.equal(claimed.length, 2);
  });

  it('leaves the job alone when the worker recording an attempt lost its lease', async () => {
    const eventId = await freshJob();
    const now = new Date(Date.now() + 1000);
    const [stale] = await claimDueJobs(services.store, claimRequest('w1', now));
    const later = new Date(now.getTime() + 60_001);
    const [fresh] = await claimDueJobs(services.store, claimRequest('w2', later));
    assert.ok(stale && fresh);

    const kept = await recordAttempt(services.store, {
      job: stale,
      owner: 'w1',
      startedAt: now,
      reason: null,
      nextAttemptAt: null,
      result: { outcome: 'delivered', statusCode: 200, durationMs: 5 },
    });
    const { job } = await eventOf(services, stale.payoutId);
    assert.equal(kept, false);
    assert.equal(job?.state, 'pending');
    assert.equal(job?.lease_owner, 'w2');
    const attempts = await services.store.db
      .selectFrom('webhook_attempts')
      .selectAll()
      .where('event_id', '=', eventId)
      .execute();
    assert.equal(attempts.length, 1);
  });
});

describe('retryDelayMs', () => {
  const schedule = { delaysMs: [1000, 60_000], jitterPercent: 20 };

  it('moves each delay by at most the jitter, either way', () => {
    assert.equal(
      retryDelayMs(schedule, 0, () => 0),
      800,
    );
    assert.equal(
      retryDelayMs(schedule, 0, () => 0.5),
      1000,
    );
    assert.equal(
      retryDelayMs(schedule, 1, () => 0.9),
      69_600,
    );
  });

  it('is null once the schedule is used up', () => {
    assert.equal(retryDelayMs(schedule, 2), null);
    assert.equal(retryDelayMs({ delaysMs: [], jitterPercent: 20 }, 0), null);
  });
});
