/**
 * Webhook delivery benchmark: settles 1,000 payouts at once, then times the delivery
 * worker (default settings, durable SQLite file) sending all their webhooks to local
 * receivers, against a baseline of raw undici POSTs of the same bodies to the same
 * receivers at the same concurrency, measured in the same run. Prints both rates and
 * their ratio. The receivers run in a child process so that the worker's synchronous
 * SQLite writes never slow them down.
 *
 *   npm run build && node packages/server/dist/bench/webhook-delivery.js [payouts]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent } from 'undici';
import { buildServices } from '../src/app/services.js';
import { loadConfig } from '../src/config/config.js';
import { creditMerchant } from '../src/ledger/balances.js';
import { createLogger } from '../src/logging/logger.js';
import { createMerchant } from '../src/merchants/merchants.js';
import { setPayoffWebhookUrl } from '../src/merchants/webhook-settings.js';
import { closeSenders } from '../src/webhooks/safe-sender.js';

/** Receivers, one origin each, like as many merchants. */
const originCount = 8;

interface ReceiverStats {
  readonly requests: number;
  readonly distinctEvents: number;
}

async function runReceivers(): Promise<void> {
  const seen = new Set<string>();
  let requests = 0;
  const ports: number[] = [];
  for (let i = 0; i < originCount; i += 1) {
    const server = http.createServer((request, response) => {
      request.resume().on('end', () => {
        requests += 1;
        seen.add(String(request.headers['x-payoff-event-id'] ?? requests));
        response.writeHead(200).end('ok');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    ports.push((server.address() as net.AddressInfo).port);
  }
  process.on('message', (message) => {
    if (message === 'reset') {
      requests = 0;
      seen.clear();
    }
    process.send?.({ requests, distinctEvents: seen.size });
  });
  process.send?.({ ports });
}

function ask(child: ChildProcess, message: 'stats' | 'reset'): Promise<ReceiverStats> {
  const answer = once(child, 'message') as Promise<[ReceiverStats]>;
  child.send(message);
  return answer.then(([stats]) => stats);
}

async function waitForRequests(child: ChildProcess, count: number): Promise<ReceiverStats> {
  for (;;) {
    const stats = await ask(child, 'stats');
    if (stats.requests >= count) return stats;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function main(payoutCount: number): Promise<void> {
  const receivers = fork(fileURLToPath(import.meta.url), ['receivers']);
  const [{ ports }] = (await once(receivers, 'message')) as [{ ports: number[] }];
  const dataDir = mkdtempSync(join(tmpdir(), 'payoff-bench-'));
  const config = loadConfig({}, { dataDir });
  const services = await buildServices(config, createLogger('warn'));

  const merchantIds: string[] = [];
  for (const port of ports) {
    const merchant = await createMerchant(services.store, `Bench shop ${port}`);
    await creditMerchant(services.store, merchant.id, 1_000_000_000n);
    await setPayoffWebhookUrl(services.store, merchant.id, `http://127.0.0.1:${port}/hook`);
    merchantIds.push(merchant.id);
  }
  const payoutIds: string[] = [];
  for (let i = 0; i < payoutCount; i += 1) {
    const merchantId = merchantIds[i % merchantIds.length] ?? '';
    const params = { method: 'cards_ru', wallet: '4111111111111111', amount: '500' };
    payoutIds.push((await services.payouts.create(merchantId, params)).payout.id);
  }
  const settleStartMs = performance.now();
  await Promise.all(payoutIds.map((id) => services.payouts.settle(id, 'success')));
  const settleMs = performance.now() - settleStartMs;

  const jobs = await services.store.db
    .selectFrom('webhook_jobs')
    .innerJoin('webhook_events', 'webhook_events.id', 'webhook_jobs.event_id')
    .select(['webhook_jobs.url', 'webhook_events.body', 'webhook_events.id'])
    .execute();
  const baselineMs = await rawPosts(jobs, config.webhookConcurrency);
  await ask(receivers, 'reset');

  const workerStartMs = performance.now();
  services.deliveryWorker.start();
  const stats = await waitForRequests(receivers, payoutCount);
  const workerMs = performance.now() - workerStartMs;
  await services.deliveryWorker.stop();
  await closeSenders();
  const delivered = await services.store.db
    .selectFrom('webhook_jobs')
    .select('event_id')
    .where('state', '=', 'delivered')
    .execute();
  await services.store.close();
  receivers.kill();
  rmSync(dataDir, { recursive: true, force: true });

  const workerRate = payoutCount / (workerMs / 1000);
  const baselineRate = payoutCount / (baselineMs / 1000);
  const lines = [
    `payouts settled together        ${payoutCount} in ${settleMs.toFixed(0)} ms`,
    `receivers (origins)             ${originCount}`,
    `delivery worker                 ${workerRate.toFixed(0)} deliveries/s` +
      ` (${workerMs.toFixed(0)} ms; ${config.webhookConcurrency} in flight,` +
      ` ${config.webhookOriginConcurrency} per origin)`,
    `baseline: raw undici POSTs      ${baselineRate.toFixed(0)} requests/s` +
      ` (${baselineMs.toFixed(0)} ms; ${config.webhookConcurrency} in flight)`,
    `worker / baseline               ${(workerRate / baselineRate).toFixed(2)}`,
    `exactly once                    ${
      stats.requests === payoutCount &&
      stats.distinctEvents === payoutCount &&
      delivered.length === payoutCount
    }` +
      ` (${stats.requests} requests, ${stats.distinctEvents} distinct events,` +
      ` ${delivered.length} jobs delivered)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** POSTs every stored body once with plain undici, `concurrency` at a time; returns ms. */
async function rawPosts(
  jobs: readonly { url: string; body: string; id: string }[],
  concurrency: number,
): Promise<number> {
  const agent = new Agent();
  let next = 0;
  const startMs = performance.now();
  const lane = async (): Promise<void> => {
    for (let job = jobs[next++]; job !== undefined; job = jobs[next++]) {
      const response = await agent.request({
        origin: new URL(job.url).origin,
        path: new URL(job.url).pathname,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: job.body,
      });
      await response.body.dump();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const elapsedMs = performance.now() - startMs;
  await agent.close();
  return elapsedMs;
}

if (process.argv[2] === 'receivers') {
  await runReceivers();
} else {
  await main(Number(process.argv[2] ?? 1000));
}
