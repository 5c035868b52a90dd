import type { Command } from 'commander';
import { runServer, demoCurl } from '../../app/run-server.js';
import { createLogger } from '../../logging/logger.js';
import { commandConfig } from '../context.js';

/** `payoff serve`: the HTTP API and the in-process sandbox rail. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the payoff API server (migrates the store on start)')
    .option('--port <port>', 'TCP port (default: $PORT, $PAYOFF_PORT or 3000)', parsePort)
    .option('--no-demo', 'do not create the demo merchant on an empty store')
    .action(async (options: { port?: number; demo: boolean }, command: Command) => {
      const config = commandConfig(command, options.port);
      const logger = createLogger(config.logLevel);
      const server = await runServer(config, logger, { demo: options.demo });
      if (server.demo) printDemo(server.url, server.demo.key, server.demo.keyFile);
      handleSignals(server.close, config.shutdownGraceMs, logger);
    });
}

function printDemo(url: string, key: string, keyFile: string | undefined): void {
  const lines = [
    '',
    'Demo merchant created with 100000.00 RUB. Its API key (shown once'
      + (keyFile ? `, kept in ${keyFile}` : '') + '):',
    '',
    `  ${key}`,
    '',
    'Try a payout:',
    '',
    demoCurl(url, key),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function handleSignals(close: () => Promise<void>, graceMs: number, logger: { info: (o: object, m: string) => void }): void {
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), graceMs);
    force.unref();
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be 0 to 65535, not ${text}`);
  }
  return port;
}
