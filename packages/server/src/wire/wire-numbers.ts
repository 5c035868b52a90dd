import { formatShortest, parseDecimal } from '../money/decimal.js';
import { JsonNumber } from '../money/json-number.js';
import { rubScale } from '../money/rub.js';

/** Minor units at `scale` as the shortest exact JSON number: `(6040n, 2)` → `60.4`. */
export function scaledNumber(units: bigint, scale: number): JsonNumber {
  return new JsonNumber(formatShortest(units, scale));
}

/** A RUB amount in kopecks as a JSON number: `48500n` → `485`. */
export function rubNumber(kopecks: bigint): JsonNumber {
  return scaledNumber(kopecks, rubScale);
}

/**
 * Stored decimal text (a rate) as its shortest exact JSON number, so text such as
 * `"096.920"` still reaches the wire as valid JSON: `96.92`.
 */
export function decimalTextNumber(text: string): JsonNumber {
  const value = parseDecimal(text, Number.MAX_SAFE_INTEGER);
  if (value === undefined) throw new RangeError(`not a decimal: ${text}`);
  return scaledNumber(value.units, value.scale);
}
