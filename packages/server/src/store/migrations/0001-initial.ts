import { sql, type Kysely } from 'kysely';

/** Merchants, keys, the double-entry ledger, payouts and rates. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('merchants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payoff_webhook_url', 'text')
    .addColumn('webhook_secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('permissions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.references('merchants.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('balance', 'bigint', (c) => c.notNull())
    .addColumn('may_go_negative', 'integer', (c) => c.notNull())
    .addCheckConstraint('accounts_no_overdraft', sql`may_go_negative = 1 or balance >= 0`)
    .execute();
  await db
    .insertInto('accounts' as never)
    .values([
      { id: 'system:funding', kind: 'funding', balance: 0, may_go_negative: 1 },
      { id: 'system:paid_out', kind: 'paid_out', balance: 0, may_go_negative: 0 },
      { id: 'system:commission_income', kind: 'commission_income', balance: 0, may_go_negative: 0 },
    ] as never)
    .execute();

  await db.schema
    .createTable('payouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('my_id', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('wallet', 'text', (c) => c.notNull())
    .addColumn('bank_id', 'text')
    .addColumn('bank_name', 'text')
    .addColumn('phone_operator', 'text')
    .addColumn('requested_amount', 'bigint', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('amount_down', 'bigint', (c) => c.notNull())
    .addColumn('commission', 'bigint', (c) => c.notNull())
    .addColumn('commission_type', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_in_currency', 'bigint', (c) => c.notNull())
    .addColumn('rate', 'text')
    .addColumn('webhook_url', 'text')
    .addColumn('rail', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('rail_due_at', 'text')
    .addCheckConstraint('payouts_status', sql`status in ('in_process', 'success', 'cancel')`)
    .execute();
  await db.schema
    .createIndex('payouts_merchant_my_id')
    .on('payouts')
    .columns(['merchant_id', 'my_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('payouts_rail_due')
    .on('payouts')
    .columns(['rail', 'rail_due_at'])
    .execute();

  await db.schema
    .createTable('transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payout_id', 'text', (c) => c.references('payouts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One reserve, one success or cancel per payout: a second refund cannot be written.
  await db.schema
    .createIndex('transfers_payout_kind')
    .on('transfers')
    .columns(['payout_id', 'kind'])
    .unique()
    .execute();

  await db.schema
    .createTable('entries')
    .addColumn('transfer_id', 'text', (c) => c.notNull().references('transfers.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('entries_pk', ['transfer_id', 'account_id'])
    .execute();
  await db.schema.createIndex('entries_account').on('entries').column('account_id').execute();

  await db.schema
    .createTable('rates')
    .addColumn('currency', 'text', (c) => c.primaryKey())
    .addColumn('rub_per_unit', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
