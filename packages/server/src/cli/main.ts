import { Command, CommanderError } from 'commander';
import { PayoffError } from '../errors/payoff-error.js';
import { registerBalanceCommands } from './commands/balance-commands.js';
import { registerKeyCommands } from './commands/key-commands.js';
import { registerMerchantCommands } from './commands/merchant-commands.js';
import { registerPayoutCommands } from './commands/payout-commands.js';
import { registerRatesCommands } from './commands/rates-commands.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerStoreCommands } from './commands/store-commands.js';
import { registerWebhookCommands } from './commands/webhook-commands.js';
import { registerWorkerCommand } from './commands/worker-command.js';

/** Builds the `payoff` command-line program. */
export function buildProgram(): Command {
  const program = new Command('payoff')
    .description('Payout server speaking the aaio payoff API')
    .option('--data-dir <dir>', 'data directory (default: $PAYOFF_DATA_DIR or ./data)')
    .option('--config <file>', 'JSON config file (default: $PAYOFF_CONFIG)')
    .option('--json', 'print machine-readable JSON')
    .showHelpAfterError()
    .exitOverride();

  registerServeCommand(program);
  registerWorkerCommand(program);
  registerStoreCommands(program);
  registerMerchantCommands(program);
  registerKeyCommands(program);
  registerBalanceCommands(program);
  registerPayoutCommands(program);
  registerWebhookCommands(program);
  registerRatesCommands(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const prefix = error instanceof PayoffError ? '' : 'error: ';
    process.stderr.write(`${prefix}${message}\n`);
    process.exitCode = 1;
  }
}

await main(process.argv);
