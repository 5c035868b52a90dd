import type { Logger } from 'pino';
import { buildServices, type Services } from '../app/services.js';
import type { Config } from '../config/config.js';
import { closeSenders } from '../webhooks/safe-sender.js';

/** A started stand-alone delivery worker and a way to stop it gracefully. */
export interface RunningWorker {
  readonly services: Services;
  /** Stops claiming, waits for deliveries in flight to be recorded, closes the store. */
  close(): Promise<void>;
}

/**
 * Runs only the webhook delivery worker, for operators who send webhooks from other
 * processes than the ones answering the API (`payoff serve --no-worker`). Any number of
 * workers may share one database: each job is leased to one worker at a time.
 */
export async function runWorker(config: Config, logger: Logger): Promise<RunningWorker> {
  const services = await buildServices(config, logger);
  services.deliveryWorker.start();
  logger.info(
    { workerId: services.deliveryWorker.id, dataDir: config.dataDir, mode: config.mode },
    'payoff webhook worker started',
  );
  const close = async (): Promise<void> => {
    await services.deliveryWorker.stop();
    await closeSenders();
    await services.store.close();
  };
  return { services, close };
}
