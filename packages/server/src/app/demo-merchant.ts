import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiKey } from '../merchants/api-keys.js';
import { createMerchant } from '../merchants/merchants.js';
import { creditMerchant } from '../ledger/balances.js';
import { parseRubAmount } from '../money/rub.js';
import type { Store } from '../store/store.js';

/** File in the data directory that keeps the demo key, readable by its owner only. */
export const demoKeyFileName = 'demo-api-key.txt';

/** File in the data directory that keeps the demo webhook secret, owner-only too. */
export const demoWebhookSecretFileName = 'demo-webhook-secret.txt';

/** The demo merchant made on first start. */
export interface DemoMerchant {
  readonly merchantId: string;
  readonly key: string;
  readonly keyFile: string | undefined;
  /** The payoff webhook secret receivers check `sign` with, shown once. */
  readonly webhookSecret: string;
}

/**
 * On an empty store, creates a funded demo merchant with an all-permission key and
 * writes the key and the webhook secret to 0600 files in the data directory, so the
 * local sandbox can be tried without copying them from the console. Undefined when any
 * merchant already exists.
 */
export async function ensureDemoMerchant(
  store: Store,
  dataDir: string,
  balanceRub: string,
): Promise<DemoMerchant | undefined> {
  const existing = await store.db.selectFrom('merchants').select('id').limit(1).execute();
  if (existing.length > 0) return undefined;

  const merchant = await createMerchant(store, 'Demo merchant');
  await creditMerchant(store, merchant.id, parseRubAmount(balanceRub) ?? 0n);
  const { key } = await createApiKey(store, merchant.id);

  const shown = { merchantId: merchant.id, key, webhookSecret: merchant.webhookSecret };
  if (dataDir === ':memory:') return { ...shown, keyFile: undefined };
  const keyFile = join(dataDir, demoKeyFileName);
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
  const secretFile = join(dataDir, demoWebhookSecretFileName);
  writeFileSync(secretFile, `${merchant.webhookSecret}\n`, { mode: 0o600 });
  return { ...shown, keyFile };
}
