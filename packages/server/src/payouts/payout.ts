import type { Currency } from '../money/currency.js';
import type { PayoutRow } from '../store/database.js';
import type { CommissionType } from './quote.js';

/** Where a payout stands: `in_process` until it becomes `success` or `cancel`, once. */
export type PayoutStatus = 'in_process' | 'success' | 'cancel';

/** A final status. */
export type FinalStatus = Exclude<PayoutStatus, 'in_process'>;

/** A payout as the domain sees it: money in integer minor units. */
export interface Payout {
  readonly id: string;
  readonly merchantId: string;
  readonly myId: string | null;
  readonly method: string;
  readonly wallet: string;
  readonly bankId: string | null;
  readonly bankName: string | null;
  readonly phoneOperator: string | null;
  /** The `amount` parameter as requested, kopecks. */
  readonly requestedKopecks: bigint;
  /** RUB value the recipient gets, kopecks. */
  readonly amountKopecks: bigint;
  readonly amountDownKopecks: bigint;
  readonly commissionKopecks: bigint;
  readonly commissionType: CommissionType;
  readonly currency: Currency;
  /** Minor units of `currency` at its scale. */
  readonly amountInCurrency: bigint;
  /** RUB per unit of `currency` as decimal text; null for RUB payouts. */
  readonly rate: string | null;
  readonly webhookUrl: string | null;
  readonly rail: string;
  readonly status: PayoutStatus;
  readonly cancelMessage: string | null;
  readonly createdAt: string;
  readonly completedAt: string | null;
}

/** Maps a stored row to a payout. */
export function toPayout(row: PayoutRow): Payout {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    myId: row.my_id,
    method: row.method,
    wallet: row.wallet,
    bankId: row.bank_id,
    bankName: row.bank_name,
    phoneOperator: row.phone_operator,
    requestedKopecks: BigInt(row.requested_amount),
    amountKopecks: BigInt(row.amount),
    amountDownKopecks: BigInt(row.amount_down),
    commissionKopecks: BigInt(row.commission),
    commissionType: Number(row.commission_type) === 1 ? 1 : 0,
    currency: row.currency as Currency,
    amountInCurrency: BigInt(row.amount_in_currency),
    rate: row.rate,
    webhookUrl: row.webhook_url,
    rail: row.rail,
    status: row.status as PayoutStatus,
    cancelMessage: row.cancel_message,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}
