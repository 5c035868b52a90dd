import type { Currency } from '../money/currency.js';
import type { WalletFormat } from './wallet-checks.js';

/** A payout method as written in configuration: money as decimal RUB text. */
export interface MethodSettings {
  readonly name: string;
  readonly currency: Currency;
  readonly walletFormat: WalletFormat;
  /** Smallest `amount` accepted, RUB. */
  readonly min: string;
  /** Largest `amount` accepted, RUB. */
  readonly max: string;
  /** Percent of `amount` taken as commission, up to four decimals. */
  readonly commissionPercent: string;
  /** Fixed commission added to the percentage, RUB. */
  readonly commissionSum: string;
  readonly enabled: boolean;
  /** Name of the rail that executes payouts of this method. */
  readonly rail: string;
}

/** Digits a commission percent may carry after the point. */
export const percentScale = 4;

/** A payout method ready for arithmetic: every amount in integer minor units. */
export interface PayoutMethod {
  readonly code: string;
  readonly name: string;
  readonly currency: Currency;
  readonly walletFormat: WalletFormat;
  readonly minKopecks: bigint;
  readonly maxKopecks: bigint;
  /** Commission percent times 10^percentScale: 3 % is `30000n`. */
  readonly commissionPercentUnits: bigint;
  readonly commissionSumKopecks: bigint;
  readonly enabled: boolean;
  readonly rail: string;
  /** The configured decimal text, for listing methods without re-formatting. */
  readonly settings: MethodSettings;
}
