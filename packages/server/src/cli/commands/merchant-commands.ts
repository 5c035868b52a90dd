import type { Command } from 'commander';
import { createMerchant, listMerchants } from '../../merchants/merchants.js';
import { rotateWebhookSecret, setPayoffWebhookUrl } from '../../merchants/webhook-settings.js';
import { output, withServices } from '../context.js';

/** `payoff merchant create|list|set-webhook|rotate-webhook-secret`. */
export function registerMerchantCommands(program: Command): void {
  const merchant = program.command('merchant').description('manage merchants');

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
        ].join('\n'),
      );
    });

  merchant
    .command('list')
    .description('list merchants')
    .action(async (_options: unknown, command: Command) => {
      const merchants = await withServices(command, (s) => listMerchants(s.store.db));
      output(
        command,
        merchants.map((m) => ({ ...m })),
        () =>
          merchants
            .map(
              (m) =>
                `${m.id}  ${m.name}  created ${m.createdAt}` +
                `  webhook ${m.payoffWebhookUrl ?? '-'}`,
            )
            .join('\n') || 'no merchants',
      );
    });

  merchant
    .command('set-webhook')
    .description("set the URL a merchant's payoff webhooks go to when a payout names none")
    .requiredOption('--merchant <id>', 'merchant id')
    .option('--url <url>', 'absolute http or https URL')
    .option('--clear', 'remove the URL: payouts without webhook_url then send no webhook')
    .action(async (options: SetWebhookOptions, command: Command) => {
      if ((options.url === undefined) === (options.clear !== true)) {
        throw new Error('give either --url <url> or --clear');
      }
      const url = options.url ?? null;
      const updated = await withServices(command, (s) =>
        setPayoffWebhookUrl(s.store, options.merchant, url),
      );
      output(
        command,
        { ...updated },
        () => `merchant ${updated.id} webhook URL: ${updated.payoffWebhookUrl ?? '(none)'}`,
      );
    });

  merchant
    .command('rotate-webhook-secret')
    .description('replace the payoff webhook secret; the new one is printed once')
    .requiredOption('--merchant <id>', 'merchant id')
    .action(async (options: { merchant: string }, command: Command) => {
      const secret = await withServices(command, (s) =>
        rotateWebhookSecret(s.store, options.merchant),
      );
      output(
        command,
        { merchant: options.merchant, webhookSecret: secret },
        () => `new payoff webhook secret of ${options.merchant} (shown once): ${secret}`,
      );
    });
}

interface SetWebhookOptions {
  readonly merchant: string;
  readonly url?: string;
  readonly clear?: boolean;
}
