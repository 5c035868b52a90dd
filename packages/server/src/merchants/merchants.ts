import { randomBytes, randomUUID } from 'node:crypto';
import { merchantAccount, merchantAccountKinds } from '../ledger/accounts.js';
import { PayoffError } from '../errors/payoff-error.js';
import type { MerchantRow } from '../store/database.js';
import type { Queryable, Store } from '../store/store.js';

/** A merchant as the rest of the server sees it; the webhook secret stays in the store. */
export interface Merchant {
  readonly id: string;
  readonly name: string;
  readonly payoffWebhookUrl: string | null;
  readonly createdAt: string;
}

/** A newly created merchant, with its webhook secret shown this once. */
export interface CreatedMerchant extends Merchant {
  readonly webhookSecret: string;
}

/** A fresh payoff-webhook secret from the CSPRNG: 64 hex characters. */
export function newWebhookSecret(): string {
  return randomBytes(32).toString('hex');
}

/** Creates a merchant with empty available, hold and referral accounts. */
export async function createMerchant(store: Store, name: string): Promise<CreatedMerchant> {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) {
    throw new PayoffError('invalid_parameter', 'A merchant name must be 1 to 200 characters.');
  }
  const row: MerchantRow = {
    id: randomUUID(),
    name: trimmed,
    payoff_webhook_url: null,
    webhook_secret: newWebhookSecret(),
    created_at: new Date().toISOString(),
  };

  await store.transaction(async (tx) => {
    await tx.insertInto('merchants').values(row).execute();
    await tx
      .insertInto('accounts')
      .values(
        merchantAccountKinds.map((kind) => ({
          id: merchantAccount(row.id, kind),
          merchant_id: row.id,
          kind,
          balance: 0n,
          may_go_negative: 0,
        })),
      )
      .execute();
  });
  return { ...toMerchant(row), webhookSecret: row.webhook_secret };
}

/** Every merchant, oldest first. */
export async function listMerchants(db: Queryable): Promise<Merchant[]> {
  const rows = await db.selectFrom('merchants').selectAll().orderBy('created_at').execute();
  return rows.map(toMerchant);
}

/** The merchant with this id; `not_found` when there is none. */
export async function getMerchant(db: Queryable, id: string): Promise<Merchant> {
  const row = await db.selectFrom('merchants').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new PayoffError('not_found', `Merchant ${id} was not found.`);
  return toMerchant(row);
}

function toMerchant(row: MerchantRow): Merchant {
  return {
    id: row.id,
    name: row.name,
    payoffWebhookUrl: row.payoff_webhook_url,
    createdAt: row.created_at,
  };
}
