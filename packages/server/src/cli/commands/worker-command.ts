import type { Command } from 'commander';
import { createLogger } from '../../logging/logger.js';
import { runWorker } from '../../worker/run-worker.js';
import { commandConfig } from '../context.js';
import { closeOnSignals } from '../signals.js';

/** `payoff worker`: the webhook delivery worker alone. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('deliver queued webhooks without serving the API (migrates the store on start)')
    .action(async (_options: unknown, command: Command) => {
      const config = commandConfig(command);
      const logger = createLogger(config.logLevel);
      const worker = await runWorker(config, logger);
      closeOnSignals(worker.close, config.shutdownGraceMs, logger);
    });
}
