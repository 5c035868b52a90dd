import dns from 'node:dns';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Services } from '../../src/app/services.js';
import { DeliveryWorker } from '../../src/webhooks/delivery-worker.js';
import {
  attemptsOf,
  cardPayoff,
  finishedJob,
  fundedMerchant,
  settledPayout,
  webhookTestScope,
} from '../support/webhook-fixtures.js';

/** Test DNS: these names resolve to 127.0.0.1; any other goes to the real resolver. */
const testNames = ['hooks.shop.test', 'allowed.shop.test'];
const fakeLookup = ((hostname: string, options: dns.LookupAllOptions, callback: Function) => {
  if (!testNames.includes(hostname)) return dns.lookup(hostname, options, callback as never);
  process.nextTick(() => callback(null, [{ address: '127.0.0.1', family: 4 }]));
}) as unknown as typeof dns.lookup;

const scope = webhookTestScope();

/** A worker with production settings (no loopback exception), one attempt, test DNS. */
async function productionWorker(env: NodeJS.ProcessEnv = {}): Promise<Services> {
  const services = await scope.services({
    PAYOFF_MODE: 'production',
    PAYOFF_WEBHOOK_RETRY_DELAYS_MS: 'none',
    ...env,
  });
  const worker = new DeliveryWorker({
    store: services.store,
    logger: services.logger,
    settings: services.config,
    lookup: fakeLookup,
  });
  worker.start();
  scope.defer(() => worker.stop());
  return services;
}

async function deliverOnce(services: Services, webhookUrl: string) {
  const { merchantId } = await fundedMerchant(services);
  const payout = await settledPayout(services, merchantId, cardPayoff({ webhook_url: webhookUrl }));
  const job = await finishedJob(services, payout.id);
  const [attempt, ...more] = await attemptsOf(services, job.event_id);
  assert.equal(more.length, 0);
  assert.ok(attempt);
  return { job, attempt };
}

describe('webhook targets without an allow-list entry', () => {
  it('never connects to a loopback address given directly, and records the refusal', async () => {
    const target = await scope.receiver();
    const services = await productionWorker();
    const { job, attempt } = await deliverOnce(services, `http://127.0.0.1:${target.port}/hook`);

    assert.equal(job.state, 'failed');
    assert.equal(attempt.outcome, 'refused');
    assert.match(attempt.reason ?? '', /127\.0\.0\.1.*loopback/);
    assert.equal(target.connections(), 0);
  });

  it('refuses decimal, hex and IPv4-mapped IPv6 spellings of loopback', async () => {
    const target = await scope.receiver();
    const services = await productionWorker();
    for (const host of ['2130706433', '0x7f000001', '[::ffff:127.0.0.1]']) {
      const { attempt } = await deliverOnce(services, `http://${host}:${target.port}/`);
      assert.equal(attempt.outcome, 'refused', host);
    }
    assert.equal(target.connections(), 0);
  });

  it('never connects through a host name that resolves to loopback', async () => {
    const target = await scope.receiver();
    const services = await productionWorker();
    for (const host of ['hooks.shop.test', 'localhost']) {
      const { attempt } = await deliverOnce(services, `http://${host}:${target.port}/hook`);
      assert.equal(attempt.outcome, 'refused', host);
      assert.match(attempt.reason ?? '', new RegExp(`${host} resolves to .*loopback`));
    }
    assert.equal(target.connections(), 0);
  });

  it('never follows a redirect from an allowed host to a refused one', async () => {
    const target = await scope.receiver();
    const location = `http://127.0.0.1:${target.port}/hook`;
    const redirector = await scope.receiver(() => ({ statusCode: 302, headers: { location } }));
    const services = await productionWorker({ PAYOFF_WEBHOOK_ALLOW_HOSTS: 'allowed.shop.test' });

    const { job, attempt } = await deliverOnce(
      services,
      `http://allowed.shop.test:${redirector.port}/hook`,
    );
    assert.equal(redirector.requests.length, 1);
    assert.equal(job.state, 'failed');
    assert.equal(attempt.outcome, 'rejected');
    assert.equal(Number(attempt.status_code), 302);
    assert.match(attempt.reason ?? '', /redirect .*not followed/);
    assert.equal(target.connections(), 0);
  });
});
