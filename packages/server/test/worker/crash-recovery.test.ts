import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildServices } from '../../src/app/services.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { createApiKey } from '../../src/merchants/api-keys.js';
import {
  attemptsOf,
  eventOf,
  fundedMerchant,
  spawnPayoff,
  startReceiver,
} from '../support/webhook-fixtures.js';

const dataDir = mkdtempSync(join(tmpdir(), 'payoff-crash-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const env = {
  PAYOFF_SANDBOX_DELAY_MS: '0',
  PAYOFF_SANDBOX_POLL_MS: '20',
  PAYOFF_WEBHOOK_POLL_MS: '20',
  PAYOFF_WEBHOOK_RETRY_DELAYS_MS: '1500',
};

async function openStore() {
  return buildServices(loadConfig({}, { dataDir }), createLogger('silent'));
}

describe('a server killed between two delivery attempts', () => {
  it('resumes the delivery after a restart and completes it with the same event', async () => {
    const hook = await startReceiver((index) => (index === 0 ? 500 : 200));
    const setup = await openStore();
    const shop = await fundedMerchant(setup, hook.url);
    const { key } = await createApiKey(setup.store, shop.merchantId);
    await setup.store.close();
    const serve = ['serve', '--data-dir', dataDir, '--port', '0'];

    const first = spawnPayoff(serve, env);
    const { url } = await first.waitForLog((line) => line.msg === 'payoff server listening');
    const response = await fetch(`${String(url)}/api/create-payoff`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'method=cards_ru&wallet=4111111111111111&amount=500&my_id=crash-1',
    });
    const { id: payoutId } = (await response.json()) as { id: string };
    await first.waitForLog(
      (line) => line.msg === 'webhook attempt failed; will retry' && line.payoutId === payoutId,
    );
    await first.stop('SIGKILL');
    assert.equal(hook.requests.length, 1);

    const second = spawnPayoff(serve, env);
    await second.waitForLog(
      (line) => line.msg === 'webhook delivered' && line.payoutId === payoutId,
    );
    await second.stop('SIGTERM');
    await hook.close();

    const check = await openStore();
    const { event, job } = await eventOf(check, payoutId);
    const attempts = await attemptsOf(check, event.id);
    await check.store.close();
    assert.equal(job?.state, 'delivered');
    assert.deepEqual(
      attempts.map((a) => [Number(a.number), a.outcome]),
      [
        [1, 'rejected'],
        [2, 'delivered'],
      ],
    );
    assert.equal(hook.requests.length, 2);
    for (const request of hook.requests) {
      assert.equal(request.headers['x-payoff-event-id'], event.id);
      assert.equal(request.body, event.body);
    }
  });
});
