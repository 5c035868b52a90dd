import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type net from 'node:net';
import { createInterface } from 'node:readline';
import { afterEach } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildServices, type Services } from '../../src/app/services.js';
import { loadConfig } from '../../src/config/config.js';
import { creditMerchant } from '../../src/ledger/balances.js';
import { createLogger } from '../../src/logging/logger.js';
import { createMerchant } from '../../src/merchants/merchants.js';
import { setPayoffWebhookUrl } from '../../src/merchants/webhook-settings.js';
import type { Payout } from '../../src/payouts/payout.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { closeSenders } from '../../src/webhooks/safe-sender.js';

/** One request a test receiver got. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A receiver's answer: a status code, a status with headers, or never answering. */
export type ReceiverAnswer =
  | number
  | 'hang'
  | { readonly statusCode: number; readonly headers: Readonly<Record<string, string>> };

/** How a receiver answers its n-th request (from 0). */
export type ReceiverReply = (index: number, request: ReceivedRequest) => ReceiverAnswer;

/** A real HTTP server on 127.0.0.1 that records what it receives. */
export interface Receiver {
  readonly url: string;
  readonly port: number;
  readonly requests: ReceivedRequest[];
  /** TCP connections accepted so far. */
  connections(): number;
  /** Resolves once `count` requests have arrived; rejects after `timeoutMs`. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a receiver on a free loopback port; it answers 200 unless told otherwise. */
export async function startReceiver(reply: ReceiverReply = () => 200): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  let connectionCount = 0;
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const received = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    const answer = reply(requests.length, received);
    requests.push(received);
    if (answer === 'hang') return;
    const { statusCode, headers } =
      typeof answer === 'number' ? { statusCode: answer, headers: {} } : answer;
    response.writeHead(statusCode, { 'content-type': 'text/plain', ...headers });
    response.end(statusCode < 300 ? 'ok' : 'no');
  });
  server.on('connection', () => {
    connectionCount += 1;
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    requests,
    connections: () => connectionCount,
    waitForRequests: (count, timeoutMs = 10_000) =>
      waitFor(() => requests.length >= count, timeoutMs, `${count} requests at :${port}`),
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Polls `condition` every 10 ms until it holds; rejects naming `what` after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Services over an in-memory store, silent, with tiny webhook delays so retries happen
 * within a test. `env` adds or overrides `PAYOFF_*` variables.
 */
export async function webhookTestServices(env: NodeJS.ProcessEnv = {}): Promise<Services> {
  const config = loadConfig(
    {
      PAYOFF_WEBHOOK_RETRY_DELAYS_MS: '20,20,20,20',
      PAYOFF_WEBHOOK_POLL_MS: '10',
      PAYOFF_WEBHOOK_CONNECT_TIMEOUT_MS: '1000',
      PAYOFF_WEBHOOK_TOTAL_TIMEOUT_MS: '2000',
      ...env,
    },
    { dataDir: ':memory:' },
  );
  return buildServices(config, createLogger('silent'), openSqliteStore(':memory:'));
}

/** What one test starts, torn down after it. */
export interface WebhookTestScope {
  /** Starts a receiver that is closed after the test, before anything else. */
  receiver(reply?: ReceiverReply): Promise<Receiver>;
  /** `webhookTestServices`, whose worker is stopped and store closed after the test. */
  services(env?: NodeJS.ProcessEnv): Promise<Services>;
  /** Runs `work` after the test; later work runs first. */
  defer(work: () => Promise<void>): void;
}

/**
 * Registers an `afterEach` that closes the receivers a test started (so requests left
 * hanging end at once), runs its deferred work last-in first-out, and closes the
 * sender's pooled connections. Call once per test file, at the top level.
 */
export function webhookTestScope(): WebhookTestScope {
  const receivers: Receiver[] = [];
  const deferred: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const receiver of receivers.splice(0)) await receiver.close();
    for (const work of deferred.splice(0).reverse()) await work();
    await closeSenders();
  });
  return {
    receiver: async (reply) => {
      const started = await startReceiver(reply);
      receivers.push(started);
      return started;
    },
    services: async (env) => {
      const services = await webhookTestServices(env);
      deferred.push(async () => {
        await services.deliveryWorker.stop();
        await services.store.close();
      });
      return services;
    },
    defer: (work) => {
      deferred.push(work);
    },
  };
}

