import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { MethodCatalogue } from '../methods/method-catalogue.js';
import { PayoutService } from '../payouts/payout-service.js';
import { manualRail, type Rail } from '../rails/rail.js';
import { SandboxRail } from '../rails/sandbox-rail.js';
import { RateBook } from '../rates/rate-book.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { DeliveryWorker } from '../webhooks/delivery-worker.js';
import { WebhookOutbox } from '../webhooks/outbox.js';

/** Everything the transports (HTTP, CLI, workers) call into. */
export interface Services {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: Store;
  readonly catalogue: MethodCatalogue;
  readonly rates: RateBook;
  readonly payouts: PayoutService;
  readonly sandbox: SandboxRail;
  /** Sends queued webhooks once started (by `payoff serve` or `payoff worker`). */
  readonly deliveryWorker: DeliveryWorker;
}

/**
 * Opens the store (migrating it) and wires the services. `store` may be passed in,
 * for tests that share one.
 */
export async function buildServices(
  config: Config,
  logger: Logger,
  store: Store = openSqliteStore(config.dataDir),
): Promise<Services> {
  await store.migrate();
  const catalogue = new MethodCatalogue(config.methods);
  const rates = new RateBook(store, config.rates);
  const sandbox = new SandboxRail({ delayMs: config.sandboxDelayMs, pollMs: config.sandboxPollMs });
  const rails = new Map<string, Rail>([
    [sandbox.name, sandbox],
    [manualRail.name, manualRail],
  ]);
  checkRails(catalogue, rails);

  const payouts = new PayoutService({
    store,
    catalogue,
    rates,
    sbpBanks: config.sbpBanks,
    rails,
    outbox: new WebhookOutbox({ displayTimeZone: config.displayTimeZone }),
    logger,
  });
  const deliveryWorker = new DeliveryWorker({ store, logger, settings: config });
  return { config, logger, store, catalogue, rates, payouts, sandbox, deliveryWorker };
}

function checkRails(catalogue: MethodCatalogue, rails: ReadonlyMap<string, Rail>): void {
  for (const method of catalogue.all()) {
    if (!rails.has(method.rail)) {
      const known = [...rails.keys()].join(', ');
      throw new Error(`Method ${method.code} names rail "${method.rail}"; known rails: ${known}.`);
    }
  }
}
