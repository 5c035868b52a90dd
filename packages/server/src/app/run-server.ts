import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { defaults } from '../config/defaults.js';
import { buildHttpApp } from '../http/build-app.js';
import { closeSenders } from '../webhooks/safe-sender.js';
import { ensureDemoMerchant, type DemoMerchant } from './demo-merchant.js';
import { buildServices, type Services } from './services.js';

/** A started server: its address, services and a way to stop it gracefully. */
export interface RunningServer {
  readonly app: FastifyInstance;
  readonly services: Services;
  readonly url: string;
  readonly demo: DemoMerchant | undefined;
  /** Stops accepting requests, finishes in-flight work, closes the store. */
  close(): Promise<void>;
}

/** Options of `payoff serve`. */
export interface RunServerOptions {
  /** Create the funded demo merchant when the store is empty (never in production). */
  readonly demo: boolean;
  /** Run the webhook delivery worker here (default); else `payoff worker` must run. */
  readonly worker?: boolean;
}

/** Starts the HTTP server, the in-process sandbox rail and the webhook delivery worker. */
export async function runServer(
  config: Config,
  logger: Logger,
  options: RunServerOptions,
): Promise<RunningServer> {
  const services = await buildServices(config, logger);
  const wantDemo = options.demo && config.mode !== 'production';
  const demo = wantDemo
    ? await ensureDemoMerchant(services.store, config.dataDir, defaults.demoBalanceRub)
    : undefined;

  const app = buildHttpApp(services);
  await app.listen({ host: config.host, port: config.port });
  const url = localUrl(app, config.host);
  services.sandbox.start(services.payouts, logger);
  if (options.worker ?? true) services.deliveryWorker.start();
  logger.info({ url, dataDir: config.dataDir, mode: config.mode }, 'payoff server listening');

  const close = async (): Promise<void> => {
    // Stop settling and claiming at once, not after the last slow client has gone: work
    // started now could be cut off by the grace period and then repeated after a restart.
    await Promise.all([app.close(), services.sandbox.stop(), services.deliveryWorker.stop()]);
    await closeSenders();
    await services.store.close();
  };
  return { app, services, url, demo, close };
}

function localUrl(app: FastifyInstance, host: string): string {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
}

/** A sample TRC-20 address for the printed example. */
export const exampleTronWallet = 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7';

/** The curl command printed next to the demo key. */
export function demoCurl(url: string, key: string): string {
  return [
    `curl -X POST ${url}/api/create-payoff \\`,
    "  -H 'Accept: application/json' \\",
    `  -H 'X-Api-Key: ${key}' \\`,
    '  -d my_id=demo-1 -d method=tether_trc20 -d amount=500 -d commission_type=0 \\',
    `  -d wallet=${exampleTronWallet}`,
  ].join('\n');
}
