import { rateMaxScale } from '../money/currency.js';
import { parseDecimal, toScale, type ScaledDecimal } from '../money/decimal.js';

/**
 * The smallest rate an operator may set, RUB per unit. A smaller one prices a payout in
 * absurd quantities of the currency: at 0.00000001 RUB per BTC, 1000 RUB would be 10^11
 * BTC, beyond what the books can hold.
 */
export const minRateText = '0.0001';

const minRateUnits = toScale({ units: 1n, scale: 4 }, rateMaxScale);

/**
 * The largest rate an operator may set, RUB per unit: far above any real price, and
 * small enough that every client reads it back exactly as a JSON number.
 */
export const maxRateText = '1000000000';

const maxRateUnits = toScale({ units: 10n ** 9n, scale: 0 }, rateMaxScale);

/**
 * Parses a rate an operator sets (configuration or `payoff rates set`): plain decimal
 * text with at most `rateMaxScale` decimals, from `minRateText` to `maxRateText`.
 * Undefined otherwise.
 */
export function parseRateText(text: string): ScaledDecimal | undefined {
  const value = parseDecimal(text, rateMaxScale);
  if (value === undefined) return undefined;
  const units = toScale(value, rateMaxScale);
  return units < minRateUnits || units > maxRateUnits ? undefined : value;
}
