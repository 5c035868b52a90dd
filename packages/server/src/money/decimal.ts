/**
 * Exact decimal text ⇄ integer minor units. Money never passes through a JavaScript
 * number: amounts are `bigint` counts of the currency's smallest unit at a given scale.
 */

import { maxMinorUnits } from './money-limit.js';

const decimalPattern = /^(\d+)(?:\.(\d+))?$/;

/** A non-negative decimal held as an integer and the number of digits after the point. */
export interface ScaledDecimal {
  readonly units: bigint;
  readonly scale: number;
}

/**
 * Parses plain decimal text (`"96.92"`, `"3"`) with at most `maxScale` decimals.
 * Returns undefined for anything else: signs, exponents, commas, spaces, hex.
 */
export function parseDecimal(text: string, maxScale: number): ScaledDecimal | undefined {
  const match = decimalPattern.exec(text);
  if (!match) return undefined;

  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > maxScale) return undefined;

  return { units: BigInt(whole + fraction), scale: fraction.length };
}

/** Rescales a decimal to exactly `scale` digits after the point (only ever widening). */
export function toScale(value: ScaledDecimal, scale: number): bigint {
  if (scale < value.scale) throw new RangeError(`cannot narrow scale ${value.scale} to ${scale}`);
  return value.units * 10n ** BigInt(scale - value.scale);
}

/**
 * Parses decimal text into minor units at exactly `scale` digits:
 * `toMinorUnits("8.2", 2)` is `820n`. Undefined when the text has more decimals or
 * comes to more than `maxMinorUnits`.
 */
export function toMinorUnits(text: string, scale: number): bigint | undefined {
  const parsed = parseDecimal(text, scale);
  if (parsed === undefined) return undefined;
  const minorUnits = toScale(parsed, scale);
  return minorUnits <= maxMinorUnits ? minorUnits : undefined;
}

/** Writes minor units as decimal text with exactly `scale` decimals: `(50000n, 2)` → `"500.00"`. */
export function formatFixed(minorUnits: bigint, scale: number): string {
  const negative = minorUnits < 0n;
  const digits = (negative ? -minorUnits : minorUnits).toString().padStart(scale + 1, '0');
  const sign = negative ? '-' : '';
  if (scale === 0) return sign + digits;

  const whole = digits.slice(0, digits.length - scale);
  return `${sign}${whole}.${digits.slice(digits.length - scale)}`;
}

/**
 * Writes minor units as the shortest exact decimal text:
 * `(48500n, 2)` → `"485"`, `(6040n, 2)` → `"60.4"`.
 */
export function formatShortest(minorUnits: bigint, scale: number): string {
  const fixed = formatFixed(minorUnits, scale);
  if (scale === 0) return fixed;
  return fixed.replace(/\.?0+$/, '');
}

/** Integer division rounding half away from zero, for non-negative operands. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** Integer division rounding down, for non-negative operands. */
export function divideDown(numerator: bigint, denominator: bigint): bigint {
  return numerator / denominator;
}
