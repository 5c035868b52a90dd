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
 * Parses a rate an operator sets (configuration or `payoff rates set`): plain decimal
 * text with at most `rateMaxScale` decimals, at least `minRateText`. Undefined otherwise.
 */
export function parseRateText(text: string): ScaledDecimal | undefined {
  const value = parseDecimal(text, rateMaxScale);
  if (value === undefined || toScale(value, rateMaxScale) < minRateUnits) return undefined;
  return value;
}
