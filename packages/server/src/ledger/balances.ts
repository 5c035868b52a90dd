import { PayoffError } from '../errors/payoff-error.js';
import { getMerchant } from '../merchants/merchants.js';
import type { Queryable, Store } from '../store/store.js';
import { merchantAccount, systemAccounts, type MerchantAccountKind } from './accounts.js';
import { postTransfer } from './ledger.js';

/** A merchant's balances in kopecks. */
export interface MerchantBalance {
  readonly available: bigint;
  readonly hold: bigint;
  readonly referral: bigint;
}

/** Adds money to a merchant's available (or referral) balance, from the funding account. */
export async function creditMerchant(
  store: Store,
  merchantId: string,
  kopecks: bigint,
  kind: Extract<MerchantAccountKind, 'available' | 'referral'> = 'available',
): Promise<MerchantBalance> {
  if (kopecks <= 0n) throw new PayoffError('invalid_amount', 'A credit must be above zero.');
  await getMerchant(store.db, merchantId);

  await store.transaction(async (tx) => {
    await postTransfer(tx, {
      kind: 'credit',
      at: new Date().toISOString(),
      legs: [
        { account: systemAccounts.funding, amount: -kopecks },
        { account: merchantAccount(merchantId, kind), amount: kopecks },
      ],
    });
  });
  return getBalance(store.db, merchantId);
}

/** Reads a merchant's balances. */
export async function getBalance(db: Queryable, merchantId: string): Promise<MerchantBalance> {
  const rows = await db
    .selectFrom('accounts')
    .select(['kind', 'balance'])
    .where('merchant_id', '=', merchantId)
    .execute();
  if (rows.length === 0)
    throw new PayoffError('not_found', `Merchant ${merchantId} was not found.`);

  const byKind = new Map(rows.map((row) => [row.kind, BigInt(row.balance)]));
  return {
    available: byKind.get('available') ?? 0n,
    hold: byKind.get('hold') ?? 0n,
    referral: byKind.get('referral') ?? 0n,
  };
}