/** A merchant with 100 000 RUB and, optionally, a payoff webhook URL. */
export interface FundedMerchant {
  readonly merchantId: string;
  readonly webhookSecret: string;
}

/** Creates a funded merchant. */
export async function fundedMerchant(
  services: Services,
  webhookUrl: string | null = null,
): Promise<FundedMerchant> {
  const merchant = await createMerchant(services.store, 'Webhook test shop');
  await creditMerchant(services.store, merchant.id, 10_000_000n);
  if (webhookUrl !== null) await setPayoffWebhookUrl(services.store, merchant.id, webhookUrl);
  return { merchantId: merchant.id, webhookSecret: merchant.webhookSecret };
}

/** A valid `cards_ru` create-payoff request for 500 RUB, with any override. */
export function cardPayoff(
  overrides: Readonly<Record<string, string | undefined>> = {},
): Record<string, string | undefined> {
  return { method: 'cards_ru', wallet: '4111111111111111', amount: '500', ...overrides };
}

/** Creates a payout and settles it at once with `status`. */
export async function settledPayout(
  services: Services,
  merchantId: string,
  params: Readonly<Record<string, string | undefined>> = cardPayoff(),
  status: 'success' | 'cancel' = 'success',
): Promise<Payout> {
  const { payout } = await services.payouts.create(merchantId, params);
  const message = status === 'cancel' ? 'Declined by the test.' : null;
  return (await services.payouts.settle(payout.id, status, message)).payout;
}

/** A payout's terminal event and its delivery job, straight from the store. */
export async function eventOf(services: Services, payoutId: string) {
  const event = await services.store.db
    .selectFrom('webhook_events')
    .selectAll()
    .where('payout_id', '=', payoutId)
    .executeTakeFirstOrThrow();
  const job = await services.store.db
    .selectFrom('webhook_jobs')
    .selectAll()
    .where('event_id', '=', event.id)
    .executeTakeFirst();
  return { event, job };
}

/** A job's attempts, first to last. */
export async function attemptsOf(services: Services, eventId: string) {
  return services.store.db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('number')
    .execute();
}

/** Resolves once the job of `payoutId` is no longer pending; returns the job. */
export async function finishedJob(services: Services, payoutId: string, timeoutMs = 10_000) {
  await waitFor(
    async () => {
      const { job } = await eventOf(services, payoutId);
      return job !== undefined && job.state !== 'pending';
    },
    timeoutMs,
    `the webhook of payout ${payoutId} to finish`,
  );
  const { job } = await eventOf(services, payoutId);
  if (job === undefined) throw new Error(`payout ${payoutId} has no webhook job`);
  return job;
}

/** A `payoff` command running in a child process, with its JSON log lines collected. */
export interface PayoffProcess {
  readonly child: ChildProcess;
  readonly logs: Record<string, unknown>[];
  /** Resolves with the first log line (past or future) `matches` accepts. */
  waitForLog(
    matches: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Sends `signal` and resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const payoffBin = fileURLToPath(new URL('../../../bin/payoff.js', import.meta.url));

/**
 * Runs `payoff <args>` with the test's environment minus its `PAYOFF_*` variables,
 * plus `env`. Lines of stdout that are JSON are kept as log lines; stderr is kept as text
 * for failure messages.
 */
export function spawnPayoff(args: readonly string[], env: Record<string, string>): PayoffProcess {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('PAYOFF_')),
  );
  const child = spawn(process.execPath, [payoffBin, ...args], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  const exited = once(child, 'exit');

  return {
    child,
    logs,
    waitForLog: async (matches, timeoutMs = 15_000) => {
      await waitFor(
        () => logs.some(matches) || child.exitCode !== null,
        timeoutMs,
        `a log line of payoff ${args.join(' ')}`,
      );
      const found = logs.find(matches);
      if (!found) throw new Error(`payoff ${args.join(' ')} exited: ${stderr}`);
      return found;
    },
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
