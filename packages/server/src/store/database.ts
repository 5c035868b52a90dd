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
  webhook_events: WebhookEventRow;
  webhook_jobs: WebhookJobRow;
  webhook_attempts: WebhookAttemptRow;
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

/** A payout's terminal webhook event: written once, in the settlement transaction. */
export interface WebhookEventRow {
  /** Event id, sent as `X-Payoff-Event-Id` with every attempt. */
  id: string;
  /** Unique: a payout has at most one terminal event. */
  payout_id: string;
  merchant_id: string;
  /** The payout's final status: `success` or `cancel`. */
  status: string;
  /** The exact form body every attempt sends, `sign` included. */
  body: string;
  created_at: string;
}

/** The delivery job of an event that has a URL to go to. */
export interface WebhookJobRow {
  event_id: string;
  url: string;
  /** `scheme://host:port` of `url`: the unit of the per-origin concurrency limit. */
  origin: string;
  /** `pending` until `delivered` or, once the retries are used up, `failed`. */
  state: string;
  /** Attempts started so far; numbers the next attempt. */
  attempt_count: number | bigint;
  /** Failed attempts since the job was (re)queued: picks the next retry delay. */
  retry_step: number | bigint;
  /** When the next attempt is due; null once the job is finished. */
  next_attempt_at: string | null;
  /** The worker holding the job while it sends, until `lease_until`. */
  lease_owner: string | null;
  lease_until: string | null;
  created_at: string;
  finished_at: string | null;
}

/** One delivery attempt of an event, numbered from 1. */
export interface WebhookAttemptRow {
  event_id: string;
  number: number | bigint;
  started_at: string;
  /** `delivered`, `rejected` (a non-2xx answer), `refused` (target not allowed) or `error`. */
  outcome: string;
  status_code: number | bigint | null;
  /** Why the attempt failed, when it did. */
  reason: string | null;
  duration_ms: number | bigint;
  /** When the job was due again after this attempt; null when it was the last. */
  next_attempt_at: string | null;
}
