import type { Command } from 'commander';
import { dirname, join } from 'node:path';
import { demoWebhookSecretFileName, type DemoMerchant } from '../../app/demo-merchant.js';
import { runServer, demoCurl } from '../../app/run-server.js';
import { createLogger } from '../../logging/logger.js';
import { commandConfig } from '../context.js';
import { closeOnSignals } from '../signals.js';

/** `payoff serve`: the HTTP API, the in-process sandbox rail and the webhook worker. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the payoff API server (migrates the store on start)')
    .option('--port <port>', 'TCP port (default: $PORT, $PAYOFF_PORT or 3000)', parsePort)
    .option('--no-demo', 'do not create the demo merchant on an empty store')
    .option('--no-worker', 'do not deliver webhooks here (run `payoff worker` instead)')
    .action(async (options: ServeOptions, command: Command) => {
      const config = commandConfig(command, options.port);
      const logger = createLogger(config.logLevel);
      const server = await runServer(config, logger, options);
      if (server.demo) printDemo(server.url, server.demo);
      closeOnSignals(server.close, config.shutdownGraceMs, logger);
    });
}

interface ServeOptions {
  readonly port?: number;
  readonly demo: boolean;
  readonly worker: boolean;
}

function printDemo(url: string, demo: DemoMerchant): void {
  const lines = [
    '',
    `Demo merchant ${demo.merchantId} created with 100000.00 RUB. Its API key (shown once` +
      (demo.keyFile ? `, kept in ${demo.keyFile}` : '') +
      '):',
    '',
    `  ${demo.key}`,
    '',
    'Its payoff webhook secret, for checking webhook signatures (shown once' +
      (demo.keyFile ? `, kept in ${demoSecretPath(demo.keyFile)}` : '') +
      '):',
    '',
    `  ${demo.webhookSecret}`,
    '',
    'Try a payout:',
    '',
    demoCurl(url, demo.key),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function demoSecretPath(keyFile: string): string {
  return join(dirname(keyFile), demoWebhookSecretFileName);
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be 0 to 65535, not ${text}`);
  }
  return port;
}
