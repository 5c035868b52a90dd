import type { Command } from 'commander';
import { createMerchant, listMerchants } from '../../merchants/merchants.js';
import { output, withServices } from '../context.js';

/** `payoff merchant create|list`. */
export function registerMerchantCommands(program: Command): void {
  const merchant = program.command('merchant').description('create and list merchants');

  merchant
    .command('create')
    .description('create a merchant with empty balances; prints its id and webhook secret once')
    .requiredOption('--name <name>', 'display name')
    .action(async (options: { name: string }, command: Command) => {
      const created = await withServices(command, (s) => createMerchant(s.store, options.name));
      output(command, { ...created }, () =>
        [
          `merchant ${created.id} (${created.name}) created`,
          `payoff webhook secret (shown once): ${created.webhookSecret}`,
        ].join('\n'));
    });

  merchant
    .command('list')
    .description('list merchants')
    .action(async (_options: unknown, command: Command) => {
      const merchants = await withServices(command, (s) => listMerchants(s.store.db));
      output(command, merchants.map((m) => ({ ...m })), () =>
        merchants.map((m) => `${m.id}  ${m.name}  created ${m.createdAt}`).join('\n')
          || 'no merchants');
    });
}
