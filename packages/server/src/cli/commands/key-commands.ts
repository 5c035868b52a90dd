import type { Command } from 'commander';
import { createApiKey, listApiKeys, revokeApiKey } from '../../merchants/api-keys.js';
import { permissions } from '../../merchants/permissions.js';
import { output, withServices } from '../context.js';

/** `payoff key create|revoke|list`. */
export function registerKeyCommands(program: Command): void {
  const key = program.command('key').description('manage API keys');

  key
    .command('create')
    .description('create an API key; the key is printed once and stored only as a hash')
    .requiredOption('--merchant <id>', 'merchant id')
    .option(
      '--permissions <list>',
      `comma-separated, from ${permissions.join(',')}`,
      permissions.join(','),
    )
    .action(async (options: { merchant: string; permissions: string }, command: Command) => {
      const granted = options.permissions
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      const created = await withServices(command, (s) =>
        createApiKey(s.store, options.merchant, granted),
      );
      output(command, { ...created, permissions: [...created.permissions] }, () =>
        [
          `key ${created.id} for merchant ${created.merchantId} ` +
            `(${created.permissions.join(', ')})`,
          `API key (shown once): ${created.key}`,
        ].join('\n'),
      );
    });

  key
    .command('revoke')
    .description('revoke an API key by its id')
    .argument('<keyId>', 'the key id shown by key list')
    .action(async (keyId: string, _options: unknown, command: Command) => {
      await withServices(command, (s) => revokeApiKey(s.store, keyId));
      output(command, { revoked: keyId }, () => `key ${keyId} revoked`);
    });

  key
    .command('list')
    .description('list API keys (never their secrets)')
    .option('--merchant <id>', 'only this merchant')
    .action(async (options: { merchant?: string }, command: Command) => {
      const keys = await withServices(command, (s) => listApiKeys(s.store.db, options.merchant));
      output(
        command,
        keys.map((k) => ({ ...k, permissions: [...k.permissions] })),
        () =>
          keys
            .map(
              (k) =>
                `${k.id}  merchant ${k.merchantId}  ${k.permissions.join(',')}` +
                (k.revokedAt ? `  revoked ${k.revokedAt}` : ''),
            )
            .join('\n') || 'no keys',
      );
    });
}
