import { PayoffError } from '../errors/payoff-error.js';
import { currencyScales, type Currency } from '../money/currency.js';
import { divideDown, divideHalfUp, formatShortest } from '../money/decimal.js';
import { maxMinorUnits } from '../money/money-limit.js';
import { formatRub, rubScale } from '../money/rub.js';
import { percentScale, type PayoutMethod } from '../methods/payout-method.js';
import type { Rate } from '../rates/rate-book.js';

/** 0: commission comes out of `amount`; 1: commission is debited on top of it. */
export type CommissionType = 0 | 1;

/** What a payout costs and delivers, all in integer minor units. */
export interface Quote {
  /** RUB value the recipient gets, kopecks. */
  readonly amountKopecks: bigint;
  /** What leaves the merchant's available balance, kopecks. */
  readonly amountDownKopecks: bigint;
  readonly commissionKopecks: bigint;
  readonly currency: Currency;
  /** What the recipient gets in `currency`, minor units at its scale. */
  readonly amountInCurrency: bigint;
  /** The rate used; undefined for RUB methods. */
  readonly rate: Rate | undefined;
}

/** `percentUnits` (percent × 10^4) of `amountKopecks`, rounded half-up, plus a fixed sum. */
export function commissionFor(
  amountKopecks: bigint,
  percentUnits: bigint,
  sumKopecks: bigint,
): bigint {
  const percentDenominator = 100n * 10n ** BigInt(percentScale);
  return divideHalfUp(amountKopecks * percentUnits, percentDenominator) + sumKopecks;
}

/**
 * Converts kopecks into minor units of a currency at `currencyScale`, rounding down so
 * the recipient never gets more than was paid for. `rate` is RUB per unit.
 */
export function convertFromRub(kopecks: bigint, rate: Rate, currencyScale: number): bigint {
  const numerator = kopecks * 10n ** BigInt(currencyScale + rate.value.scale);
  const denominator = rate.value.units * 10n ** BigInt(rubScale);
  return divideDown(numerator, denominator);
}

/**
 * Prices a payout of `amountKopecks` (the request's `amount`) by `method`. A non-RUB
 * method needs the rate of its currency. Throws `amount_too_small` when the commission
 * leaves the recipient nothing, and `amount_out_of_range` when a tiny rate would make
 * the amount in the currency more than `maxMinorUnits`: a smaller amount still fits.
 */
export function quotePayoff(
  amountKopecks: bigint,
  commissionType: CommissionType,
  method: PayoutMethod,
  rate: Rate | undefined,
): Quote {
  const commission = commissionFor(
    amountKopecks,
    method.commissionPercentUnits,
    method.commissionSumKopecks,
  );
  const recipient = commissionType === 0 ? amountKopecks - commission : amountKopecks;
  const amountDown = commissionType === 0 ? amountKopecks : amountKopecks + commission;
  if (recipient <= 0n) {
    throw new PayoffError(
      'amount_too_small',
      `Parameter 'amount' is too small: the commission of ${formatRub(commission)} RUB ` +
        'leaves nothing to pay out.',
    );
  }

  const currency = method.currency;
  if (currency === 'RUB') {
    return quote(recipient, amountDown, commission, currency, recipient, undefined);
  }
  if (!rate) throw new Error(`no rate given for ${currency}`);
  const inCurrency = convertFromRub(recipient, rate, currencyScales[currency]);
  if (inCurrency <= 0n) {
    throw new PayoffError(
      'amount_too_small',
      `Parameter 'amount' is too small: it buys nothing in ${currency} at the current rate.`,
    );
  }
  if (inCurrency > maxMinorUnits) {
    const limit = formatShortest(maxMinorUnits, currencyScales[currency]);
    throw new PayoffError(
      'amount_out_of_range',
      `Parameter 'amount' is too large for method ${method.code} at the rate of ${rate.text} ` +
        `RUB per ${currency}: it comes to more than ${limit} ${currency}, the ledger's limit.`,
    );
  }
  return quote(recipient, amountDown, commission, currency, inCurrency, rate);
}

function quote(
  amountKopecks: bigint,
  amountDownKopecks: bigint,
  commissionKopecks: bigint,
  currency: Currency,
  amountInCurrency: bigint,
  rate: Rate | undefined,
): Quote {
  return { amountKopecks, amountDownKopecks, commissionKopecks, currency, amountInCurrency, rate };
}
