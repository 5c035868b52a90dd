import { PayoffError } from '../errors/payoff-error.js';
import { rateCurrencies, rateMaxScale, type RateCurrency } from '../money/currency.js';
import { formatFixed, parseDecimal, type ScaledDecimal } from '../money/decimal.js';
import type { Queryable, Store } from '../store/store.js';
import { maxRateText, minRateText, parseRateText } from './parse-rate.js';

/** A rate: RUB per one unit of a currency, exact. */
export interface Rate {
  readonly currency: RateCurrency;
  /** The decimal text as set, without leading zeros, e.g. `"96.92"`. */
  readonly text: string;
  readonly value: ScaledDecimal;
}

/**
 * The exchange rates in force: those set with `payoff rates set` (kept in the store)
 * win over the configured ones.
 */
export class RateBook {
  constructor(
    private readonly store: Store,
    private readonly configured: Readonly<Record<RateCurrency, string>>,
  ) {}

  /** Every rate currency's rate. */
  async all(db: Queryable = this.store.db): Promise<Record<RateCurrency, Rate>> {
    const rows = await db.selectFrom('rates').select(['currency', 'rub_per_unit']).execute();
    const stored = new Map(rows.map((row) => [row.currency, row.rub_per_unit]));
    const entries = rateCurrencies.map((currency) => {
      const text = stored.get(currency) ?? this.configured[currency];
      return [currency, toRate(currency, text)] as const;
    });
    return Object.fromEntries(entries) as Record<RateCurrency, Rate>;
  }

  /** One currency's rate. */
  async get(currency: RateCurrency, db: Queryable = this.store.db): Promise<Rate> {
    const row = await db
      .selectFrom('rates')
      .select('rub_per_unit')
      .where('currency', '=', currency)
      .executeTakeFirst();
    return toRate(currency, row?.rub_per_unit ?? this.configured[currency]);
  }

  /** Sets a rate; it is used from the next payout on. */
  async set(currency: string, text: string): Promise<Rate> {
    if (!(rateCurrencies as readonly string[]).includes(currency)) {
      const known = rateCurrencies.join(', ');
      throw new PayoffError('invalid_parameter', `Unknown currency ${currency}; use ${known}.`);
    }
    if (parseRateText(text) === undefined) {
      throw new PayoffError(
        'invalid_parameter',
        `A rate must be a decimal from ${minRateText} to ${maxRateText} with at most ` +
          `${rateMaxScale} decimals, like 96.92.`,
      );
    }
    const rate = toRate(currency as RateCurrency, text);
    const updatedAt = new Date().toISOString();
    await this.store.transaction(async (tx) => {
      await tx
        .insertInto('rates')
        .values({ currency, rub_per_unit: rate.text, updated_at: updatedAt })
        .onConflict((oc) =>
          oc.column('currency').doUpdateSet({ rub_per_unit: rate.text, updated_at: updatedAt }),
        )
        .execute();
    });
    return rate;
  }
}

/**
 * A rate read back from the store or the configuration. Stored rates are read leniently
 * (any positive decimal): one set before the minimum existed still loads, and the quote
 * refuses what it would price beyond the money limit.
 */
function toRate(currency: RateCurrency, text: string): Rate {
  const value = parseDecimal(text, rateMaxScale);
  if (value === undefined || value.units === 0n) {
    throw new Error(`the ${currency} rate "${text}" is not a positive decimal`);
  }
  // Canonical text: "095.50" would otherwise reach the wire as an invalid JSON number.
  return { currency, text: formatFixed(value.units, value.scale), value };
}
