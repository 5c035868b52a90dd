/**
 * Row types of every table, as the engines return them. Money columns are `bigint`
 * minor units; small integer flags may come back as number or bigint depending on the
 * engine, so readers convert them with `Number()`. Timestamps are ISO-8601 UTC text.
 */
export interface Database {
  merchants: MerchantRow;
  api_keys: ApiKeyRow;
  accounts: AccountRow;
  transfers: TransferRow;
  entries: EntryRow;
  payouts: PayoutRow;
  rates: RateRow;
}

export interface MerchantRow {
  id: string;
  name: string;
  payoff_webhook_url: string | null;
  webhook_secret: string;
  created_at: string;
}

export interface ApiKeyRow {
  /** Public part of the key, also the lookup id. */
  id: string;
  merchant_id: string;
  /** Lowercase hex SHA-256 of the secret part. */
  secret_hash: string;
  /** Space-separated permission names. */
  permissions: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AccountRow {
  id: string;
  merchant_id: string | null;
  kind: string;
  balance: bigint;
  /** 1 for the funding account, the only one allowed below zero. */
  may_go_negative: number | bigint;
}

export interface TransferRow {
  id: string;
  kind: string;
  payout_id: string | null;
  created_at: string;
}

export interface EntryRow {
  transfer_id: string;
  account_id: string;
  /** Signed minor units: positive credits the account, negative debits it. */
  amount: bigint;
}

export interface PayoutRow {
  id: string;
  merchant_id: string;
  my_id: string | null;
  method: string;
  wallet: string;
  bank_id: string | null;
  bank_name: string | null;
  phone_operator: string | null;
  /** The `amount` parameter of the request, kopecks. */
  requested_amount: bigint;
  /** RUB value the recipient gets, kopecks. */
  amount: bigint;
  amount_down: bigint;
  commission: bigint;
  commission_type: number | bigint;
  currency: string;
  /** Minor units of `currency` at its scale. */
  amount_in_currency: bigint;
  /** RUB per unit of `currency` as decimal text; null for RUB. */
  rate: string | null;
  webhook_url: string | null;
  rail: string;
  status: string;
  cancel_message: string | null;
  created_at: string;
  completed_at: string | null;
  /** When the rail should next act on the payout; null once it is final. */
  rail_due_at: string | null;
}

export interface RateRow {
  currency: string;
  rub_per_unit: string;
  updated_at: string;
}
