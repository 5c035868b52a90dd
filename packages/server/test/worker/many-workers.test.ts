import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildServices } from '../../src/app/services.js';
import { loadConfig } from '../../src/config/config.js';
import { creditMerchant } from '../../src/ledger/balances.js';
import { createLogger } from '../../src/logging/logger.js';
import {
  cardPayoff,
  fundedMerchant,
  spawnPayoff,
  startReceiver,
  waitFor,
} from '../support/webhook-fixtures.js';

const dataDir = mkdtempSync(join(tmpdir(), 'payoff-workers-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const payoutCount = 1000;

describe('two worker processes sharing one database', () => {
  it('deliver 1,000 payouts settled together exactly once each', async () => {
    const hook = await startReceiver();
    const config = loadConfig({ PAYOFF_SANDBOX_DELAY_MS: '0' }, { dataDir });
    const services = await buildServices(config, createLogger('silent'));
    const shop = await fundedMerchant(services, hook.url);
    await creditMerchant(services.store, shop.merchantId, 100_000_000n);
    for (let i = 0; i < payoutCount; i += 1) {
      await services.payouts.create(shop.merchantId, cardPayoff({ my_id: `bulk-${i}` }));
    }

    // The sandbox rail of a server without a worker settles them all at once; the
    // receiver lives here, so this process stays idle and answers at once.
    const env = { PAYOFF_WEBHOOK_POLL_MS: '20', PAYOFF_SANDBOX_POLL_MS: '20' };
    const workers = [1, 2].map(() => spawnPayoff(['worker', '--data-dir', dataDir], env));
    await Promise.all(
      workers.map((worker) =>
        worker.waitForLog((line) => line.msg === 'payoff webhook worker started'),
      ),
    );
    const server = spawnPayoff(
      ['serve', '--no-worker', '--no-demo', '--data-dir', dataDir, '--port', '0'],
      env,
    );

    const delivered = () =>
      services.store.db
        .selectFrom('webhook_jobs')
        .select((eb) => eb.fn.countAll<bigint>().as('count'))
        .where('state', '=', 'delivered')
        .executeTakeFirstOrThrow();
    await waitFor(
      async () => Number((await delivered()).count) === payoutCount,
      60_000,
      'every webhook to be delivered',
    );
    await Promise.all([server, ...workers].map((child) => child.stop('SIGTERM')));
    const attempts = await services.store.db
      .selectFrom('webhook_attempts')
      .select('outcome')
      .execute();
    await services.store.close();
    await hook.close();

    const eventIds = hook.requests.map((request) => request.headers['x-payoff-event-id']);
    assert.equal(hook.requests.length, payoutCount);
    assert.equal(new Set(eventIds).size, payoutCount);
    assert.equal(attempts.length, payoutCount);
    assert.ok(attempts.every((attempt) => attempt.outcome === 'delivered'));
    const perWorker = workers.map(
      (worker) => worker.logs.filter((line) => line.msg === 'webhook delivered').length,
    );
    assert.equal(perWorker[0]! + perWorker[1]!, payoutCount);
    assert.ok(
      perWorker.every((count) => count > 0),
      `deliveries per worker: ${perWorker}`,
    );
  });
});
